/**
 * Linting many files on every core: the main thread and one worker thread per other core take files from one
 * queue (each worker reads the compiled term lists from the bytes it is given, node/compiledCache.ts, while the
 * main thread is already linting). Results are handed on in the order of the file list, whatever order the
 * threads finish in, so the report is byte for byte the single-threaded one.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileFindings } from './report';

/** Marks `workerData` of a CLI worker (the bundle's entry runs as a worker when it sees it). */
export const WORKER_MARK = 'termlintCliWorker';

/** What became of one file; `stderr` is what it printed, replayed in file order. */
export interface FileOutcome {
  index: number;
  /** With the file's severities (its configuration's), which the report needs. */
  report?: FileFindings;
  fixed: number;
  /** Why the file was not checked on purpose (over --max-file-size). */
  skipped?: string;
  /** Why the file could not be read, decoded or written (also said in `stderr`): an error of the run. */
  error?: string;
  stderr: string;
}

export interface FileJob {
  index: number;
  file: string;
  shown: string;
  /** Keep its uses of terms (a file of a translation pair). */
  keepUses?: boolean;
}

/** Below this much text, starting workers (each loading the bundle and warming V8 up again) costs more than it saves. */
export const PARALLEL_MIN_BYTES = 1024 * 1024;

/** Files sent ahead to each worker, so it never waits for the main thread to finish a file of its own. */
const AHEAD = 2;

/**
 * Threads by default: one per two cores. V8 compiles each thread's hot code on a background thread of its own,
 * and while a thread lints its first megabyte that takes about as much CPU as the lint: one thread linting 100
 * drafts × 100 KB keeps 1.4 cores busy, and on two cores two threads took longer than one (3.1 to 3.6 s against
 * 2.8 to 3.0 s, README › Benchmarks).
 */
export function defaultJobs(cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length): number {
  return Math.max(1, Math.floor(cores / 2));
}

/** The script a worker runs: the CLI entry (the bundle itself, or out/server/src/cli.js under tsc). */
function workerScript(): string {
  return path.basename(__filename) === 'cli.js' ? __filename : path.resolve(__dirname, '..', 'cli.js');
}

/**
 * Lints `jobs` on `threads` threads, this one included: `lintHere` lints a file on this thread; workers get
 * `compiled` (the compiled term lists as bytes, assembled again in each) and `options` (the CLI's parsed
 * options, plain data). `onOutcome` sees every file's outcome in file order.
 */
export async function lintInParallel(
  jobs: readonly FileJob[],
  compiled: Uint8Array,
  options: unknown,
  threads: number,
  lintHere: (job: FileJob) => FileOutcome,
  onOutcome: (o: FileOutcome) => void,
): Promise<void> {
  const done = new Map<number, FileOutcome>();
  let next = 0;
  let delivered = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const deliver = (o: FileOutcome) => {
    done.set(o.index, o);
    while (delivered < jobs.length && done.has(jobs[delivered]!.index)) {
      const index = jobs[delivered]!.index;
      onOutcome(done.get(index)!);
      done.delete(index);
      delivered++;
    }
    wake?.();
  };

  const pool: Worker[] = [];
  for (let i = 0; i < threads - 1 && i < jobs.length - 1; i++) {
    const w = new Worker(workerScript(), { workerData: { [WORKER_MARK]: true, compiled, options } });
    pool.push(w);
    w.on('message', (o: FileOutcome) => {
      if (next < jobs.length) w.postMessage(jobs[next++]);
      deliver(o);
    });
    w.on('error', (e) => {
      failure ??= e;
      wake?.();
    });
    w.on('exit', (code) => {
      if (code !== 0 && delivered < jobs.length) failure ??= new Error(`a lint worker stopped (exit code ${code})`);
      wake?.();
    });
    for (let k = 0; k < AHEAD && next < jobs.length; k++) w.postMessage(jobs[next++]);
  }
  try {
    // This thread takes files too, and lets the workers' messages in between files.
    while (delivered < jobs.length && !failure) {
      if (next < jobs.length) {
        deliver(lintHere(jobs[next++]!));
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  if (failure) throw failure;
}
