/**
 * The format registry: every extension and language id maps to the format documented for it, the CLI and
 * workspace lint find the same files, the manifest's defaults name every format, and each format's outline
 * gives its typed blocks.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PATTERNS, EXTENSIONS, formatOf } from '../../server/src/cli/files';
import { expandInputs } from '../../server/src/cli/inputs';
import { DEFAULT_LANGUAGE_IDS, FORMATS, findFormatByLanguageId, findFormatByPath, formatById, formatForLanguageId, formatForPath } from '../../server/src/core/formats';
import type { FormatId } from '../../server/src/core/types';
import { languageOfPath } from '../../server/src/features/workspaceLint';
import { REPO_ROOT } from '../helpers/terms';
import { removeWorkspaces, workspace } from '../helpers/workspace';

/** What the README documents: extensions and VS Code language ids of each format. */
const DOCUMENTED: Record<FormatId, { extensions: string[]; languageIds: string[] }> = {
  markdown: { extensions: ['md', 'markdown', 'mdx', 'mdown', 'mkd', 'mkdn'], languageIds: ['markdown'] },
  plaintext: { extensions: ['txt', 'text'], languageIds: ['plaintext'] },
  html: { extensions: ['html', 'htm'], languageIds: ['html'] },
};

describe('format registry', () => {
  after(() => removeWorkspaces());

  it('maps every documented extension and language id to its format, and nothing else', () => {
    assert.deepEqual(FORMATS.map((f) => f.id).sort(), Object.keys(DOCUMENTED).sort());
    for (const [id, { extensions, languageIds }] of Object.entries(DOCUMENTED) as [FormatId, (typeof DOCUMENTED)[FormatId]][]) {
      const format = formatById(id);
      assert.deepEqual([...format.extensions].sort(), [...extensions].sort(), id);
      assert.deepEqual([...format.languageIds], languageIds, id);
      for (const ext of extensions) {
        for (const file of [`draft.${ext}`, `/docs/a.b/DRAFT.${ext.toUpperCase()}`, `file:///c%3A/docs/draft.${ext}`]) {
          assert.equal(formatForPath(file).id, id, file);
          assert.equal(findFormatByPath(file)?.id, id, file);
        }
      }
      for (const languageId of languageIds) {
        assert.equal(formatForLanguageId(languageId).id, id);
        assert.equal(findFormatByLanguageId(languageId)?.id, id);
      }
    }
  });

  it('reads what no format claims as plain text, and claims nothing for it', () => {
    for (const file of ['notes.tex', 'notes.adoc', 'notes.rst', 'README', 'a.md/file', 'draft.md.bak']) {
      assert.equal(findFormatByPath(file), undefined, file);
      assert.equal(formatForPath(file).id, 'plaintext', file);
    }
    for (const languageId of ['latex', 'asciidoc', 'yaml', 'text', 'Markdown']) {
      assert.equal(findFormatByLanguageId(languageId), undefined, languageId);
      assert.equal(formatForLanguageId(languageId).id, 'plaintext', languageId);
    }
    assert.throws(() => formatById('latex' as FormatId), /no document format "latex"/);
  });

  it('gives each extension and language id to one format only', () => {
    const extensions = FORMATS.flatMap((f) => f.extensions);
    const languageIds = FORMATS.flatMap((f) => f.languageIds);
    assert.equal(new Set(extensions).size, extensions.length);
    assert.equal(new Set(languageIds).size, languageIds.length);
    assert.ok(extensions.every((e) => /^[a-z0-9]+$/.test(e)), 'lower case, no dot');
  });

  it('the CLI and workspace lint agree on every extension', () => {
    assert.deepEqual([...EXTENSIONS].sort(), FORMATS.flatMap((f) => f.extensions).sort());
    for (const ext of [...EXTENSIONS, 'tex', 'rst', 'adoc', 'asciidoc']) {
      const file = `/w/draft.${ext}`;
      const languageId = languageOfPath(file, DEFAULT_LANGUAGE_IDS);
      if (EXTENSIONS.includes(ext)) {
        assert.ok(languageId, `workspace lint finds *.${ext}`);
        assert.equal(formatForLanguageId(languageId).id, formatOf(file), `*.${ext} is read in the same format`);
      } else assert.equal(languageId, undefined, `workspace lint no longer claims *.${ext}`);
    }
    // Only the languages the settings name: without plaintext, a .txt file is not the workspace's.
    assert.equal(languageOfPath('/w/a.txt', ['markdown']), undefined);
  });

  it('the CLI checks every extension a format claims in folders, and no other', async () => {
    const names = [...EXTENSIONS.map((e) => `draft-${e}.${e}`), 'notes.tex', 'notes.adoc', 'notes.rst', 'list.terms.json'];
    const dir = workspace(Object.fromEntries(names.map((n) => [`docs/${n}`, 'Guangdong.\n'])));
    const { files } = await expandInputs(['docs'], dir);
    assert.deepEqual(files.map((f) => path.basename(f)), EXTENSIONS.map((e) => `draft-${e}.${e}`).sort());
    assert.equal(DEFAULT_PATTERNS.length, 1);
  });

  it('"Disable Termlint for this line" writes the format\'s comment', () => {
    assert.deepEqual(formatForLanguageId('markdown').disableLine('markdown'), { where: 'above', text: '<!-- termlint-disable-next-line -->' });
    assert.deepEqual(formatForLanguageId('html').disableLine('html'), { where: 'above', text: '<!-- termlint-disable-next-line -->' });
    assert.deepEqual(formatForLanguageId('plaintext').disableLine('plaintext'), { where: 'end', text: 'termlint-disable-line' });
    // Languages read as plain text get their own line comment.
    assert.deepEqual(formatForLanguageId('yaml').disableLine('yaml'), { where: 'end', text: '# termlint-disable-line' });
    assert.deepEqual(formatForLanguageId('latex').disableLine('latex'), { where: 'end', text: '% termlint-disable-line' });
  });

  it('the manifest and the client name every format by default', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      activationEvents: string[];
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    assert.deepEqual(manifest.contributes.configuration.properties['termlint.languages']!.default, DEFAULT_LANGUAGE_IDS);
    for (const id of DEFAULT_LANGUAGE_IDS) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), `onLanguage:${id}`);
    // The client cannot load the core (it would bundle the parsers), so its list is checked here.
    const selector = fs.readFileSync(path.join(REPO_ROOT, 'client', 'src', 'selector.ts'), 'utf8');
    const list = /DEFAULT_LANGUAGES = (\[[^\]]*\])/.exec(selector)?.[1];
    assert.deepEqual(JSON.parse(list!.replace(/'/g, '"')), DEFAULT_LANGUAGE_IDS);
  });
});

