// Seeded generator of benchmark inputs: term lists of realistic names and multi-word terms, and Markdown
// policy drafts that mention them, with planted variants of every kind (joined, split, hyphen, case,
// misspelling, forbidden, inconsistent) whose spans are recorded so recall can be counted for each tool.
//
//   node bench/generate.mjs [outDir]   writes terms-{100,5000,50000}.json, terms-zh-5000.json, draft-*.md and planted-*.json
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZH_SEED, generateChineseDraft, generateChineseTerms } from './chinese.mjs';
import { rng } from './random.mjs';

const require = createRequire(import.meta.url);
const ENGLISH = new Set(require('an-array-of-english-words'));

export const SEED = 20240329;
export const TERM_SIZES = [100, 5_000, 50_000];
export const DRAFT_SIZES = { '10kb': 10 * 1024, '300kb': 300 * 1024, '1mb': 1024 * 1024, '10mb': 10 * 1024 * 1024 };
export const KINDS = ['joined', 'split', 'hyphen', 'case', 'misspelling', 'forbidden', 'inconsistent'];

/* ---------------------------------------------------------------------------------------------- */
/* Term lists                                                                                      */

const SYLLABLES = (
  'an ao bai bao bei ben bin bo cai cang cao chang chao chen cheng chong chun dai dan dao deng dian ding dong duan ' +
  'fang fei feng fu gan gang gao gong guan guang gui guo hai han hang hao heng hong hou hua huai huang hui jia jian ' +
  'jiang jiao jie jin jing jiu kai kang kun lai lan lang lei li lian liang lin ling liu long lu luo mao mei meng min ' +
  'ming nan ning pan peng ping pu qi qian qiao qin qing qiu quan rong ru sha shan shang shao shen sheng shi shou shu ' +
  'shui song su tai tan tang tian ting tong wan wang wei wen wu xi xia xian xiang xiao xin xing xiu xu xuan yan yang ' +
  'yao yi yin ying yong you yu yuan yue yun zeng zhan zhang zhao zhen zheng zhi zhong zhou zhu zhuang'
).split(' ');

/** Older romanizations, the classic forbidden spellings of place names ("Kwangtung" for "Guangdong"). */
const OLD = [
  [/^zh/, 'ch'], [/^x/, 'hs'], [/^q/, 'ch'], [/^j/, 'ch'], [/^z/, 'ts'], [/^c/, 'ts'], [/^r/, 'j'], [/^g/, 'k'],
  [/^d/, 't'], [/^b/, 'p'], [/ong$/, 'ung'], [/ian$/, 'ien'], [/uo$/, 'o'], [/ou$/, 'ow'], [/ui$/, 'uei'],
];

const TYPES = [
  'Free Trade Zone', 'Science Park', 'Data Exchange', 'Innovation Fund', 'Port Authority', 'Development Bank',
  'Institute of Technology', 'Research Institute', 'Bureau of Commerce', 'Customs District', 'High-Tech Zone',
  'Economic Development Zone', 'Logistics Hub', 'Talent Programme', 'Industrial Park', 'Water Resources Commission',
  'Open University', 'Metro Line', 'Cross-Border Payment Platform', 'Public Policy Centre', 'Environmental Protection Bureau',
  'Statistics Bureau', 'Academy of Sciences', 'Railway Station', 'Bay Bridge', 'Energy Exchange', 'Intellectual Property Court',
  'Health Commission', 'Cultural Centre', 'Youth Innovation Hub', 'Standards Committee', 'Port Group', 'Aviation Authority',
  'Maritime Court', 'Tourism Board', 'Digital Government Office', 'Venture Capital Alliance', 'New Area', 'Coastal Economic Belt',
  'Biomedical Valley', 'Semiconductor Cluster', 'Financial Holdings', 'Grain Reserve', 'Power Grid Company', 'Airport Economic Zone',
  'Convention Centre', 'Exhibition Centre', 'Data Centre', 'Training Programme', 'Labour Bureau', 'Trade Organisation',
  'Defence Industry Office', 'Skills Programme', 'Arbitration Centre', 'Labour Union',
];
/** British spellings with an admitted American one: mixing both in one draft is "inconsistent". */
const ADMITTED_SWAPS = [
  ['Centre', 'Center'], ['Programme', 'Program'], ['programme', 'program'], ['Labour', 'Labor'], ['Organisation', 'Organization'],
  ['Defence', 'Defense'], ['urbanisation', 'urbanization'], ['digitalisation', 'digitalization'], ['productivity forces', 'productive forces'],
];

