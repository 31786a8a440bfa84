/**
 * The JSON term-list reader (`*.terms.json`, validated in editors by `terms/terms.schema.json`). Clean files,
 * nearly all of them, take the fast path; anything else (a comment, a problem) goes to the positioned parser,
 * which says where each problem is. The result is the same either way.
 */
import type { TermFileResult } from '../types';
import { parseCleanTermFile } from './jsonFast';
import { parseTermFileInFull } from './jsonFull';
import { writeJson } from './jsonWrite';
import type { TermListReader } from './reader';

export function parseTermFile(text: string, file: string): TermFileResult {
  return parseCleanTermFile(text, file) ?? parseTermFileInFull(text, file);
}

export const jsonReader: TermListReader = {
  id: 'json',
  suffixes: ['.terms.json'],
  extensions: ['.json', '.jsonc'],
  globs: ['**/*.terms.json'],
  read: parseTermFile,
  write: writeJson,
};
