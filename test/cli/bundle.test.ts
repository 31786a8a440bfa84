/**
 * One protocol module for both sides: the extension's bundle is built from the client's sources and
 * server/src/protocol.ts alone (never the server library, never the engine), and the client spells no method
 * name or diagnostic code of its own.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/terms';

/** The files a bundle was built from, relative to the repository (its source map, written by `npm run build`). */
function sourcesOf(bundle: string): string[] {
  const map = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dist', `${bundle}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map((s) => path.relative(REPO_ROOT, path.resolve(REPO_ROOT, 'dist', s)).split(path.sep).join('/'));
}

describe('the protocol shared by client and server', () => {
  it('the client bundle holds the client, the shared protocol and the language client, nothing of the server', () => {
    const sources = sourcesOf('client.js');
    const own = sources.filter((s) => !s.startsWith('node_modules/'));
    assert.deepEqual(own.filter((s) => !s.startsWith('client/src/')), ['server/src/protocol.ts']);
    assert.deepEqual(sources.filter((s) => s.startsWith('node_modules/vscode-languageserver/')), []);
    assert.ok(sources.some((s) => s.startsWith('node_modules/vscode-languageserver-protocol/')));
  });

  it('the server bundle serves the same module', () => {
    assert.ok(sourcesOf('server.js').includes('server/src/protocol.ts'));
  });

  it('the client writes no method name or diagnostic code itself', () => {
    const dir = path.join(REPO_ROOT, 'client', 'src');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.doesNotMatch(text, /'termlint\/|'term-file'|'file-too-large'/, file);
    }
  });
});

describe('the bundles as V8 holds them', () => {
  it('are ASCII only, so that V8 keeps their source as a one-byte string (half the memory)', () => {
    const js = fs.readdirSync(path.join(REPO_ROOT, 'dist')).filter((f) => f.endsWith('.js'));
    assert.ok(js.includes('server.js') && js.includes('cli.js') && js.includes('client.js'));
    for (const file of js) {
      const text = fs.readFileSync(path.join(REPO_ROOT, 'dist', file), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `${file}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
    }
  });
});
