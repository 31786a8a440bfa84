/**
 * The npm package, as a new user meets it: a fresh clone is packed (`npm pack` builds on `prepack`), the tarball
 * holds the bundles and nothing of the sources, and installed into another project or globally, with no network,
 * it gives a working `termlint`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { npm, npmEnv, sharedPack, type PackedTermlint } from '../helpers/npmPackage';

const DRAFT = '# Brief\n\nVisits to Macau rose in Guang dong.\n';
const ZH_DRAFT = '推进粵港澳大灣區建设，发展新知生产力。\n';

describe('the npm package (packed from a fresh clone, installed elsewhere)', function () {
  this.timeout(300_000);
  let packed: PackedTermlint;

  before(() => {
    packed = sharedPack();
  });

  it('holds the bundles, the word list, the spelling pairs, the term lists, the schemas and the docs', () => {
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'dist/cli.js',
      'dist/server.js',
      'dist/client.js',
      'dist/parse5.js',
      'dist/config-validator.js',
      'dist/english-words.txt',
      // Chinese: OpenCC's tables, pinyin-pro, jieba and its WebAssembly module, the place names.
      'dist/opencc-t2cn.js',
      'dist/pinyin-pro.js',
      'dist/jieba.js',
      'dist/jieba_rs_wasm_bg.wasm',
      'dist/zh-places.txt',
      'dist/english-variants.txt',
      'terms/guangdong.terms.json',
      'terms/terms.schema.json',
      'termlint.config.schema.json',
    ]) {
      assert.ok(packed.files.includes(f), `${f} is not in the tarball: ${packed.files.join(', ')}`);
    }
  });

  it('holds no tests, benchmarks, sources, source maps or build output', () => {
    const unexpected = packed.files.filter((f) => /^(test|bench|scripts|out|server\/src|client\/src|node_modules)\/|\.(ts|map)$/.test(f));
    assert.deepEqual(unexpected, []);
  });

  it('has no dependencies to install: everything it runs is bundled', () => {
    assert.deepEqual(packed.manifest.dependencies ?? {}, {});
    assert.equal(packed.manifest.bin?.termlint, './dist/cli.js');
  });

  it('installed into another project with no network, `npx termlint FILE` exits 1 with the findings', () => {
    const project = path.join(packed.dir, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'drafts', version: '1.0.0', private: true }));
    fs.writeFileSync(path.join(project, 'draft.md'), DRAFT);
    const install = npm(['install', '--offline', '--no-audit', '--no-fund', packed.tarball], project);
    assert.equal(install.status, 0, install.stdout + install.stderr);
    // Only Termlint itself: no dependency came along.
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['termlint']);

    const run = npm(['exec', '--no', '--', 'termlint', 'draft.md'], project);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /draft\.md:3:11 +forbidden +"Macau" → "Macao"/);
    assert.match(run.stdout, /draft\.md:3:25 +split +"Guang dong" → "Guangdong"/);
    // A Chinese draft needs the files the bundles load at run time (OpenCC, pinyin-pro, jieba's wasm, place names).
    fs.writeFileSync(path.join(project, 'draft.zh.md'), ZH_DRAFT);
    const zh = npm(['exec', '--no', '--', 'termlint', 'draft.zh.md'], project);
    assert.equal(zh.status, 1, zh.stdout + zh.stderr);
    assert.match(zh.stdout, /draft\.zh\.md:1:3 +script +"粵港澳大灣區" → "粤港澳大湾区"/);
    assert.match(zh.stdout, /draft\.zh\.md:1:\d+ +misspelling +"新知生产力" → "新质生产力"/);
    // The checks without a list read the spelling pairs the package ships (dist/english-variants.txt).
    fs.writeFileSync(path.join(project, 'spelling.md'), 'The colour chart, the colour key and the color bar.\n');
    const spelling = npm(['exec', '--no', '--', 'termlint', '--no-default-terms', 'spelling.md'], project);
    assert.equal(spelling.status, 1, spelling.stdout + spelling.stderr);
    assert.match(spelling.stdout, /spelling\.md:1:\d+ +variant +"color" → "colour"/);
    const version = npm(['exec', '--no', '--', 'termlint', '--version'], project);
    assert.equal(version.stdout.trim(), packed.manifest.version);
  });

  it('installed globally, `termlint` is on the PATH', () => {
    const prefix = path.join(packed.dir, 'global');
    const install = npm(['install', '--global', '--offline', packed.tarball], packed.dir, npmEnv({ npm_config_prefix: prefix }));
    assert.equal(install.status, 0, install.stdout + install.stderr);
    const dir = path.join(packed.dir, 'global-drafts');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'draft.md'), DRAFT);
    const run = spawnSync('termlint', ['--format', 'json', 'draft.md'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...npmEnv(), PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as { kind: string }[]).map((r) => r.kind), ['forbidden', 'split']);
  });
});
