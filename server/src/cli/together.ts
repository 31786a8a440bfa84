/**
 * `--variant-scope workspace`: every file checked is linted as one body of text for variants, so a form one
 * file writes is weighed against the others' ("the files checked write "cross-border" 12 times and "cross
 * border" once"). Term findings and abbreviations stay each file's own. It runs on one thread: the counts need
 * every file at once.
 */
import { type CompiledTerms } from '../core/compile';
import { applyEdits, fixAllEdits } from '../core/fixes';
import { lintTogether } from '../core/lint';
import type { LintOptions } from '../core/types';
import { formatOf, readLintable, writeFileAtomic } from './files';
import type { FileFindings } from './report';

/** The CLI's options this mode reads. */
interface TogetherOptions {
  lint: Omit<LintOptions, 'format'>;
  fix: boolean;
  format: string;
  maxFileSize: number;
}

/** Who writes the forms, as the messages of this scope say it. */
const WHERE = 'the files checked write';

export function lintFilesTogether(
  files: readonly { file: string; shown: string }[],
  compiled: CompiledTerms,
  opts: TogetherOptions,
  stderr: (s: string) => void,
): { report?: FileFindings; fixed: number }[] {
  const read = files.map((f) => ({ ...f, doc: readLintable(f.file, f.shown, opts.maxFileSize, stderr) }));
  const lintable = read.filter((r) => r.doc !== undefined);
  const docs = lintable.map((r) => ({ text: r.doc!.text, format: formatOf(r.file) }));
  let results = lintTogether(docs, compiled, opts.lint, WHERE);
  const fixed = lintable.map(() => 0);
  if (opts.fix) {
    const before = results.map((r) => r.findings.length);
    const texts = docs.map((d, i) => applyEdits(d.text, fixAllEdits(results[i]!.findings)));
    lintable.forEach((r, i) => {
      if (texts[i] !== docs[i]!.text) writeFileAtomic(r.file, r.doc!.bom + texts[i]!);
    });
    results = lintTogether(texts.map((text, i) => ({ text, format: docs[i]!.format })), compiled, opts.lint, WHERE);
    lintable.forEach((r, i) => {
      docs[i]!.text = texts[i]!;
      if (texts[i] === r.doc!.text) return;
      fixed[i] = before[i]! - results[i]!.findings.length;
      if (opts.format === 'text') stderr(`${r.shown}: fixed ${fixed[i]} of ${before[i]} finding${before[i] === 1 ? '' : 's'}\n`);
    });
  }
  const byFile = new Map(lintable.map((r, i) => [r, i]));
  return read.map((r) => {
    const i = byFile.get(r);
    if (i === undefined) return { fixed: 0 };
    return { report: { file: r.shown, text: docs[i]!.text, findings: results[i]!.findings }, fixed: fixed[i]! };
  });
}
