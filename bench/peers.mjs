// Translates a Termlint term list into what users of the peers would write: a cspell configuration
// (words + flagWords) and a prh.yml for textlint-rule-prh (one rule per entry with the variant patterns),
// and reads each tool's report back as spans so its findings can be counted against the planted variants.

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One prh rule per entry: `expected` is the approved form; a case-insensitive pattern accepts the form with
 * an optional space or hyphen wherever one may be missing, added or swapped (joined, split, hyphen, case),
 * plus every forbidden and admitted form. prh reports any match that is not exactly `expected`; it has no
 * edit distance (misspellings) and no notion of a document's dominant form (it flags every admitted use).
 */
export function toPrhYaml(terms) {
  const lines = ['version: 1', 'rules:'];
  for (const t of terms) {
    const words = t.term.split(/[ -]/);
    const split = words.length === 1 && /^\p{Lu}/u.test(t.term);
    // A one-word name may be split anywhere ("Qian hai"); a phrase's words may be joined, split or hyphenated.
    const body = split ? [...words[0]].map(escape).join('[ -]?') : words.map(escape).join('[ -]?');
    const alternatives = [body, ...(t.forbidden ?? []).map(escape), ...(t.admitted ?? []).map(escape)];
    lines.push(`  - expected: ${JSON.stringify(t.term)}`);
    lines.push(`    pattern: ${JSON.stringify(`/\\b(?:${alternatives.join('|')})\\b/i`)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * cspell: every word of an acceptable form is a known word (so names are not "unknown"), forbidden forms
 * and joined spellings are flagWords. cspell checks one word at a time: it finds misspellings and split
 * names (as unknown words) and forbidden one-word spellings, but not hyphenation, case or consistency.
 */
export function toCspellConfig(terms) {
  const words = new Set();
  const flag = new Set();
  for (const t of terms) {
    for (const form of [t.term, ...(t.admitted ?? [])]) for (const w of form.split(/[ -]/)) words.add(w);
    for (const f of t.forbidden ?? []) if (!/\s/.test(f)) flag.add(f);
    const parts = t.term.split(/[ -]/);
    for (let i = 0; i + 1 < parts.length; i++) flag.add(parts[i] + parts[i + 1]);
  }
  return { version: '0.2', language: 'en', words: [...words], flagWords: [...flag] };
}

/** Line starts of `text`, for turning 1-based line/column reports into offsets. */
export function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** cspell's default reporter: `file:line:col - Unknown word (word)` or `… - Forbidden word (word)`. */
export function parseCspell(output, text) {
  const starts = lineStarts(text);
  const spans = [];
  for (const m of output.matchAll(/:(\d+):(\d+) - (\w[\w ]*?) \((.+?)\)/g)) {
    const start = starts[Number(m[1]) - 1] + Number(m[2]) - 1;
    spans.push({ start, end: start + m[4].length, what: m[3] });
  }
  return spans;
}

/** textlint `--format json`: messages with 1-based line/column and (textlint 13+) a `range`. */
export function parseTextlint(json, text) {
  const starts = lineStarts(text);
  const spans = [];
  for (const file of JSON.parse(json)) {
    for (const m of file.messages) {
      // prh reports a one-character range; its fix covers the whole variant.
      const range = m.fix?.range ?? m.range;
      const start = range ? range[0] : starts[m.line - 1] + m.column - 1;
      const end = range ? range[1] : start + 1;
      spans.push({ start, end, what: m.message });
    }
  }
  return spans;
}

/**
 * How many planted variants of each kind a tool's spans touch (only entries the list contains), and how many
 * of its spans touch no planted variant (reports on correct text, or on prose).
 */
export function countDetections(planted, spans, listSize) {
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  const byKind = {};
  const used = new Uint8Array(sorted.length);
  let total = 0;
  for (const p of planted) {
    if (p.index >= listSize) continue;
    const k = (byKind[p.kind] ??= { planted: 0, found: 0 });
    k.planted++;
    total++;
    // Spans are sorted by start: find the first that may overlap.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < p.end) lo = mid + 1;
      else hi = mid;
    }
    let hit = false;
    for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
      if (sorted[i].end > p.start) {
        hit = true;
        used[i] = 1;
      }
    }
    if (hit) k.found++;
  }
  let found = 0;
  for (const k of Object.values(byKind)) found += k.found;
  const other = used.length - used.reduce((a, b) => a + b, 0);
  return { byKind, planted: total, found, otherSpans: other };
}
