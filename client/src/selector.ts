/** Which documents the extension hands to the server: the configured languages, term files and the project configuration. */
import * as vscode from 'vscode';
import type { DocumentFilter } from 'vscode-languageclient/node';

export const DEFAULT_LANGUAGES = ['markdown', 'plaintext', 'html'];

/** The project configuration's name (server/src/config/keys.ts; a test holds the two together). */
export const PROJECT_CONFIG_FILE = 'termlint.config.json';

function asList(value: unknown, fallback: string[]): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : fallback;
}

/** Term-file globs are relative to a workspace folder; selectors match whole paths. */
function anywhere(glob: string): string {
  return glob.startsWith('**/') || glob.startsWith('/') ? glob : `**/${glob}`;
}

/**
 * The documents to hand the server: the languages of `termlint.languages` and of the project configurations
 * (`projectLanguages`, which the server reports), term files and the configuration itself. The server still
 * decides per document, with the settings in force, which it checks.
 */
export function documentSelector(projectLanguages: readonly string[] = [], config: vscode.WorkspaceConfiguration = vscode.workspace.getConfiguration('termlint')): DocumentFilter[] {
  const languages = [...new Set([...asList(config.get('languages'), DEFAULT_LANGUAGES), ...projectLanguages])];
  // Every term-list reader's globs: the manifest's default of termlint.termFiles (npm run manifest writes it from
  // the readers). The server treats files named so as term files wherever they are, so they are always selected.
  const readerGlobs = asList(config.inspect('termFiles')?.defaultValue, []);
  const termFiles = new Set([...readerGlobs, ...asList(config.get('termFiles'), readerGlobs), String(config.get('workspaceTermFile') ?? '.vscode/termlint.terms.json')]);
  const filters: DocumentFilter[] = [];
  for (const language of languages) filters.push({ language, scheme: 'file' }, { language, scheme: 'untitled' });
  for (const glob of termFiles) filters.push({ scheme: 'file', pattern: anywhere(glob) });
  // Its problems are shown in it as it is edited (the server reads it at each workspace folder's root).
  filters.push({ scheme: 'file', pattern: `**/${PROJECT_CONFIG_FILE}` });
  return filters;
}

/** Settings that change the selector need a client restart; the rest the server picks up itself. */
export function affectsSelector(e: vscode.ConfigurationChangeEvent): boolean {
  return ['termlint.languages', 'termlint.termFiles', 'termlint.workspaceTermFile'].some((s) => e.affectsConfiguration(s));
}