const MODIFIERS = [
  'cross-border', 'low-altitude', 'high-quality', 'new-type', 'green', 'digital', 'smart', 'carbon-neutral', 'open-source',
  'data-driven', 'small and medium-sized', 'state-owned', 'high-end', 'strategic emerging', 'advanced', 'integrated',
  'regional', 'rural', 'coastal', 'new quality',
];
const HEADS = [
  'data flow', 'economy', 'finance', 'manufacturing', 'infrastructure', 'logistics', 'supply chain', 'energy storage',
  'industrial cluster', 'talent pool', 'credit system', 'trade settlement', 'enterprise', 'innovation platform',
  'productivity forces', 'urbanisation', 'governance', 'computing power', 'payment system', 'digitalisation',
];
const TAILS = ['', ' pilot', ' reform', ' policy', ' standard', ' index', ' fund', ' zone', ' programme', ' scheme'];

function keyOf(s) {
  return s.toLowerCase().replace(/[\s\-‐‑]+/g, '');
}

const cap = (s) => s[0].toUpperCase() + s.slice(1);

function oldRomanization(syllables) {
  return cap(
    syllables
      .map((s) => {
        let out = s;
        for (const [re, to] of OLD) out = out.replace(re, to);
        return out;
      })
      .join(''),
  );
}

/**
 * The 50,000-entry list; smaller lists are its prefixes, so the entries mentioned in a draft exist in every list
 * that is large enough. Every tenth entry cycles through the kinds of term, so even the first 100 mix them all.
 */
export function generateTerms(count = 50_000, seed = SEED) {
  const r = rng(seed);
  const keys = new Set();
  const terms = [];
  const names = [];
  const usedPairs = new Set();
  const commons = [];
  for (const m of MODIFIERS) for (const h of HEADS) for (const t of TAILS) commons.push(`${m} ${h}${t}`);
  // Shuffle common terms so the short ones do not all come first.
  for (let i = commons.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [commons[i], commons[j]] = [commons[j], commons[i]];
  }
  let nextCommon = 0;

  const add = (entry) => {
    const forms = [entry.term, ...(entry.admitted ?? []), ...(entry.forbidden ?? [])];
    const formKeys = forms.map(keyOf);
    if (formKeys.some((k) => keys.has(k)) || new Set(formKeys).size !== formKeys.length) return false;
    for (const k of formKeys) keys.add(k);
    terms.push(entry);
    return true;
  };

  const newName = () => {
    for (;;) {
      const n = r.chance(0.85) ? 2 : 3;
      const syl = Array.from({ length: n }, () => r.pick(SYLLABLES));
      const word = cap(syl.join(''));
      if (word.length < 5 || ENGLISH.has(word.toLowerCase()) || keys.has(keyOf(word))) continue;
      return { word, syl };
    }
  };

  while (terms.length < count) {
    const slot = terms.length % 10;
    if (slot <= 2) {
      // A place name, one word; a third of them with a forbidden older spelling.
      const { word, syl } = newName();
      const entry = { term: word };
      const old = oldRomanization(syl);
      if (r.chance(0.35) && keyOf(old) !== keyOf(word) && !ENGLISH.has(old.toLowerCase())) entry.forbidden = [old];
      if (add(entry)) names.push(word);
    } else if (slot <= 8 || nextCommon >= commons.length) {
      // An institution: a known place (or a fresh one) and a type.
      const name = names.length > 0 && r.chance(0.7) ? names[r.zipf(names.length)] : newName().word;
      const type = r.pick(TYPES);
      const pair = `${name} ${type}`;
      if (usedPairs.has(pair)) continue;
      usedPairs.add(pair);
      const entry = { term: pair };
      for (const [uk, us] of ADMITTED_SWAPS) if (pair.includes(uk)) entry.admitted = [pair.replace(uk, us)];
      if (r.chance(0.1)) entry.forbidden = [`${name} ${type.split(' ').map((w) => w[0]).join('')}`];
      add(entry);
    } else {
      const phrase = commons[nextCommon++];
      const entry = { term: phrase };
      for (const [uk, us] of ADMITTED_SWAPS) if (phrase.includes(uk)) entry.admitted = [phrase.replace(uk, us)];
      add(entry);
    }
  }
  return terms;
}