describe('format outlines (typed blocks)', () => {
  const outline = (id: FormatId, text: string) => formatById(id).outline(text).map((b) => [b.kind, b.level, text.slice(b.start, b.end)]);

  it('Markdown: headings with their level, paragraphs, list items, table rows; no code or front matter', () => {
    const text = '---\ntitle: x\n---\n# Title\n\nPara one\ngoes on.\n\n- item one\n- [ ] task\n\n> quoted\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode\n```\n\nSub\n---\n';
    assert.deepEqual(outline('markdown', text), [
      ['heading', 1, '# Title'],
      ['paragraph', 0, 'Para one\ngoes on.'],
      ['list-item', 0, 'item one'],
      ['list-item', 0, '[ ] task'],
      ['paragraph', 0, 'quoted'],
      ['table-row', 0, '| a | b |'],
      ['table-row', 0, '| c | d |'],
      ['heading', 2, 'Sub\n---'],
    ]);
  });

  it('HTML: headings, paragraphs, list items, table rows, from the tree; hidden content left out', () => {
    const text = '<title>T</title><h2>Sub</h2><p>One<p>Two</p><ul><li>a<li><p>b</p></ul><table><tr><td>x<td>y</table><div>Loose <b>text</b></div><pre>code</pre><div><p>In</p></div>';
    assert.deepEqual(outline('html', text), [
      ['heading', 2, '<h2>Sub</h2>'],
      ['paragraph', 0, '<p>One'],
      ['paragraph', 0, '<p>Two</p>'],
      ['list-item', 0, '<li>a'],
      ['list-item', 0, '<li><p>b</p>'],
      ['table-row', 0, '<tr><td>x<td>y'],
      ['paragraph', 0, '<div>Loose <b>text</b></div>'],
      ['paragraph', 0, '<p>In</p>'],
    ]);
  });

  it('plain text: paragraphs between blank lines', () => {
    assert.deepEqual(outline('plaintext', '\ufeffOne\ntwo  \n\n  Three\r\n\n\n'), [
      ['paragraph', 0, 'One\ntwo'],
      ['paragraph', 0, 'Three'],
    ]);
  });
});
