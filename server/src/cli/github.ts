/**
 * `--format github`: one workflow command per finding (`::warning file=…,line=…::message`), which GitHub Actions
 * shows as an annotation on the file and line of the pull request's diff, then the summary line.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { SeverityName } from '../core/kinds';
import { type FileFindings, recordsOf, summaryLine, type FindingRecord, type SummaryCounts } from './report';

const COMMAND: Record<SeverityName, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A command's message: `%`, CR and LF escaped (the runner decodes them). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: also `:` and `,`, which end a value. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function* formatGithub(reports: readonly FileFindings[], fileCount: number, counts?: SummaryCounts): Generator<string> {
  const records: FindingRecord[] = [];
  for (const report of reports) {
    for (const r of recordsOf(report)) {
      records.push(r);
      const where = `file=${escapeProperty(r.file)},line=${r.line},col=${r.column},endLine=${r.endLine},endColumn=${r.endColumn}`;
      yield `::${COMMAND[r.severity]} ${where},title=${escapeProperty(`Termlint ${r.kind}`)}::${escapeData(r.message)}\n`;
    }
  }
  yield `${summaryLine(records, fileCount, counts)}\n`;
}