export function termFileText(terms, title) {
  return JSON.stringify({ title, language: 'en', terms }, null, 1) + '\n';
}

/* ---------------------------------------------------------------------------------------------- */
/* Drafts                                                                                          */

const W = {
  det: ['the', 'the', 'the', 'a', 'this', 'each', 'every', 'that', 'our', 'its'],
  adj: [
    'new', 'regional', 'local', 'national', 'public', 'private', 'annual', 'strategic', 'common', 'reliable', 'shared',
    'long-term', 'short-term', 'overall', 'specific', 'current', 'proposed', 'existing', 'additional', 'significant',
    'industrial', 'financial', 'technical', 'legal', 'administrative', 'economic', 'digital', 'practical', 'modest',
    'uneven', 'steady', 'rapid', 'detailed', 'clear', 'joint', 'independent', 'provincial', 'municipal', 'coastal',
  ],
  noun: [
    'policy', 'budget', 'report', 'framework', 'programme', 'investment', 'market', 'sector', 'province', 'city', 'agency',
    'committee', 'review', 'target', 'standard', 'pilot', 'project', 'network', 'platform', 'capacity', 'strategy',
    'regulation', 'procedure', 'subsidy', 'loan', 'contract', 'survey', 'assessment', 'partnership', 'workforce', 'supplier',
    'factory', 'port', 'campus', 'laboratory', 'dataset', 'indicator', 'mechanism', 'consultation', 'audit', 'licence',
    'permit', 'corridor', 'reform', 'initiative', 'roadmap', 'baseline', 'forecast', 'deadline', 'quota', 'tariff',
  ],
  nouns: [
    'firms', 'universities', 'investors', 'officials', 'researchers', 'exporters', 'households', 'workers', 'suppliers',
    'regulators', 'districts', 'banks', 'startups', 'manufacturers', 'students', 'cities', 'ports', 'agencies', 'partners',
    'applicants', 'projects', 'funds', 'standards', 'results', 'rules', 'payments', 'loans', 'patents', 'jobs', 'goods',
  ],
  verb: [
    'supports', 'requires', 'funds', 'reviews', 'expands', 'limits', 'coordinates', 'publishes', 'monitors', 'improves',
    'approves', 'delays', 'extends', 'replaces', 'strengthens', 'simplifies', 'measures', 'attracts', 'connects', 'tests',
    'finances', 'evaluates', 'reports on', 'depends on', 'draws on', 'builds on', 'competes with', 'cooperates with',
  ],
  prep: ['in', 'for', 'across', 'within', 'through', 'under', 'beyond', 'between', 'around', 'near', 'with', 'without'],
  intro: [
    'In 2024', 'Over the next five years', 'As a result', 'By contrast', 'Since the last review', 'In practice',
    'For the first time', 'At the same time', 'In the third quarter', 'Unlike last year', 'Where possible', 'In most districts',
    'According to the survey', 'Before the deadline', 'After the consultation', 'On balance',
  ],
  adv: ['gradually', 'quickly', 'largely', 'rarely', 'often', 'still', 'already', 'jointly', 'directly', 'partly', 'mostly'],
  heading: [
    'Background', 'Purpose', 'Key Findings', 'Recommendations', 'Funding', 'Governance', 'Risks', 'Timeline', 'Evidence',
    'Regional Cooperation', 'Implementation', 'Monitoring and Evaluation', 'Annex', 'Stakeholders', 'Open Questions',
  ],
};

function titleCase(s) {
  const minor = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from']);
  return s
    .split(' ')
    .map((w, i) => (i > 0 && minor.has(w) ? w : w.split('-').map(cap).join('-')))
    .join(' ');
}

