/**
 * The settings the extension hands the server: only those the user actually set (in user, workspace or folder
 * settings), not VS Code's defaults, so that a project's termlint.config.json is not overridden by values nobody
 * chose. The server layers them: defaults < termlint.config.json < these.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const SECTION = 'termlint';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `termlint.*` settings the manifest declares that are read per resource (`trace.server` is the client's). */
export function resourceSettingKeys(packageJSON: unknown): string[] {
  const properties = (packageJSON as { contributes?: { configuration?: { properties?: Record<string, { scope?: string }> } } }).contributes?.configuration?.properties ?? {};
  return Object.entries(properties)
    .filter(([name, p]) => name.startsWith(`${SECTION}.`) && (p.scope ?? 'window') === 'resource')
    .map(([name]) => name.slice(SECTION.length + 1));
}

/**
 * The values set explicitly for `scope`, as the `termlint` section's shape (`fuzzy.enabled` nested). An object
 * setting (`severity`) set at several levels merges them, folder over workspace over user, as VS Code does.
 */
export function explicitSettings(scope: vscode.Uri | undefined, keys: readonly string[]): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const inspected = config.inspect(key);
    if (!inspected) continue;
    const levels = [inspected.globalValue, inspected.workspaceValue, inspected.workspaceFolderValue].filter((v) => v !== undefined);
    if (levels.length === 0) continue;
    const value = levels.every(isPlainObject) ? Object.assign({}, ...levels) : levels[levels.length - 1];
    const path = key.split('.');
    let at = out;
    for (const part of path.slice(0, -1)) at = (at[part] = isPlainObject(at[part]) ? at[part] : {}) as Record<string, unknown>;
    at[path[path.length - 1]!] = value;
  }
  return out;
}

/** Answers the server's `workspace/configuration` requests for the `termlint` section with explicit values only. */
export function configurationMiddleware(keys: readonly string[]): Middleware['workspace'] {
  return {
    configuration: async (params, token, next) => {
      const answer = await next(params, token);
      if (!Array.isArray(answer)) return answer;
      return params.items.map((item, i) => (item.section === SECTION ? explicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined, keys) : (answer[i] as unknown)));
    },
  };
}
