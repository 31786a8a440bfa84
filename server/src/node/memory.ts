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

/** A full garbage collection, or undefined when this runtime refuses to expose one. */
export function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export function createIdleCollector(delayMs = 1500, gc = exposeGc()): IdleCollector {
  let timer: NodeJS.Timeout | undefined;
  let runs = 0;
  return {
    poke() {
      if (!gc) return;
      if (timer) timer.refresh();
      else {
        timer = setTimeout(() => {
          timer = undefined;
          runs++;
          // The first collection frees; the second, finding the pages empty, gives them back.
          gc();
          gc();
        }, delayMs);
        // A pending collection never keeps the process alive.
        timer.unref();
      }
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    get runs() {
      return runs;
    },
  };
}
