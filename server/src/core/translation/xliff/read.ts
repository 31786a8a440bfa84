/**
 * XLIFF, the exchange format of translation tools (Trados, memoQ, Phrase, OmegaT, Okapi), read as translation
 * pairs: each unit's source and target. Both versions tools write:
 *
 *   1.2   xliff › file (source-language, target-language) › body › group* › trans-unit › source, target
 *   2.x   xliff (srcLang, trgLang) › file › group* › unit › segment | ignorable › source, target
 *
 * Through the same XML layer as TBX (core/xml.ts: saxes, no DTD, no entity but XML's own), so a DOCTYPE is
 * passed over and an external entity is a positioned error. The text of a source or target is its character
 * data with inline markup taken out: paired codes (1.2 `g`, `mrk`; 2.x `pc`, `mrk`) keep their content,
 * placeholders (`x`, `bx`, `ex`, `ph`, `sc`, `ec`, `sm`, `em`) read as a space, native code (1.2 `bpt`, `ept`,
 * `it`, `ph` content; `sub`) is left out. Every character keeps the offsets of what it was read from, so
 * findings are placed in the XLIFF file and a fix is an edit of it (unless it would cross markup).
 */
import { type XmlElement, type XmlError, type XmlFormat, parseXml } from '../../xml';
import { normalizeLanguageTag } from '../../languages/tags';

const XLIFF_XML: XmlFormat = {
  needs: 'an XLIFF file needs about 10',
  containers: new Set(['xliff', 'file', 'header', 'body', 'group', 'trans-unit', 'unit', 'segment', 'ignorable', 'notes', 'originalData', 'skeleton', 'alt-trans', 'seg-source', 'bin-unit']),
};

/** A source or target's text, each character with the span of the file it was read from. */
export interface SegmentText {
  text: string;
  /** File offsets of each character's first and past its last code unit (an entity: the whole reference). */
  starts: Int32Array;
  ends: Int32Array;
  /** Characters that stand for markup (a placeholder read as a space): never part of an edit. */
  markup: Uint8Array;
  /** The element's content [start, end) in the file (where an insertion into an empty one goes). */
  contentStart: number;
  contentEnd: number;
}

export interface XliffUnit {
  id: string;
  /** The unit's element in the file. */
  start: number;
  end: number;
  source: SegmentText;
  /** Absent when the unit has no translation yet. */
  target?: SegmentText;
}

export interface XliffDocument {
  version: '1.2' | '2';
  /** Normalized tags (term lists' reading); undefined when the file does not say. */
  sourceLang?: string;
  targetLang?: string;
  units: XliffUnit[];
}

export type XliffResult = { document: XliffDocument } | { error: XmlError };

/** Inline elements whose content is text of the segment. */
const PAIRED = new Set(['g', 'mrk', 'pc']);
/** Inline elements that stand for a code: read as a space, their content (native code) left out. */
const PLACEHOLDERS = new Set(['x', 'bx', 'ex', 'ph', 'sc', 'ec', 'sm', 'em', 'bpt', 'ept', 'it', 'sub']);

/** Decodes the raw character data of `raw` (validated XML: references, CDATA, comments) into `out`. */
function decodeRun(file: string, from: number, to: number, out: Builder): void {
  let i = from;
  while (i < to) {
    const c = file.charCodeAt(i);
    if (c === 0x26 /* & */) {
      const semi = file.indexOf(';', i);
      const name = file.slice(i + 1, semi);
      let ch: string;
      if (name[0] === '#') ch = String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
      else ch = ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name] ?? '';
      for (let k = 0; k < ch.length; k++) out.push(ch.charCodeAt(k), i, semi + 1, 0);
      i = semi + 1;
    } else if (c === 0x3c /* < */) {
      if (file.startsWith('<![CDATA[', i)) {
        const close = file.indexOf(']]>', i + 9);
        for (let k = i + 9; k < close; k++) out.push(file.charCodeAt(k), k, k + 1, 0);
        i = close + 3;
      } else if (file.startsWith('<!--', i)) i = file.indexOf('-->', i + 4) + 3;
      else if (file.startsWith('<?', i)) i = file.indexOf('?>', i + 2) + 2;
      else i++; // not reached: elements are walked by `collect`
    } else if (c === 0x0d /* \r */) {
      // XML reads CRLF and a lone CR as one line feed.
      const end = file.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      out.push(0x0a, i, end, 0);
      i = end;
    } else {
      out.push(c, i, i + 1, 0);
      i++;
    }
  }
}