/** Variants of one entry, each a function returning the written text or undefined when it does not apply. */
function variantMakers(r, entry, vocabulary) {
  const term = entry.term;
  const words = term.split(' ');
  const caseSensitive = /\p{Lu}/u.test(term);
  return {
    joined() {
      const spaces = [...term.matchAll(/ /g)].map((m) => m.index);
      if (spaces.length === 0) return undefined;
      const at = r.pick(spaces);
      const out = term.slice(0, at) + term.slice(at + 1);
      const glued = out.slice(out.lastIndexOf(' ', at) + 1).split(/[ -]/)[0];
      return ENGLISH.has(glued.toLowerCase()) ? undefined : out;
    },
    split() {
      // A one-word name broken at a syllable boundary ("Qian hai"); proper names keep their capital.
      if (words.length !== 1 || !caseSensitive) return undefined;
      const w = words[0];
      const vowels = /[aeiou][^aeiou]/g;
      const cuts = [];
      for (let m; (m = vowels.exec(w)); ) if (m.index + 1 >= 2 && m.index + 1 <= w.length - 2) cuts.push(m.index + 1);
      if (cuts.length === 0) return undefined;
      const at = r.pick(cuts);
      return `${w.slice(0, at)} ${w.slice(at)}`;
    },
    hyphen() {
      const gaps = [...term.matchAll(/[ -]/g)].map((m) => m.index);
      if (gaps.length === 0) return undefined;
      const at = r.pick(gaps);
      return term.slice(0, at) + (term[at] === ' ' ? '-' : ' ') + term.slice(at + 1);
    },
    case() {
      if (!caseSensitive) return undefined;
      return r.chance(0.5) ? term.toLowerCase() : words.map((w, i) => (i === words.length - 1 ? w.toLowerCase() : w)).join(' ');
    },
    misspelling() {
      const candidates = words.map((w, i) => [w, i]).filter(([w]) => w.length >= 6 && /^\p{L}+$/u.test(w));
      if (candidates.length === 0) return undefined;
      for (let attempt = 0; attempt < 8; attempt++) {
        const [w, i] = r.pick(candidates);
        const p = 1 + r.int(w.length - 2);
        let bad;
        if (r.chance(0.5)) bad = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
        else bad = w.slice(0, p) + r.pick('aeiouy'.replace(w[p], '').split('')) + w.slice(p + 1);
        if (bad === w || ENGLISH.has(bad.toLowerCase()) || vocabulary.has(bad.toLowerCase())) continue;
        return words.map((x, k) => (k === i ? bad : x)).join(' ');
      }
      return undefined;
    },
    forbidden() {
      return entry.forbidden ? r.pick(entry.forbidden) : undefined;
    },
    inconsistent() {
      return entry.admitted ? entry.admitted[0] : undefined;
    },
  };
}

/**
 * A Markdown draft of about `bytes` UTF-8 bytes mentioning entries of `terms` (60% among the first 100, the
 * rest among the first 5,000), with `variantRate` of mentions planted as a variant. Returns the text and the
 * planted variants: { kind, start, end, text, term, index } (UTF-16 offsets; `index` is the entry's index, so a
 * list of n entries can detect those with index < n).
 */
