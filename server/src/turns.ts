/**
 * Turns of the event loop handed out one at a time: urgent ones first, background ones spaced out, and spaced
 * out more while the user is typing.
 *
 * The connection (vscode-jsonrpc) handles one incoming message per turn of the event loop. Work that took a
 * turn of its own on every turn (a term-list change re-linting every open document, compiling a long list in
 * slices) would therefore make each keystroke's didChange and pull wait behind that much work per message
 * queued before it. So urgent turns (the pull of the document being edited) come at once, before any
 * background turn still waiting, and background turns come at most one per gap: in between, the loop handles
 * whatever has arrived. The gap is short when nobody types (an idle server gets through its background work
 * quickly) and longer within a moment of a keystroke (the background work takes a small share of the time,
 * so a keystroke rarely lands on one of its slices).
 */

/** The gap before each background turn while nobody types. */
export const IDLE_GAP_MS = 1;
/** The gap while someone types (a keystroke within `TYPING_MS`). */
export const TYPING_GAP_MS = 8;
const TYPING_MS = 300;

export interface Turns {
  /** Resolves on a turn of its own: urgent ones on the next turn, before waiting background ones. */
  next(urgent: boolean): Promise<void>;
  /** The user is typing (or otherwise at work): background turns slow down for a moment. */
  userActive(): void;
  /** Calls still waiting for their turn. */
  readonly waiting: number;
  /** Lets every waiting call go (on shutdown). */
  dispose(): void;
}

export function createTurns(now: () => number = () => performance.now()): Turns {
  const urgent: (() => void)[] = [];
  const background: (() => void)[] = [];
  let immediate: NodeJS.Immediate | undefined;
  let timer: NodeJS.Timeout | undefined;
  let activeAt = -Infinity;

  function schedule(): void {
    if (urgent.length > 0) {
      if (timer) clearTimeout(timer);
      timer = undefined;
      immediate ??= setImmediate(pump);
    } else if (background.length > 0 && !immediate) {
      // The gap's timer fires in the loop's timers phase, right after the check phase an urgent turn may have
      // had, with no polling for messages between: the turn itself comes in the next check phase, as urgent
      // ones do, so every turn has had a poll of its own before it.
      timer ??= setTimeout(() => {
        timer = undefined;
        immediate ??= setImmediate(pump);
      }, now() - activeAt < TYPING_MS ? TYPING_GAP_MS : IDLE_GAP_MS);
    }
  }

  function pump(): void {
    immediate = undefined;
    timer = undefined;
    // Resolved here, its continuation runs in this turn; the next turn is scheduled for later.
    (urgent.shift() ?? background.shift())?.();
    schedule();
  }

  return {
    next(isUrgent) {
      return new Promise<void>((resolve) => {
        (isUrgent ? urgent : background).push(resolve);
        schedule();
      });
    },
    userActive() {
      activeAt = now();
    },
    get waiting() {
      return urgent.length + background.length;
    },
    dispose() {
      if (immediate) clearImmediate(immediate);
      if (timer) clearTimeout(timer);
      immediate = timer = undefined;
      for (const go of [...urgent.splice(0), ...background.splice(0)]) go();
    },
  };
}
