/**
 * The TBX term-list reader (`*.tbx`): TBX-Basic in ISO 30042:2019 (TBX v3) and TBX v2, read by tbx/read.ts
 * over a safe XML parser (core/xml.ts: no DTD, no external entity is ever read), written by tbx/write.ts.
 */
import type { TermListReader } from './reader';
import { readTbx } from './tbx/read';
import { writeTbx } from './tbx/write';

export const tbxReader: TermListReader = {
  id: 'tbx',
  suffixes: ['.tbx'],
  extensions: ['.tbx', '.xml'],
  globs: ['**/*.tbx'],
  read: readTbx,
  write: (list, options) => writeTbx(list, options?.tbxVersion ?? 3),
};
