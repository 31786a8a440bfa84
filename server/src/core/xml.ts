/**
 * The XML under a TBX termbase or an XLIFF file, as a small tree of elements with their offsets, read by saxes
 * (a conforming, non-validating XML parser that reports positions). Names are local: namespace prefixes are
 * dropped, so files in any namespace spelling (TBX: none, `urn:iso:std:iso:30042:ed-2`, LISA's, a `basic:` or
 * `min:` prefix; XLIFF: `urn:oasis:names:tc:xliff:document:1.2` or `2.0`) read alike.
 *
 * Safe by construction: saxes never reads a DTD, internal or external, and never expands an entity beyond
 * XML's five and character references. A DOCTYPE is passed over unread; a reference to any other entity (an
 * XXE attempt, or the "billion laughs" bomb) is an error at its position, and nothing is read from anywhere
 * but the text given.
 */
import type { SaxesParser as Parser } from 'saxes';
import type { Span } from './termlists/validation';

let saxes: typeof import('saxes') | undefined;
/** saxes, loaded with the first XML file: a run with JSON lists only never pays for it. */
function newParser(): Parser<{ xmlns: false; position: true }> {
  saxes ??= require('saxes') as typeof import('saxes');
  return new saxes.SaxesParser({ xmlns: false, position: true });
}

export interface XmlElement {
  /** Local name (no prefix). */
  name: string;
  attrs: Readonly<Record<string, string>>;
  /** Offset of `<` of the start tag, and past the end of the element. */
  start: number;
  end: number;
  /** Offsets of the content: past the start tag's `>`, and of the end tag's `<`. */
  contentStart: number;
  contentEnd: number;
  children: XmlElement[];
  /** The decoded text inside, markup (`<hi>`) removed; empty for structural elements, which hold none of their own. */
  text: string;
}

/** An XML syntax error: where it is (the parser's position, at or just after the fault) and what. */
export interface XmlError {
  offset: number;
  message: string;
}

/**
 * What a reader tells the parser: the structural containers of its format, whose own text is only white space
 * (every other element's `text` is the text of its content; keeping a container's would copy a whole file into
 * each level above), and how deep its files nest, to say so when one nests far deeper.
 */
export interface XmlFormat {
  containers: ReadonlySet<string>;
  /** For the message past the nesting limit: "a TBX file needs about 8". */
  needs: string;
}

/** TBX's containers (v3 and v2). */
export const TBX_XML: XmlFormat = {
  needs: 'a TBX file needs about 8',
  containers: new Set([
  'tbx', 'martif', 'tbxHeader', 'martifHeader', 'fileDesc', 'titleStmt', 'sourceDesc', 'encodingDesc', 'revisionDesc',
  'text', 'body', 'back', 'conceptEntry', 'termEntry', 'langSec', 'langSet', 'termSec', 'tig', 'ntig', 'termGrp',
  'descripGrp', 'adminGrp', 'termNoteGrp', 'transacGrp', 'refObjectSec', 'refObjectList',
  ]),
};

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** Deeper nesting than any TBX or XLIFF file has is refused, so nothing that walks the tree can run out of stack. */
const MAX_DEPTH = 64;

/** Thrown inside saxes' handlers to stop at the first error: what follows an XML error only repeats it. */
class Stop extends Error {}

/** Parses `text` (by default as TBX); the root element, or the first error. */
export function parseXml(text: string, format: XmlFormat = TBX_XML): { root: XmlElement } | { error: XmlError } {
  const CONTAINERS = format.containers;
  const parser = newParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: XmlError | undefined;
  const fail = (offset: number, message: string): never => {
    error ??= { offset: Math.max(0, Math.min(offset, text.length)), message };
    throw new Stop();
  };
  parser.on('error', (e) => {
    const raw = e.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    const at = parser.position;
    if (/undefined entity/.test(raw)) {
      const amp = text.lastIndexOf('&', at);
      const name = amp >= 0 ? /^&([^;\s<&]*);?/.exec(text.slice(amp, amp + 80))?.[1] : undefined;
      fail(amp >= 0 ? amp : at, `Entity "&${name ?? ''};" is not defined: Termlint reads no DTD and expands no entity but XML's own (&amp; &lt; &gt; &quot; &apos;) and character references`);
    }
    if (/text data outside of root node/.test(raw)) {
      // Reported once the text is read: point at where it starts, before or after the root element.
      const from = root && stack.length === 0 ? root.end : 0;
      const first = text.slice(from).search(/\S/);
      fail(first < 0 ? at : from + first, `Malformed XML: text outside the root element`);
    }
    fail(at > 0 ? at - 1 : 0, `Malformed XML: ${raw}`);
  });
  parser.on('opentag', (tag) => {
    // The readers walk the tree recursively in places; a TBX file nests about eight levels deep.
    if (stack.length >= MAX_DEPTH) fail(Math.max(0, text.lastIndexOf('<', parser.position - 1)), `Elements nest more than ${MAX_DEPTH} levels deep here; ${format.needs}`);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k === 'xml:lang' ? k : localName(k)] = String(v);
    const contentStart = parser.position;
    const start = Math.max(0, text.lastIndexOf('<', contentStart - 1));
    const element: XmlElement = { name: localName(tag.name), attrs, start, end: contentStart, contentStart, contentEnd: contentStart, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', (tag) => {
    const element = stack.pop();
    if (!element) return;
    const end = parser.position;
    element.end = end;
    // A self-closing tag has no end tag: its content is empty.
    element.contentEnd = tag.isSelfClosing ? element.contentStart : Math.max(element.contentStart, text.lastIndexOf('<', end - 1));
    if (!tag.isSelfClosing) {
      // saxes closes the open element before it reports a mismatched end tag: say which tag and which element.
      const written = /^<\/([^\s>]*)/.exec(text.slice(element.contentEnd, element.contentEnd + 200))?.[1];
      if (written !== undefined && written !== tag.name) fail(element.contentEnd, `Malformed XML: </${written}> does not close <${tag.name}>`);
    }
    const parent = stack[stack.length - 1];
    if (parent && !CONTAINERS.has(parent.name)) parent.text += element.text;
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top && !CONTAINERS.has(top.name)) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (e) {
    // saxes reports through the handler; anything else it throws is still a fault of this text.
    if (!(e instanceof Stop)) error ??= { offset: Math.min(parser.position, text.length), message: `Malformed XML: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (error) return { error };
  if (!root) return { error: { offset: 0, message: 'The file holds no XML element' } };
  return { root };
}

/** The element's span: its start tag's `<` to its end. */
export function spanOf(e: XmlElement): Span {
  return { offset: e.start, length: e.end - e.start };
}

/** Where the element's text is (its content); its start tag when it is empty. */
export function contentSpan(e: XmlElement): Span {
  return e.contentEnd > e.contentStart ? { offset: e.contentStart, length: e.contentEnd - e.contentStart } : spanOf(e);
}

/** Children named `name`. */
export function childrenNamed(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c) => c.name === name);
}

export function childNamed(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => c.name === name);
}
