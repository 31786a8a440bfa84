/**
 * Writing a run's report in the format asked for (text, JSON, SARIF, GitHub workflow commands) to stdout or,
 * with `--output FILE`, atomically to FILE: shared by `termlint` and `termlint pair`, so both print findings
 * alike.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Term } from '../core/types';
import { formatGithub } from './github';
import { reportSink } from './output';
import { type FileFindings, type FileProblem, type SummaryCounts, formatSarif, formatText, jsonChunks, recordsOf, summaryLine, toRecords } from './report';
import { VERSION } from '../version';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'github'];

export interface EmitOptions {
  format: ReportFormat;
  /** `--output FILE`, as given. */
  output?: string;
  /** `--fix`: how many findings it fixed (the text report says so last). */
  fixed?: number;
  /** Files that could not be checked (SARIF's tool execution notifications). */
  errors?: readonly FileProblem[];
}

export interface EmitIO {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  cwd: string;
  color?: boolean;
}

/** Writes the report; false (after saying why) when `--output` could not be written. */
export async function emitReport(reports: readonly FileFindings[], termOf: (id: string, language: string | undefined) => Term | undefined, fileCount: number, counts: SummaryCounts, opts: EmitOptions, io: EmitIO): Promise<boolean> {
  const sink = reportSink(io, opts.output === undefined ? undefined : path.resolve(io.cwd, opts.output));
  try {
    if (opts.format === 'json') {
      const all = (function* () {
        for (const r of reports) yield* recordsOf(r);
      })();
      await writeChunks(sink.write, jsonChunks(all, all, all), '\n');
    } else if (opts.format === 'sarif') await writeChunks(sink.write, formatSarif(reports.filter((r) => r.findings.length > 0), VERSION, pathToFileURL(io.cwd).href, opts.errors ?? []));
    else if (opts.format === 'github') await writeChunks(sink.write, formatGithub(reports, fileCount, counts));
    else {
      const records = reports.flatMap(toRecords);
      if (records.length > 0) await writeChunks(sink.write, formatText(records, termOf, fileCount, { color: io.color === true && opts.output === undefined }, counts));
      else await sink.write(`${summaryLine(records, fileCount, counts)}\n`);
      if (opts.fixed !== undefined) await sink.write(`Fixed ${opts.fixed} finding${opts.fixed === 1 ? '' : 's'}.\n`);
    }
    sink.finish();
    return true;
  } catch (e) {
    sink.abort();
    if (opts.output === undefined) throw e;
    io.stderr(`termlint: cannot write ${opts.output}: ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
}

/**
 * Writes a report in pieces of about a megabyte, waiting whenever the output is full: one string for millions
 * of findings would be too long, and writing faster than a pipe is read would buffer the whole report.
 */
async function writeChunks(write: (s: string) => void | Promise<void>, chunks: Iterable<string>, end = ''): Promise<void> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer + end);
}
