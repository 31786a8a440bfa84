/**
 * V8 settings for a process that lints once and exits (the CLI and its worker threads). Such a run spends most
 * of its time before V8 has optimized the hot code: on two cores the lint waits in the interpreter while the
 * optimizing compiler works on a background thread, and with V8's default inlining budget each of the hot
 * functions is a large compile (lezer's `advance`, the misspelling pass and `classifyMatch` 50 to 65 ms each,
 * about 1.1 s of compiler CPU in all). A smaller budget (200 bytes of inlined bytecode per function instead of
 * 920) gets optimized code sooner at the price of slightly slower code once warm, which a one-shot run rarely
 * reaches: the whole CLI on 1 MB × 5,000 terms 0.67 → 0.57 s (medians of 8 alternating runs), 100 drafts ×
 * 100 KB 2.73 → 2.61 s, one 10 MB draft 2.35 → 2.14 s (README › Benchmarks). The language server, which lints
 * the same documents again at every keystroke, keeps V8's default.
 */
import * as v8 from 'node:v8';

export const ONE_SHOT_V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=200'];

/** Sets the flags for this process (worker threads share them); before any hot code has run. */
export function tuneForOneShot(): void {
  for (const flag of ONE_SHOT_V8_FLAGS) v8.setFlagsFromString(flag);
}
