/**
 * The CSV and TSV term-list reader (`*.terms.csv`, `*.terms.tsv`; any `.csv` or `.tsv` named as a term
 * list): a header row of language tags and fields (csv/columns.ts), one concept per row (csv/read.ts),
 * written back by csv/write.ts. Discovery takes only `*.terms.csv` and `*.terms.tsv`, so a project's other
 * spreadsheets are never read as term lists.
 */
import { readCsv } from './csv/read';
import { writeCsv } from './csv/write';
import type { TermListReader } from './reader';

export const csvReader: TermListReader = {
  id: 'csv',
  suffixes: ['.terms.csv', '.terms.tsv'],
  extensions: ['.csv', '.tsv'],
  globs: ['**/*.terms.csv', '**/*.terms.tsv'],
  read: readCsv,
  write: (list, options) => writeCsv(list, options?.delimiter ?? ','),
};
