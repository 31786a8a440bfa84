// Seeded Chinese benchmark inputs: a list of concepts with zh-Hans and zh-Hant forms (place-like names and
// institutions such as "临港数据交易中心", some with Latin letters: "5G基站"), and Markdown drafts written in
// Simplified Chinese that mention them, with planted variants of the Chinese kinds (script, width, homophone
// misspelling, forbidden, inconsistent) whose spans are recorded, as generate.mjs does for English.
//
// The Traditional forms are made with opencc-js's full converter (a dev-time use; the linter folds with its
// t2cn tables only), homophones with pinyin-pro.
import { createRequire } from 'node:module';
import { rng } from './random.mjs';

const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js');
const { pinyin } = require('pinyin-pro');

export const ZH_SEED = 20240330;
export const ZH_KINDS = ['script', 'width', 'misspelling', 'forbidden', 'inconsistent'];

/** Characters names are made of: common in place and institution names, many with a Traditional form. */
const NAME_CHARS = [...'东西南北中华新兴龙凤海湾港城山河江湖岛林泉石金银铜铁云星光明辉阳春秋丰盛宁安康泰和平顺昌隆荣华富贵福禄寿喜乐德仁义礼智信忠孝廉洁清正方圆长远高深广博大小前后左右上下内外'];
const SUFFIXES = ['区', '市', '新区', '科学城', '产业园', '合作区', '实验室', '研究院', '数据交易中心', '港口集团', '发展银行', '创新基金', '自由贸易区', '人才计划', '物流枢纽', '会展中心', '高新区', '经济带'];
const LATIN_SUFFIXES = ['5G基站', 'AI创新中心', 'IC设计园', '5G应用示范区'];

function homophoneOf(r, ch) {
  const want = pinyin(ch, { toneType: 'none', type: 'array' })[0];
  const same = NAME_CHARS.filter((c) => c !== ch && pinyin(c, { toneType: 'none', type: 'array', multiple: true }).includes(want));
  return same.length > 0 ? r.pick(same) : undefined;
}

/** `count` concepts, as term-list entries (English name, zh-Hans and zh-Hant blocks). */
export function generateChineseTerms(count, seed = ZH_SEED) {
  const r = rng(seed);
  const toHant = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const seen = new Set();
  const terms = [];
  while (terms.length < count) {
    const stem = r.pick(NAME_CHARS) + r.pick(NAME_CHARS) + (r.chance(0.3) ? r.pick(NAME_CHARS) : '');
    const suffix = r.chance(0.04) ? r.pick(LATIN_SUFFIXES) : r.pick(SUFFIXES);
    const hans = stem + suffix;
    if (seen.has(hans)) continue;
    seen.add(hans);
    const n = terms.length;
    const entry = { term: `Zh Concept ${n.toString(36)}`, languages: { 'zh-Hans': { approved: hans }, 'zh-Hant': { approved: toHant(hans) } } };
    // A deprecated order of the stem's characters: forbidden.
    const swapped = stem[1] + stem[0] + stem.slice(2) + suffix;
    if (r.chance(0.3) && !seen.has(swapped)) {
      entry.languages['zh-Hans'].forbidden = [swapped];
      seen.add(swapped);
    }
    // A fuller form admitted beside a short one ("…合作区" / "…合作示范区").
    if (suffix.length >= 2 && r.chance(0.2)) {
      const admitted = stem + suffix.slice(0, -1) + '示范' + suffix.slice(-1);
      if (!seen.has(admitted)) {
        entry.languages['zh-Hans'].admitted = [admitted];
        entry.languages['zh-Hant'].admitted = [toHant(admitted)];
        seen.add(admitted);
      }
    }
    terms.push(entry);
  }
  return terms;
}

const WORDS = [
  '推进', '加快', '深化', '完善', '建设', '发展', '支持', '鼓励', '落实', '提升', '优化', '统筹', '强化', '培育', '打造', '构建',
  '政策', '项目', '资金', '机制', '体系', '平台', '产业', '企业', '人才', '创新', '改革', '开放', '合作', '服务', '规划', '标准',
  '数字', '绿色', '低碳', '智能', '高端', '协同', '融合', '示范', '试点', '区域', '城市', '农村', '基础设施', '营商环境', '科技成果',
  '重点', '全面', '持续', '稳步', '有序', '积极', '进一步', '按照', '围绕', '结合', '通过', '实现', '形成', '保障', '监测', '评估',
];
const FULL_WIDTH = (s) => s.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A Simplified Chinese Markdown draft of about `bytes` UTF-8 bytes, with its planted variants. */
export function generateChineseDraft(bytes, terms, { seed = ZH_SEED, variantRate = 0.12 } = {}) {
  const r = rng(seed + bytes);
  const toHant = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const planted = [];
  const used = new Map();
  let out = '';
  let size = 0;
  const write = (s) => {
    out += s;
    size += Buffer.byteLength(s);
  };
  const mention = () => {
    const t = terms[r.zipf(terms.length)];
    const zh = t.languages['zh-Hans'];
    const k = used.get(t.term) ?? 0;
    used.set(t.term, k + 1);
    if (k > 0 && r.chance(variantRate)) {
      const kind = r.pick(ZH_KINDS);
      let text;
      if (kind === 'script' && toHant(zh.approved) !== zh.approved) text = toHant(zh.approved);
      else if (kind === 'width' && /[A-Za-z0-9]/.test(zh.approved)) text = FULL_WIDTH(zh.approved);
      else if (kind === 'forbidden' && zh.forbidden) text = zh.forbidden[0];
      else if (kind === 'inconsistent' && zh.admitted && k > 1) text = zh.admitted[0];
      else if (kind === 'misspelling' && [...zh.approved].length >= 3 && /^\p{Script=Han}+$/u.test(zh.approved)) {
        const h = homophoneOf(r, zh.approved[1]);
        if (h) text = zh.approved[0] + h + zh.approved.slice(2);
      }
      if (text) return { text, plant: { kind, term: t.term } };
    }
    return { text: zh.approved };
  };
  const sentence = () => {
    const parts = [];
    const n = 4 + r.int(6);
    for (let i = 0; i < n; i++) parts.push(r.chance(0.3) ? mention() : { text: r.pick(WORDS) });
    return parts;
  };
  const paragraph = () => {
    for (let s = 0, n = 2 + r.int(4); s < n; s++) {
      for (const p of sentence()) {
        const emphasis = r.chance(0.03) ? '**' : '';
        write(emphasis);
        if (p.plant) planted.push({ ...p.plant, start: out.length, end: out.length + p.text.length, text: p.text });
        write(p.text + emphasis);
      }
      write(r.chance(0.5) ? '。' : '，');
      if (r.chance(0.15)) write('\n');
    }
    write('\n\n');
  };
  let section = 0;
  while (size < bytes) {
    if (r.chance(0.1)) write(`## 第${++section}部分：${r.pick(WORDS)}${r.pick(WORDS)}\n\n`);
    if (r.chance(0.05)) write('```\n' + terms[r.int(terms.length)].languages['zh-Hant'].approved + ' = 1\n```\n\n');
    if (r.chance(0.1)) {
      for (let i = 0, n = 2 + r.int(3); i < n; i++) {
        write('- ');
        for (const p of sentence()) {
          if (p.plant) planted.push({ ...p.plant, start: out.length, end: out.length + p.text.length, text: p.text });
          write(p.text);
        }
        write('。\n');
      }
      write('\n');
    }
    paragraph();
  }
  return { text: out, planted };
}