export function generateDraft(bytes, terms, { seed = SEED, variantRate = 0.08 } = {}) {
  const r = rng(seed ^ bytes);
  const vocabulary = new Set();
  for (const t of terms) for (const w of t.term.split(/[ -]/)) vocabulary.add(w.toLowerCase());
  const makers = new Map();
  const makersOf = (i) => {
    let m = makers.get(i);
    if (!m) makers.set(i, (m = variantMakers(r, terms[i], vocabulary)));
    return m;
  };
  const uses = new Map(); // entry index -> { approved, admitted }
  const usesOf = (index) => {
    let u = uses.get(index);
    if (!u) uses.set(index, (u = { approved: 0, admitted: 0 }));
    return u;
  };
  const planted = [];
  const out = [];
  let length = 0;
  let byteLength = 0;
  const write = (s) => {
    out.push(s);
    length += s.length;
    byteLength += Buffer.byteLength(s);
  };
  // A few entries dominate a draft, most are mentioned now and then.
  const among = (n) => (r.chance(0.5) ? r.zipf(n) : r.int(n));
  const pickTerm = () => (r.chance(0.6) ? among(Math.min(100, terms.length)) : Math.min(terms.length - 1, 100 + among(4_900)));

  /**
   * A mention as an atomic chunk: { text, plant?: { kind, index, term } }. A planted variant picks its kind
   * first (so every kind is planted about as often), then an entry it applies to.
   */
  const mention = (midSentence) => {
    if (r.chance(variantRate)) {
      const kind = r.pick(KINDS);
      for (let attempt = 0; attempt < 40 && !(kind === 'case' && !midSentence); attempt++) {
        const index = pickTerm();
        const entry = terms[index];
        const u = usesOf(index);
        if (kind === 'inconsistent' && u.approved < 2 * (u.admitted + 1) + 1) continue;
        const text = makersOf(index)[kind]();
        if (text === undefined || text === entry.term) continue;
        if (kind === 'inconsistent') u.admitted++;
        else if (kind !== 'forbidden') u.approved++;
        return { text, plant: { kind, index, term: entry.term } };
      }
    }
    const index = pickTerm();
    usesOf(index).approved++;
    return { text: terms[index].term };
  };

  const np = (singular = false) => {
    const k = singular ? r.pick([0, 1, 3]) : r.int(4);
    if (k === 0) return [r.pick(W.det), r.pick(W.adj), r.pick(W.noun)].join(' ');
    if (k === 1) return `${r.pick(W.det)} ${r.pick(W.noun)} of ${r.pick(W.nouns)}`;
    if (k === 2) return `${r.pick(W.adj)} ${r.pick(W.nouns)}`;
    return `${r.pick(W.det)} ${r.pick(W.noun)}`;
  };

  /** One sentence as chunks; plain chunks are strings, mentions objects; `glue` chunks attach to the previous one. */
  const sentence = () => {
    const chunks = [];
    const words = (s) => chunks.push(...s.split(' '));
    let mid = false;
    if (r.chance(0.3)) {
      words(r.pick(W.intro));
      chunks.push({ glue: ',' });
      mid = true;
    }
    if (r.chance(0.4)) {
      const m = mention(mid);
      if (!mid) m.text = cap(m.text);
      chunks.push(m);
    } else {
      const s = np(true);
      words(mid ? s : cap(s));
    }
    if (r.chance(0.3)) words(r.pick(W.adv));
    words(r.pick(W.verb));
    if (r.chance(0.5)) chunks.push(mention(true));
    else words(np());
    if (r.chance(0.6)) {
      words(r.pick(W.prep));
      if (r.chance(0.5)) {
        chunks.push(mention(true));
        if (r.chance(0.05)) chunks.push({ glue: ' (前海)' });
      } else words(np());
    }
    if (r.chance(0.15)) {
      chunks.push({ glue: ',' });
      words(`with ${r.int(90) + 5} per cent of ${r.pick(W.nouns)} reporting ${r.pick(['gains', 'delays', 'losses', 'no change'])}`);
    }
    if (r.chance(0.08)) {
      chunks.push({ glue: ' —' });
      words(`see [the ${r.pick(W.noun)} note](https://example.org/${r.pick(W.noun)}/${r.int(1000)}) and \`${r.pick(W.noun)}_${r.int(99)}\``);
    }
    chunks.push({ glue: r.chance(0.9) ? '.' : r.chance(0.5) ? '?' : ';' });
    return chunks;
  };

  /** Writes chunks wrapped at ~100 columns; mentions never wrap inside. */
  const writeChunks = (chunks, prefix = '', indent = '') => {
    write(prefix);
    let col = prefix.length;
    let first = true;
    for (const c of chunks) {
      if (typeof c === 'object' && 'glue' in c) {
        write(c.glue);
        col += c.glue.length;
        continue;
      }
      const text = typeof c === 'string' ? c : c.text;
      if (!first) {
        if (col + 1 + text.length > 100) {
          write('\n' + indent);
          col = indent.length;
        } else {
          write(' ');
          col++;
        }
      }
      first = false;
      const emphasis = typeof c === 'object' && r.chance(0.05) ? '*' : '';
      write(emphasis);
      if (typeof c === 'object' && c.plant) planted.push({ ...c.plant, start: length, end: length + text.length, text });
      write(text + emphasis);
      col += text.length + 2 * emphasis.length;
    }
    write('\n');
  };

  const paragraph = () => {
    const chunks = [];
    const n = 3 + r.int(5);
    for (let i = 0; i < n; i++) chunks.push(...sentence());
    writeChunks(chunks);
    write('\n');
  };

  const list = (ordered) => {
    const n = 3 + r.int(4);
    for (let i = 0; i < n; i++) writeChunks(sentence(), ordered ? `${i + 1}. ` : '- ', ordered ? '   ' : '  ');
    write('\n');
  };

  const code = () => {
    const idx = pickTerm();
    const ident = terms[idx].term.replace(/[^\p{L}]/gu, '').toLowerCase();
    const lang = r.pick(['yaml', 'json', 'sh']);
    if (lang === 'yaml') write(`\`\`\`yaml\n${ident}:\n  budget: ${r.int(900) + 100}\n  owner: ${r.pick(W.nouns)}\n  enabled: true\n\`\`\`\n\n`);
    else if (lang === 'json') write(`\`\`\`json\n{ "${ident}": { "quota": ${r.int(50)}, "region": "${terms[idx].term}" } }\n\`\`\`\n\n`);
    else write(`\`\`\`sh\ncurl -s https://data.example.org/api/${ident}?year=2024 | jq '.rows[]'\n\`\`\`\n\n`);
  };

  const table = () => {
    write('| Entity | Budget (RMB m) | Status |\n| --- | ---: | --- |\n');
    const n = 3 + r.int(5);
    for (let i = 0; i < n; i++) write(`| ${terms[pickTerm()].term} | ${r.int(9000) + 100} | ${r.pick(['planned', 'under way', 'complete', 'delayed'])} |\n`);
    write('\n');
  };

  const quote = () => {
    writeChunks(sentence().concat(sentence()), '> ', '> ');
    write('\n');
  };

  write('---\ntitle: Draft briefing on regional innovation policy\nstatus: internal draft\n---\n\n');
  write(`# Draft Briefing: ${titleCase(terms[0].term)} and the ${titleCase(terms[3].term)}\n\n`);
  let section = 0;
  while (byteLength < bytes) {
    section++;
    const h = r.chance(0.3) ? `${r.pick(W.heading)}: ${titleCase(terms[pickTerm()].term)}` : `${section}. ${r.pick(W.heading)}`;
    write(`${r.chance(0.8) ? '##' : '###'} ${h}\n\n`);
    const blocks = 2 + r.int(5);
    for (let b = 0; b < blocks && byteLength < bytes; b++) {
      const k = r.next();
      if (k < 0.62) paragraph();
      else if (k < 0.75) list(false);
      else if (k < 0.82) list(true);
      else if (k < 0.88) code();
      else if (k < 0.93) table();
      else quote();
    }
  }
  return { text: out.join(''), planted };
}

