// The floor of the job, as issue 19 defines it: the least a terminology check of a draft could cost in JavaScript.
// Read the term list and the draft, scan the draft once for words, look each word up in a hash table of the list's
// words. No Markdown, no variants, no report beyond a count: nothing Termlint's answers need beyond that. Run as a
// whole process by `npm run bench:compare`, beside Termlint, so the ratio between the two is of one run.
//
//   node bench/floor.mjs TERMS.json DRAFT.md     prints { words, known } as JSON
import * as fs from 'node:fs';

const [termFile, draftFile] = process.argv.slice(2);
const list = JSON.parse(fs.readFileSync(termFile, 'utf8'));
const words = new Set();
const WORD = /[\p{L}\p{N}]+/gu;
for (const t of list.terms) {
  for (const form of [t.term, ...(t.admitted ?? []), ...(t.forbidden ?? [])]) {
    for (const w of form.toLowerCase().match(WORD) ?? []) words.add(w);
  }
}
const text = fs.readFileSync(draftFile, 'utf8');
let count = 0;
let known = 0;
// One pass over the code units: a word is a run of ASCII letters and digits, or of any code unit past ASCII
// (what a tokenizer of Latin text would need at the least).
let start = -1;
for (let i = 0; i <= text.length; i++) {
  const c = i < text.length ? text.charCodeAt(i) : 32;
  const inWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 127;
  if (inWord) {
    if (start < 0) start = i;
  } else if (start >= 0) {
    count++;
    if (words.has(text.slice(start, i).toLowerCase())) known++;
    start = -1;
  }
}
process.stdout.write(JSON.stringify({ words: count, known }) + '\n');
