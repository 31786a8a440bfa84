/**
 * Where a report goes: stdout, or with `--output FILE` a temporary file beside FILE that is renamed over it only
 * when the whole report is written. A run that stops early (a broken configuration, a crash) leaves FILE as it
 * was, never empty or cut short: CI uploads what a finished run wrote, or fails on the missing file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ReportSink {
  write(s: string): void | Promise<void>;
  /** The report is complete: make it visible. */
  finish(): void;
  /** Writing failed: drop what was written. */
  abort(): void;
}

export function reportSink(io: { stdout: (s: string) => void | Promise<void> }, file: string | undefined): ReportSink {
  if (file === undefined) return { write: (s) => io.stdout(s), finish() {}, abort() {} };
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.termlint-${process.pid}-${Date.now()}.tmp`);
  let fd: number | undefined;
  const open = () => (fd ??= fs.openSync(tmp, 'w', 0o644));
  return {
    write(s) {
      fs.writeSync(open(), s);
    },
    finish() {
      const handle = open();
      fs.fsyncSync(handle);
      fs.closeSync(handle);
      fd = undefined;
      try {
        fs.renameSync(tmp, file);
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw e;
      }
    },
    abort() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
      fs.rmSync(tmp, { force: true });
    },
  };
}
