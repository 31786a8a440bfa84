/** The `termlint` command: a thin entry over `cli/run.ts` (also the script its lint worker threads run). */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isCliWorker, runCli, runCliWorker } from './cli/run';

if (!isMainThread && parentPort && isCliWorker(workerData)) {
  runCliWorker(parentPort, workerData);
} else {
  runCli(process.argv.slice(2), {
    // Wait for 'drain' when the pipe is full, or a large report would pile up in memory.
    stdout: (s) => (process.stdout.write(s) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()))),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`termlint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
