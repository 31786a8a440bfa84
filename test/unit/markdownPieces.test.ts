/**
 * The piecewise Markdown scan (plain paragraphs through lezer's inline parser only) must equal lezer's
 * whole-document scan: the same mask, block starts and headings, on generated drafts (fences and HTML blocks
 * that run on across blank lines, lists and quotes continued after blank lines, front matter, CRLF) with
 * delimiters and autolinks dropped in anywhere, and on every Markdown file of the repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanMarkdownDocument } from '../../server/src/core/formats/markdown/masking';
import { scanMarkdownPieces } from '../../server/src/core/formats/markdown/pieces';
import { DROPS, draftDocument, droppedDocument } from '../helpers/markdownDocs';
import { rng } from '../helpers/random';
import { REPO_ROOT } from '../helpers/terms';

/** The document itself in a failure's message, when it is short enough to read. */
const shown = (text: string): string => (text.length <= 2000 ? JSON.stringify(text) : `(${text.length} characters)`);

function assertSameScan(text: string, label: string): void {
  const whole = scanMarkdownDocument(text);
  const mask = new Uint8Array(text.length);
  const pieces = scanMarkdownPieces(text, mask);
  const at = mask.findIndex((m, i) => m !== whole.mask[i]);
  const where = at < 0 ? '' : ` (mask differs at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 30))})`;
  assert.equal(at, -1, `${label}${where}\n${shown(text)}`);
  assert.deepEqual(pieces.blockStarts, whole.blockStarts, `${label}: block starts\n${shown(text)}`);
  assert.deepEqual(pieces.headings, whole.headings, `${label}: headings\n${shown(text)}`);
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'out' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) markdownFiles(p, out);
    else if (/\.(md|markdown)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('Piecewise Markdown scan equals lezer\'s whole-document scan', () => {
  it('on every Markdown file of the repository', () => {
    const files = markdownFiles(REPO_ROOT);
    assert.ok(files.length > 20, `found ${files.length}`);
    for (const f of files) assertSameScan(fs.readFileSync(f, 'utf8'), path.relative(REPO_ROOT, f));
  });

  it('on 3,000 generated drafts, delimiters and autolinks dropped in', () => {
    const random = rng(0x91ece5);
    for (let i = 0; i < 3000; i++) {
      let doc = draftDocument(random, 2 + Math.floor(random() * 14));
      for (let k = Math.floor(random() * 4); k > 0; k--) {
        const at = Math.floor(random() * (doc.length + 1));
        doc = doc.slice(0, at) + DROPS[Math.floor(random() * DROPS.length)]! + doc.slice(at);
      }
      assertSameScan(doc, `draft ${i}`);
    }
  });

  it('on 2,000 documents of random lines', () => {
    const random = rng(0x2b1ec);
    for (let i = 0; i < 2000; i++) assertSameScan(droppedDocument(random, 4 + Math.floor(random() * 25)), `document ${i}`);
  });

  it('on pathological lines: containers nested past the guard, delimiter runs past the limit, in plain paragraphs too', () => {
    const n = 30_000;
    for (const text of [
      '- '.repeat(n) + 'Macau\n\nPlain prose after it.\n',
      '> - '.repeat(n / 2) + 'Macau\n\nPlain prose after it.\n',
      'Plain prose with ' + '*'.repeat(n) + 'Macau' + '*'.repeat(n) + ' in it.\n\n- a list\n',
      'Plain prose ' + '*a '.repeat(n / 3) + 'Macau' + ' a*'.repeat(n / 3) + '\n',
      'Plain ' + '['.repeat(n) + 'Macau' + '](x)'.repeat(n / 4) + '\n\n' + '`'.repeat(n) + 'Macau\n',
      Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + '- Macau').join('\n') + '\n\nPlain prose.\n',
    ]) {
      assertSameScan(text, `pathological ${text.slice(0, 20)}`);
    }
  });

  it('on a long fence left open, re-parsed a bounded number of times', () => {
    const prose = 'Plain prose of a draft, line after line.\n\n'.repeat(2000);
    for (const text of ['```\n' + prose, prose + '```\n' + prose, prose + '<!--\n' + prose + '-->\n' + prose, '<script>\n' + prose]) assertSameScan(text, 'open block');
  });
});