class Builder {
  private codes: number[] = [];
  private s: number[] = [];
  private e: number[] = [];
  private m: number[] = [];
  push(code: number, start: number, end: number, markup: number): void {
    this.codes.push(code);
    this.s.push(start);
    this.e.push(end);
    this.m.push(markup);
  }
  finish(contentStart: number, contentEnd: number): SegmentText {
    let text = '';
    for (let k = 0; k < this.codes.length; k += 8192) text += String.fromCharCode(...this.codes.slice(k, k + 8192));
    return { text, starts: Int32Array.from(this.s), ends: Int32Array.from(this.e), markup: Uint8Array.from(this.m), contentStart, contentEnd };
  }
}

/** The text of a source or target element: its character data and its paired codes' content, in order. */
function collect(file: string, el: XmlElement, out: Builder): void {
  let pos = el.contentStart;
  for (const child of el.children) {
    decodeRun(file, pos, child.start, out);
    if (PAIRED.has(child.name)) collect(file, child, out);
    else if (PLACEHOLDERS.has(child.name)) out.push(0x20, child.start, child.end, 1);
    pos = child.end;
  }
  decodeRun(file, pos, el.contentEnd, out);
}

function segmentText(file: string, el: XmlElement): SegmentText {
  const b = new Builder();
  collect(file, el, b);
  return b.finish(el.contentStart, el.contentEnd);
}

/** Several elements' texts as one (a 2.x unit's segments and ignorables, in order), separated by a space. */
function joined(file: string, els: readonly XmlElement[]): SegmentText | undefined {
  if (els.length === 0) return undefined;
  const b = new Builder();
  els.forEach((el, k) => {
    if (k > 0) b.push(0x20, el.start, el.start, 1);
    collect(file, el, b);
  });
  return b.finish(els[0]!.contentStart, els[els.length - 1]!.contentEnd);
}

function tag(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : normalizeLanguageTag(raw);
}

/** Reads an XLIFF 1.2 or 2.x file: its units' sources and targets, or the first error, positioned. */
export function readXliff(file: string): XliffResult {
  const parsed = parseXml(file, XLIFF_XML);
  if ('error' in parsed) return parsed;
  const root = parsed.root;
  if (root.name !== 'xliff') return { error: { offset: root.start, message: `Not an XLIFF file: its root element is <${root.name}>, not <xliff>` } };
  const version = root.attrs.version ?? '';
  const units: XliffUnit[] = [];
  if (/^1\./.test(version)) {
    let sourceLang: string | undefined;
    let targetLang: string | undefined;
    const walk = (el: XmlElement) => {
      for (const c of el.children) {
        if (c.name === 'trans-unit') {
          if (c.attrs.translate === 'no') continue;
          const source = c.children.find((x) => x.name === 'source');
          if (!source) continue;
          const target = c.children.find((x) => x.name === 'target');
          units.push({ id: c.attrs.id ?? String(units.length + 1), start: c.start, end: c.end, source: segmentText(file, source), ...(target ? { target: segmentText(file, target) } : {}) });
        } else if (c.name === 'group' || c.name === 'body') walk(c);
      }
    };
    for (const f of root.children.filter((c) => c.name === 'file')) {
      sourceLang ??= tag(f.attrs['source-language']);
      targetLang ??= tag(f.attrs['target-language']);
      walk(f);
    }
    return { document: { version: '1.2', ...(sourceLang ? { sourceLang } : {}), ...(targetLang ? { targetLang } : {}), units } };
  }
  if (/^2\./.test(version)) {
    const walk = (el: XmlElement) => {
      for (const c of el.children) {
        if (c.name === 'unit') {
          if (c.attrs.translate === 'no') continue;
          const parts = c.children.filter((x) => x.name === 'segment' || x.name === 'ignorable');
          const sources = parts.flatMap((p) => p.children.filter((x) => x.name === 'source'));
          const targets = parts.flatMap((p) => p.children.filter((x) => x.name === 'target'));
          const source = joined(file, sources);
          if (!source) continue;
          // A unit is translated when its segments are; one without any target is left for later.
          const target = targets.length > 0 ? joined(file, targets) : undefined;
          units.push({ id: c.attrs.id ?? String(units.length + 1), start: c.start, end: c.end, source, ...(target ? { target } : {}) });
        } else if (c.name === 'group' || c.name === 'file') walk(c);
      }
    };
    walk(root);
    const sourceLang = tag(root.attrs.srcLang);
    const targetLang = tag(root.attrs.trgLang);
    return { document: { version: '2', ...(sourceLang ? { sourceLang } : {}), ...(targetLang ? { targetLang } : {}), units } };
  }
  return { error: { offset: root.start, message: `Unknown XLIFF version "${version}": Termlint reads XLIFF 1.2 and 2.x` } };
}