/* ---------------------------------------------------------------------------------------------- */

/** Chinese inputs: one list size and the drafts the in-process bench lints in Chinese (`zh-` names). */
export const ZH_TERM_SIZES = [5_000];
export const ZH_DRAFT_SIZES = { 'zh-300kb': 300 * 1024, 'zh-1mb': 1024 * 1024 };

/**
 * The lists are named `terms-N.json`, not `*.terms.json`: the data lives in the repository (bench/results/data),
 * and a `*.terms.json` there is a list the CLI and the editor find by default, so after a bench every lint in
 * the repository without `--terms` would also check the generated 50,000 terms. The benches pass them explicitly.
 */
const STAMP = `${SEED} ${ZH_SEED} lists:terms-N.json`;

/** Writes every input under `dir` (idempotent: files of the right seed and names are reused). */
export function writeInputs(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = path.join(dir, 'seed.txt');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === STAMP) return dir;
  // Lists an older bench wrote under the names the default term discovery finds.
  for (const f of fs.readdirSync(dir)) if (/^terms-(zh-)?\d+\.terms\.json$/.test(f)) fs.rmSync(path.join(dir, f));
  const terms = generateTerms(Math.max(...TERM_SIZES));
  for (const n of TERM_SIZES) fs.writeFileSync(path.join(dir, `terms-${n}.json`), termFileText(terms.slice(0, n), `Benchmark terms (${n})`));
  for (const [name, bytes] of Object.entries(DRAFT_SIZES)) {
    const { text, planted } = generateDraft(bytes, terms);
    fs.writeFileSync(path.join(dir, `draft-${name}.md`), text);
    fs.writeFileSync(path.join(dir, `planted-${name}.json`), JSON.stringify(planted));
  }
  const zhTerms = generateChineseTerms(Math.max(...ZH_TERM_SIZES));
  for (const n of ZH_TERM_SIZES) fs.writeFileSync(path.join(dir, `terms-zh-${n}.json`), termFileText(zhTerms.slice(0, n), `Chinese benchmark terms (${n})`));
  for (const [name, bytes] of Object.entries(ZH_DRAFT_SIZES)) {
    const { text, planted } = generateChineseDraft(bytes, zhTerms);
    fs.writeFileSync(path.join(dir, `draft-${name}.md`), text);
    fs.writeFileSync(path.join(dir, `planted-${name}.json`), JSON.stringify(planted));
  }
  fs.writeFileSync(stamp, STAMP);
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'data'));
  const t = performance.now();
  writeInputs(dir);
  console.log(`inputs in ${dir} (${Math.round(performance.now() - t)} ms)`);
}
