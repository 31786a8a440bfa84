/**
 * From the uses of a word or phrase to findings: the form written most wins (ties go to the form the English
 * word list has, then to the one written first), and every use of another form is a `variant` finding fixed
 * to it, with a message that gives the counts ("this document writes "cross-border" 3 times and "cross border"
 * once"). Uses come from any number of documents (the workspace scope), findings go back to each.
 */
import { trimmedEdit, wordwiseEdits } from '../fixes';
import { normalizeIgnored } from '../compile';
import { overlapsAny } from '../search';
import type { Finding, FormCount, Replacement } from '../types';

/** One use of a word or phrase in one of the documents compared. */
export interface VariantUse {
  /** Which document (index into the sources). */
  source: number;
  start: number;
  end: number;
  /** The form it is written in; uses with equal forms are the same form. */
  form: string;
  /** How a message shows it (the form as written, white space read as one space). */
  shown: string;
  /** At a sentence start or in a heading, where its capitals may be the author's rather than the word's. */
  initial?: boolean;
}

export interface VariantGroup {
  uses: VariantUse[];
  /**
   * What `found` (a use's text; `view` is the same span of the document's view, where markup reads as spaces or
   * NUL) becomes when written in form `target`, keeping what it can of how it is written. `written` is how the
   * target form is most often written mid-sentence (or any form, if it never is): its capitals there are the
   * word's.
   */
  rewrite(use: VariantUse, found: string, view: string, target: string, written: string | undefined): string;
  /** Whether the English word list has the form (ties go to it). */
  listed(form: string): boolean;
  /** Fixes word by word (spelling, capitals) rather than as one edit of what differs (hyphens, spaces). */
  wordwise: boolean;
  /**
   * The forms a finding on `found` names, the preferred first (what "Add to the term list" writes), when they are
   * not the group's forms as written most: a spelling family's are the pair of this one word.
   */
  formsOf?(found: string, expected: string, counts: readonly FormCount[]): FormCount[];
}

export interface TallyContext {
  /** The text of each source document. */
  texts: readonly string[];
  /** The view of each (DocumentView.masked). */
  views: readonly string[];
  /** Lower-cased, space-normalised strings never reported (a term list's `ignore`). */
  ignore: ReadonlySet<string>;
  /** Spans other checks fix (per source, sorted): a use overlapping one is not counted. */
  claimed: readonly (readonly { start: number; end: number }[])[];
  /** Whether [start, end) of a source lies inside an exception phrase (terms' `exceptions`, lists' `ignore`): not counted. */
  excepted?: (source: number, start: number, end: number) => boolean;
  /** Who writes the forms, and the verb, as messages say it: "this document writes", "the files checked write". */
  where: string;
}

/** Adds each source's findings for `group` to `out[source]`. */
export function tally(group: VariantGroup, ctx: TallyContext, out: Finding[][]): void {
  // Most groups are written one way throughout (a name in one case, every time): nothing to count. Leaving uses out
  // (below) never makes a second form.
  // (Loops, not callbacks: a callback made at each call is optimized anew once a collection drops its code.)
  const all = group.uses;
  const one = all[0]?.form;
  let differs = 1;
  while (differs < all.length && all[differs]!.form === one) differs++;
  if (differs >= all.length) return;
  const excepted = ctx.excepted;
  // Most runs ignore nothing: no use's text is then normalised to be looked up.
  const ignore = ctx.ignore.size > 0 ? ctx.ignore : undefined;
  const uses: VariantUse[] = [];
  for (const u of all) {
    if (ignore?.has(normalizeIgnored(ctx.texts[u.source]!.slice(u.start, u.end))) || overlapsAny(ctx.claimed[u.source]!, u.start, u.end) || excepted?.(u.source, u.start, u.end)) continue;
    uses.push(u);
  }
  const forms = new Map<string, { count: number; first: VariantUse; shown: Map<string, number>; mid: Map<string, number> }>();
  for (const u of uses) {
    let f = forms.get(u.form);
    if (!f) forms.set(u.form, (f = { count: 0, first: u, shown: new Map(), mid: new Map() }));
    f.count++;
    f.shown.set(u.shown, (f.shown.get(u.shown) ?? 0) + 1);
    if (!u.initial) f.mid.set(u.shown, (f.mid.get(u.shown) ?? 0) + 1);
    if (u.source < f.first.source || (u.source === f.first.source && u.start < f.first.start)) f.first = u;
  }
  if (forms.size < 2) return;
  const ranked = [...forms.entries()].sort(([fa, a], [fb, b]) => b.count - a.count || Number(group.listed(fb)) - Number(group.listed(fa)) || a.first.source - b.first.source || a.first.start - b.first.start);
  const most = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const shownOf = (f: (typeof ranked)[number][1]) => most(f.shown)!;
  const counts: FormCount[] = ranked.map(([, f]) => ({ text: shownOf(f), count: f.count }));
  const [majority] = ranked[0]!;
  // How the words are written mid-sentence in any form, for a form never written there.
  const anyMid = new Map<string, number>();
  for (const [, f] of ranked) for (const [shown, n] of f.mid) anyMid.set(shown, (anyMid.get(shown) ?? 0) + n);
  const fallback = most(anyMid);
  const written = ranked.map(([, f]) => most(f.mid) ?? fallback);
  const summary = `${ctx.where} ${listing(counts)}`;
  for (const u of uses) {
    if (u.form === majority) continue;
    const text = ctx.texts[u.source]!;
    const found = text.slice(u.start, u.end);
    const replacements: Replacement[] = [];
    for (const [i, [form]] of ranked.entries()) {
      if (form === u.form) continue;
      const target = group.rewrite(u, found, ctx.views[u.source]!.slice(u.start, u.end), form, written[i]);
      if (target === found || replacements.some((r) => r.text === target)) continue;
      const edits = group.wordwise ? wordwiseEdits(u.start, found, target) : trimmedEdit(u.start, found, target);
      if (edits.length > 0) replacements.push({ text: target, edits });
    }
    if (replacements.length === 0) continue;
    const expected = replacements[0]!.text;
    const first = forms.get(majority)!.first;
    out[u.source]!.push({
      kind: 'variant',
      start: u.start,
      end: u.end,
      found,
      termId: counts[0]!.text,
      expected,
      replacements,
      message: `"${found}" should be "${expected}" (variant: ${summary})`,
      forms: group.formsOf ? group.formsOf(found, expected, counts) : counts,
      ...(first.source === u.source ? { related: [{ start: first.start, end: first.end, message: `"${counts[0]!.text}" is written here first (${times(counts[0]!.count)} in all)` }] } : {}),
    });
  }
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** `"cross-border" 3 times, "crossborder" twice and "cross border" once`. */
function listing(counts: readonly FormCount[]): string {
  const parts = counts.map((c) => `"${c.text}" ${times(c.count)}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}
