/**
 * Translation pairs found by name: `report.zh.md` and `report.en.md` are the source and the translation of one
 * document, told apart by the language tag before the extension. Paths in, pairs out (forward slashes or URIs;
 * nothing here reads a disk), so the CLI, the server's workspace and the tests all pair files alike.
 *
 * A tag in a file name is a two-letter language code (ISO 639-1) with an optional script and region, as BCP 47
 * writes them (`zh`, `zh-Hans`, `zh-Hant`, `zh-CN`, `en`, `en-US`, `pt-BR`, `sr-Latn`): a narrower reading than a
 * term list's, because file names carry other dotted words (`notes.old.md`, `plan.v2.md`, `minutes.final.md`)
 * that must not pair up.
 */
import { normalizeLanguageTag } from '../languages/tags';

/** What a tagged file name says: the document it belongs to and the language it is written in. */
export interface TaggedName {
  /** The path without `.<tag>.<extension>`: files with the same stem are one document in several languages. */
  stem: string;
  /** The tag as written in the name (`zh-CN`). */
  tag: string;
  /** The tag as term lists keep it (`zh-Hans`): what pairs and concepts are matched by. */
  lang: string;
}

const NAME = /^(.+)\.([A-Za-z]{2}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3})){0,2})\.([A-Za-z0-9]+)$/;

/** The language a path's file name is tagged with, or undefined when it has no tag. */
export function taggedName(path: string): TaggedName | undefined {
  const m = NAME.exec(path);
  if (!m) return undefined;
  const lang = normalizeLanguageTag(m[2]!);
  if (!lang || m[1]!.endsWith('/')) return undefined;
  return { stem: m[1]!, tag: m[2]!, lang };
}

/** A source document and its translation, each with its language. */
export interface PairRef {
  source: string;
  target: string;
  /** Normalized tags (`zh-Hans`, `en`). */
  sourceLang: string;
  targetLang: string;
}

/**
 * The pairs among `paths` by name: for each stem, every file in the target language (`targetLanguage`, a tag
 * normalized as term lists keep them; default English) is the translation of each file of the same stem in
 * another language. `report.zh-Hans.md`, `report.zh-Hant.md` and `report.en.md` are two pairs; two files in
 * the target language and none in another are no pair.
 */
export function pairsByName(paths: Iterable<string>, targetLanguage = 'en'): PairRef[] {
  const target = normalizeLanguageTag(targetLanguage) ?? targetLanguage;
  const byStem = new Map<string, { path: string; lang: string }[]>();
  for (const path of paths) {
    const t = taggedName(path);
    if (!t) continue;
    let group = byStem.get(t.stem);
    if (!group) byStem.set(t.stem, (group = []));
    group.push({ path, lang: t.lang });
  }
  const out: PairRef[] = [];
  for (const group of byStem.values()) {
    const targets = group.filter((g) => g.lang === target);
    for (const s of group) {
      if (s.lang === target) continue;
      for (const t of targets) out.push({ source: s.path, target: t.path, sourceLang: s.lang, targetLang: t.lang });
    }
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** A pair declared in the settings or the project configuration (paths relative to its folder). */
export interface DeclaredPair {
  source: string;
  target: string;
  sourceLanguage?: string;
  targetLanguage?: string;
}

/** The language a declared pair's side is in: its own setting, else its name's tag, else the default. */
function sideLanguage(given: string | undefined, path: string, fallback: string): string {
  return (given !== undefined ? normalizeLanguageTag(given) : undefined) ?? taggedName(path)?.lang ?? fallback;
}

/** Forward slashes, no leading `./`: how declared paths are compared with the files found. */
export function normalizeRelative(path: string): string {
  let p = path.trim().replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/**
 * The pairs declared pairs make among `files` (paths relative to the same folder as the declarations): a file
 * with a file, or, when both sides end with `/`, each file under the source folder with the file of the same
 * relative path under the target folder (`zh/` and `en/`; a language tag in the names is ignored, so
 * `zh/plan.zh.md` meets `en/plan.en.md`). A side's language is the entry's `sourceLanguage` / `targetLanguage`,
 * else its file name's tag, else `zh-Hans` for the source and `targetLanguage` for the translation.
 */
export function declaredPairs(declared: readonly DeclaredPair[], files: Iterable<string>, targetLanguage = 'en'): PairRef[] {
  const all = [...files].map(normalizeRelative);
  const present = new Set(all);
  const target = normalizeLanguageTag(targetLanguage) ?? targetLanguage;
  const out: PairRef[] = [];
  const seen = new Set<string>();
  const add = (source: string, targetPath: string, d: DeclaredPair) => {
    const key = `${source}\n${targetPath}`;
    if (seen.has(key) || source === targetPath) return;
    seen.add(key);
    out.push({ source, target: targetPath, sourceLang: sideLanguage(d.sourceLanguage, source, 'zh-Hans'), targetLang: sideLanguage(d.targetLanguage, targetPath, target) });
  };
  for (const d of declared) {
    const s = normalizeRelative(d.source);
    const t = normalizeRelative(d.target);
    if (s.endsWith('/') && t.endsWith('/')) {
      const untagged = (rest: string) => {
        const tagged = taggedName(rest);
        return tagged ? `${tagged.stem}.${rest.slice(rest.lastIndexOf('.') + 1)}` : rest;
      };
      const targets = new Map<string, string>();
      for (const f of all) if (f.startsWith(t)) targets.set(untagged(f.slice(t.length)), f);
      for (const f of all) {
        if (!f.startsWith(s)) continue;
        const match = targets.get(untagged(f.slice(s.length)));
        if (match) add(f, match, d);
      }
    } else if (present.has(s) && present.has(t)) add(s, t, d);
  }
  return out;
}
