/**
 * Reads a project configuration (`termlint.config.json`): JSON with comments, checked against
 * termlint.config.schema.json, every problem positioned (line, column, JSON path) and written for the person who
 * edits the file, with the known key or value as a replacement when one was clearly meant. Pure: the caller reads
 * the file and the schema (server/src/node/projectConfig.ts), the CLI and the server share this.
 */
import { type Node as JsonNode, type ParseError, findNodeAtLocation, parseTree } from 'jsonc-parser';
import { LineIndex } from '../core/lines';
import { jsonErrorMessage } from '../core/termlists/jsonErrors';
import { nestingPastLimit } from '../core/termlists/jsonFull';
import type { TermFileProblem } from '../core/types';
import { CONFIG_FILE_NAME } from './keys';
import { type ConfigValidator, type SchemaError, describeSchemaError } from './schemaErrors';

/** A problem in a configuration file: the shape of a term file's, so both are reported alike. */
export type ConfigProblem = TermFileProblem;

/** One `overrides` entry: settings for the files its globs match. */
export interface ConfigOverride {
  /** Globs relative to the configuration's folder. */
  files: string[];
  /** Settings keys as written (validated), `files` removed. */
  settings: Record<string, unknown>;
}

/** A valid configuration, as plain data (it travels to the CLI's worker threads). */
export interface ProjectConfig {
  /** Where it was read from (a path or a URI), as the caller named it. */
  file: string;
  /** The top-level settings keys as written (validated), without `overrides` and `$schema`. */
  settings: Record<string, unknown>;
  overrides: ConfigOverride[];
}

export interface ProjectConfigResult {
  /** Present when the file has no errors. */
  config?: ProjectConfig;
  problems: ConfigProblem[];
}

/** Deeper than any valid configuration nests (overrides → entry → severity): keeps the parser's recursion bounded. */
const MAX_NESTING = 16;

export function parseProjectConfig(text: string, file: string, validator: ConfigValidator): ProjectConfigResult {
  const problems: ConfigProblem[] = [];
  let lines: LineIndex | undefined;
  const report = (offset: number, length: number, path: string, message: string, replacement?: string) => {
    lines ??= new LineIndex(text);
    const at = Math.min(Math.max(0, offset), text.length);
    const problem: ConfigProblem = { severity: 'error', message, path, offset: at, length: Math.min(length, text.length - at), ...lines.at(at) };
    if (replacement !== undefined) problem.replacement = replacement;
    problems.push(problem);
  };

  if (text.trim() === '') {
    report(0, 0, '', `${CONFIG_FILE_NAME} is empty: write {} for the defaults`);
    return { problems };
  }
  const deep = nestingPastLimit(text, MAX_NESTING);
  if (deep >= 0) {
    report(deep, 1, '', `Lists and objects nest more than ${MAX_NESTING} levels deep here; a configuration needs 4`);
    return { problems };
  }
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  // One message per place: after a slip the parser often reports two errors where one character is wrong.
  const seen = new Set<number>();
  for (const e of parseErrors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    report(e.offset, e.length, '', jsonErrorMessage(e, text));
  }
  if (parseErrors.length > 0 || !root) return { problems };
  if (root.type !== 'object') {
    report(root.offset, root.length, '', `${CONFIG_FILE_NAME} must be a JSON object: { "severity": { … }, … }`);
    return { problems };
  }
  const value = JSON.parse(JSON.stringify(nodeValue(root))) as Record<string, unknown>;
  for (const error of validator.validate(value)) {
    const d = describeSchemaError(error, value);
    const node = nodeFor(root, d.location, d.onKey);
    report(node?.offset ?? 0, node?.length ?? 0, jsonPath(d.location), d.message, d.replacement);
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.offset - b.offset);
    return { problems };
  }
  const { $schema: _schema, overrides, ...settings } = value;
  const entries = (Array.isArray(overrides) ? overrides : []) as Record<string, unknown>[];
  return {
    config: {
      file,
      settings,
      overrides: entries.map(({ files, ...rest }) => ({ files: files as string[], settings: rest })),
    },
    problems,
  };
}

/** The value of a parsed node, with the last of duplicate keys winning as in JSON.parse. */
function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** The node at a location; with `onKey`, the key of the property there (an unknown key is underlined, not its value). */
function nodeFor(root: JsonNode, location: readonly (string | number)[], onKey: boolean): JsonNode | undefined {
  const node = findNodeAtLocation(root, [...location]);
  if (!node) return root;
  return onKey && node.parent?.type === 'property' ? node.parent.children?.[0] : node;
}

/** `overrides[0].severity.joined`, as term-file problems name places. */
function jsonPath(location: readonly (string | number)[]): string {
  let out = '';
  for (const part of location) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

export type { ConfigValidator, SchemaError };
