/** Translation pairs by name (report.zh.md ↔ report.en.md) and as declared in the settings. */
import * as assert from 'node:assert/strict';
import { declaredPairs, pairsByName, taggedName } from '../../server/src/core/translation/names';

describe('translation pairs by name', () => {
  const tags: [string, string | undefined][] = [
    ['docs/report.zh.md', 'zh-Hans'],
    ['docs/report.zh-Hans.md', 'zh-Hans'],
    ['docs/report.zh-Hant.md', 'zh-Hant'],
    ['docs/report.zh-TW.md', 'zh-Hant'],
    ['docs/report.zh_CN.txt', 'zh-Hans'],
    ['report.en-US.html', 'en'],
    ['report.pt-BR.md', 'pt'],
    ['report.sr-Latn-RS.md', 'sr-Latn'],
    ['file:///w/a%20b/plan.en.md', 'en'],
    ['report.md', undefined],
    ['plan.v2.md', undefined],
    ['notes.old.md', undefined],
    ['minutes.final.md', undefined],
    ['archive.2024.md', undefined],
    ['docs/.en.md', undefined],
  ];
  for (const [path, lang] of tags) it(`${path}: ${lang ?? 'no tag'}`, () => assert.equal(taggedName(path)?.lang, lang));

  it('pairs each file in another language with the file of the target language of the same stem', () => {
    const files = ['a/report.zh-Hans.md', 'a/report.zh-Hant.md', 'a/report.en.md', 'a/other.en.md', 'b/report.zh.md', 'b/report.md', 'c/x.de.md', 'c/x.fr.md'];
    assert.deepEqual(
      pairsByName(files).map((p) => [p.source, p.target, p.sourceLang, p.targetLang]),
      [
        ['a/report.zh-Hans.md', 'a/report.en.md', 'zh-Hans', 'en'],
        ['a/report.zh-Hant.md', 'a/report.en.md', 'zh-Hant', 'en'],
      ],
    );
    assert.deepEqual(pairsByName(files, 'fr').map((p) => [p.source, p.target]), [['c/x.de.md', 'c/x.fr.md']]);
    // Two files in the target language and none in another pair nothing; nor does an untagged original.
    assert.deepEqual(pairsByName(['r.en.md', 'r.en-GB.md', 'r.md']), []);
  });

  it('pairs across extensions of one stem', () => {
    assert.deepEqual(pairsByName(['n.zh.txt', 'n.en.md']).map((p) => [p.source, p.target]), [['n.zh.txt', 'n.en.md']]);
  });
});

describe('declared translation pairs', () => {
  const files = ['drafts/original.md', 'drafts/translation.md', 'zh/plan.md', 'zh/sub/notes.zh.md', 'en/plan.md', 'en/sub/notes.en.md', 'en/extra.md', 'fr/doc.md'];

  it('a file with a file, the languages from the entry, the names or the defaults', () => {
    assert.deepEqual(declaredPairs([{ source: './drafts/original.md', target: 'drafts\\translation.md' }], files), [{ source: 'drafts/original.md', target: 'drafts/translation.md', sourceLang: 'zh-Hans', targetLang: 'en' }]);
    assert.deepEqual(declaredPairs([{ source: 'fr/doc.md', target: 'en/plan.md', sourceLanguage: 'fr-FR' }], files)[0]!.sourceLang, 'fr');
    assert.deepEqual(declaredPairs([{ source: 'zh/sub/notes.zh.md', target: 'drafts/translation.md', targetLanguage: 'de' }], files)[0]!.targetLang, 'de');
  });

  it('a folder with a folder: files of the same relative path, their tags aside', () => {
    assert.deepEqual(
      declaredPairs([{ source: 'zh/', target: 'en/' }], files).map((p) => [p.source, p.target, p.sourceLang, p.targetLang]),
      [
        ['zh/plan.md', 'en/plan.md', 'zh-Hans', 'en'],
        ['zh/sub/notes.zh.md', 'en/sub/notes.en.md', 'zh-Hans', 'en'],
      ],
    );
  });

  it('a pair whose files are not there is no pair', () => {
    assert.deepEqual(declaredPairs([{ source: 'missing.md', target: 'en/plan.md' }, { source: 'en/plan.md', target: 'en/plan.md' }], files), []);
  });
});
