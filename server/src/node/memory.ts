/**
 * Gives memory back after bursts of work. Loading a large term list or linting a large draft allocates far
 * more than it keeps; V8 then holds on to the grown heap, since Node never runs V8's idle-time memory reducer.
 * Once the server has been idle for a moment after such work, one full collection returns the free pages
 * (tsserver does the same). It never runs while the user is typing: every lint pushes it back.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface IdleCollector {
  /** Work just happened: collect once the server has been idle for the delay. */
  poke(): void;
  dispose(): void;
  /** Collections run so far. */
  readonly runs: number;
}

/**
 * A full garbage collection; with `compact`, one that also moves the old generation's live objects together, so
 * that its part-empty pages go too (V8 compacts only the pages it finds most fragmented otherwise).
 */
export type FullGc = (compact?: boolean) => void;

/** A full garbage collection, or undefined when this runtime refuses to expose one. */
export function exposeGc(): FullGc | undefined {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') {
    try {
      v8.setFlagsFromString('--expose-gc');
      const exposed = vm.runInNewContext('gc') as unknown;
      if (typeof exposed !== 'function') return undefined;
      gc = exposed as () => void;
    } catch {
      return undefined;
    }
  }
  const full = gc;
  return (compact) => {
    if (!compact) return full();
    // A flag V8 reads at each full collection, set for this one only.
    v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      full();
    } finally {
      v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
}

/**
 * Collects `delayMs` after the last work, and once more `settleMs` after it, after `beforeSettle` (the server
 * drops its lookup caches there: the next keystroke makes again the few it needs). The first collection frees what
 * the work left; the second comes once V8's allocation-rate window (the last 5 s) holds no work, so that V8 also
 * shrinks its young generation, whose pages (8 MB at 4 MB semi-spaces) stay committed otherwise until its own
 * memory reducer gets round to it, 8 s or more later (or not at all while the heap does not look idle to it). The
 * settling collection compacts the old generation too: the objects the work kept are spread over pages it
 * mostly freed (3 MB of them with 50,000 terms after a 1 MB draft), which V8 keeps otherwise. It costs about
 * 45 ms, once per pause in the work.
 */
export function createIdleCollector(delayMs = 1500, gc: FullGc | undefined = exposeGc(), settleMs = 6500, beforeSettle?: () => void): IdleCollector {
  let runs = 0;
  const collect = (compact: boolean) => {
    runs++;
    // The first collection frees; the second, finding the pages empty, gives them back.
    gc!();
    gc!(compact);
  };
  const settle = () => {
    beforeSettle?.();
    collect(true);
  };
  const timers = [idleTimer(delayMs, () => collect(false)), idleTimer(settleMs, settle)];
  return {
    poke() {
      if (gc) for (const t of timers) t.poke();
    },
    dispose() {
      for (const t of timers) t.cancel();
    },
    get runs() {
      return runs;
    },
  };
}

/** Runs `run` once `ms` have passed since the last `poke`; a pending run never keeps the process alive. */
function idleTimer(ms: number, run: () => void): { poke(): void; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    poke() {
      if (timer) timer.refresh();
      else {
        timer = setTimeout(() => {
          timer = undefined;
          run();
        }, ms);
        timer.unref();
      }
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Text read in one burst past which collections run around the compile that follows (see `createGarbageBudget`). */
export const LARGE_READ_CHARS = 1_000_000;

/**
 * Collects around the compile that follows the reading of large term lists. Reading a list makes about 20
 * bytes of garbage per character of its text (keys and maps for the collision check, the scanner's arrays),
 * compiling it as much again, and the first lint of a large draft follows at once: V8 held all three at
 * once, which was the server's peak (163 MB for a 2.9 MB list of 50,000 terms and a 1 MB draft opened with
 * it; 140 to 146 MB with a collection before the compile and one after it, each under 30 ms).
 */
export interface GarbageBudget {
  /** `chars` of term-list text were just read. */
  read(chars: number): void;
  /** A compile is about to start: collect first if the reads since the last compile were large. */
  beforeCompile(): void;
  /** That compile is done (and swapped in): collect its garbage too if the one before it collected. */
  afterCompile(): void;
  /** Collections run so far. */
  readonly runs: number;
}

/** `gc`: null where the runtime exposes no collector (then nothing runs). */
export function createGarbageBudget(largeChars = LARGE_READ_CHARS, gc: (() => void) | null = exposeGc() ?? null): GarbageBudget {
  let pending = 0;
  let large = false;
  let runs = 0;
  const collect = () => {
    runs++;
    gc!();
  };
  return {
    read(chars) {
      pending += chars;
    },
    beforeCompile() {
      large = pending >= largeChars && gc !== null;
      pending = 0;
      if (large) collect();
    },
    afterCompile() {
      if (large) collect();
      large = false;
    },
    get runs() {
      return runs;
    },
  };
}
