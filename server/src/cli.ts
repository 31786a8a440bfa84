/** The `termlint` command: a thin entry over `cli/run.ts` (also the script its lint worker threads run). */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isCliWorker, runCli, runCliWorker } from './cli/run';
import { tuneForOneShot } from './node/oneShot';

if (!process.env.TERMLINT_V8_DEFAULTS) tuneForOneShot();

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
      // A bug, not a problem with the user's files (those are reported per file): one line, the stack on request.
      const debug = process.argv.includes('--debug');
      const detail = e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e);
      process.stderr.write(`termlint: internal error: ${detail}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
      process.exitCode = 2;
    },
  );
}
