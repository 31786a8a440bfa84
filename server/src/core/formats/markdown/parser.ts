/** The one configured lezer parser every Markdown scan uses (CommonMark + GFM, with Termlint's speed-up and limits). */
import { GFM, parser as commonMark } from '@lezer/markdown';
import { DelimiterLimit } from './limits';
import { SkipProse } from './skipProse';

// SkipProse first: lezer then spends its inline pass on markup, not on every character of prose.
export const parser = commonMark.configure([SkipProse, DelimiterLimit, GFM]);
