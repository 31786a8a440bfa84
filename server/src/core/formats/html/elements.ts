/** What each HTML element is to the view: by tag name, a set of flags. Unknown elements (custom ones too) end blocks. */

export const enum El {
  /** Ends a block: its tags are hidden, and the text after them starts a sentence. */
  Block = 1,
  /** Read as transparent: its tags read as spaces, so a term runs through `<em>` as through Markdown emphasis. */
  Inline = 2,
  /** Its content is never checked (code, scripts, form fields, foreign content). */
  HideContent = 4,
  /** Its text is a heading: Title Case and ALL CAPS are the author's choice there. */
  Heading = 8,
  /** No content (never pushed as open). */
  Void = 16,
}

const table = new Map<string, number>();
const set = (names: string, flags: number) => {
  for (const name of names.split(' ')) table.set(name, flags);
};

set('a abbr acronym b bdi bdo big cite data del dfn em font i ins label mark nobr q s small span strike strong sub sup time tt u var', El.Inline);
set('img', El.Inline | El.Void);
// A word-break opportunity inside a word: hidden (the word is checked in pieces), but no block boundary.
set('wbr', El.Void);
set('code kbd samp rt rp', El.HideContent);
set('svg math', El.HideContent);
set('pre script style textarea noscript iframe xmp noembed noframes plaintext', El.Block | El.HideContent);
set('h1 h2 h3 h4 h5 h6 title', El.Block | El.Heading);
set('area base br col embed hr input keygen link meta param source track', El.Block | El.Void);

export function elementFlags(tagName: string): number {
  return table.get(tagName) ?? El.Block;
}

/** Attributes whose values are prose, checked as blocks of their own. */
export function isCheckedAttribute(name: string): boolean {
  return name === 'alt' || name === 'title';
}
