/**
 * The project configuration (termlint.config.json): every kind of mistake gives one positioned problem written for
 * people, with the meant key or value as a replacement when it is clear; valid files give the settings each file
 * gets (its overrides applied), in the one `Settings` shape the server and the CLI use; and the schema stays in
 * step with the settings the extension declares.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, OVERRIDE_KEYS } from '../../server/src/config/keys';
import { parseProjectConfig } from '../../server/src/config/projectConfig';
import { configLayerFor } from '../../server/src/config/resolve';
import { DEFAULT_SETTINGS, Settings, layerSettings } from '../../server/src/config/settings';
import { VARIANT_KINDS } from '../../server/src/core/kinds';
import { configValidator } from '../../server/src/node/projectConfig';
import { REPO_ROOT } from '../helpers/terms';

/** Problems as `line:column path message [=> replacement]`, 1-based as the CLI prints them. */
function problems(text: string): string[] {
  const r = parseProjectConfig(text, CONFIG_FILE_NAME, configValidator());
  assert.equal(r.config === undefined, r.problems.length > 0, 'a configuration exactly when there is no problem');
  for (const p of r.problems) {
    const before = text.slice(0, p.offset).split('\n');
    assert.deepEqual([p.line, p.column], [before.length - 1, before[before.length - 1]!.length], `${p.message}: line and column of its offset`);
    if (p.replacement !== undefined) assert.ok(p.length > 0, 'a replacement replaces something');
  }
  return r.problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.path} ${p.message}${p.replacement ? ` => ${p.replacement}` : ''}`);
}

function config(text: string) {
  const r = parseProjectConfig(text, CONFIG_FILE_NAME, configValidator());
  assert.deepEqual(r.problems, []);
  return r.config!;
}

describe('project configuration: mistakes, each positioned and worded for people', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    { name: 'empty file', text: '', expected: ['1:1  termlint.config.json is empty: write {} for the defaults'] },
    { name: 'not an object', text: '["markdown"]', expected: ['1:1  termlint.config.json must be a JSON object: { "severity": { … }, … }'] },
    { name: 'a missing comma', text: '{\n  "fuzzy": false\n  "consistency": false\n}', expected: ['3:3  A comma is missing before this'] },
    { name: 'a missing colon', text: '{ "fuzzy" false }', expected: ['1:11  A colon (:) is expected after the key'] },
    { name: 'text without quotes', text: '{ "languages": [markdown] }', expected: ['1:17  This character cannot start a JSON value (text goes in double quotes)'] },
    { name: 'cut off', text: '{ "severity": { "case": "error"', expected: ['1:32  The file ends before every { and [ is closed: is something cut off?'] },
    { name: 'an unclosed string', text: '{ "exclude": ["archive/**] }', expected: ['1:15  This text is never closed: a double quote (") is missing', '1:29  The file ends before every { and [ is closed: is something cut off?'] },
    // Comments and trailing commas are fine: it is opened as JSON with comments.
    { name: 'comments and trailing commas', text: '{\n  // team\n  "fuzzy": false, /* for now */\n  "exclude": ["a/**",],\n}', expected: [] },
    { name: 'a misspelt top-level key', text: '{ "severty": { "case": "error" } }', expected: ['1:3 severty Unknown key "severty": did you mean "severity"? => "severity"'] },
    { name: 'another misspelt top-level key', text: '{\n  "termFile": ["a.terms.json"]\n}', expected: ['2:3 termFile Unknown key "termFile": did you mean "termFiles"? => "termFiles"'] },
    { name: 'a key in another case', text: '{ "MaxFileSize": 10 }', expected: ['1:3 MaxFileSize Unknown key "MaxFileSize": did you mean "maxFileSize"? => "maxFileSize"'] },
    {
      name: 'an unknown key nothing is close to',
      text: '{ "colour": "red" }',
      expected: ['1:3 colour Unknown key "colour" (known keys: "enable", "languages", "termFiles", "workspaceTermFile", "useBundledTerms", "severity", "fuzzy", "consistency", "variants", "abbreviations", "exclude", "maxFileSize", "translation", "language" or "overrides")'],
    },
    { name: 'a misspelt kind', text: '{ "severity": { "mispelling": "error" } }', expected: ['1:17 severity.mispelling Unknown key "mispelling" in "severity": did you mean "misspelling"? => "misspelling"'] },
    { name: 'a misspelt severity', text: '{ "severity": { "case": "warn" } }', expected: ['1:25 severity.case "warn" is not a value "severity.case" takes: use "error", "warning", "information", "hint" or "off" (did you mean "warning"?) => "warning"'] },
    { name: 'a severity in capitals', text: '{ "severity": { "hyphen": "Error" } }', expected: ['1:27 severity.hyphen "Error" is not a value "severity.hyphen" takes: use "error", "warning", "information", "hint" or "off" (did you mean "error"?) => "error"'] },
    { name: 'a severity nothing is close to', text: '{ "severity": { "joined": "loud" } }', expected: ['1:27 severity.joined "loud" is not a value "severity.joined" takes: use "error", "warning", "information", "hint" or "off"'] },
    { name: 'a number for a switch', text: '{ "fuzzy": 0 }', expected: ['1:12 fuzzy "fuzzy" must be true or false (or { "enabled": true|false })'] },
    { name: 'a string for a list', text: '{ "exclude": "archive/**" }', expected: ['1:14 exclude "exclude" must be a list [ … ]'] },
    { name: 'a number in a list', text: '{ "languages": ["markdown", 3] }', expected: ['1:29 languages[1] Each item of "languages" must be text in double quotes'] },
    { name: 'a language twice', text: '{ "languages": ["html", "markdown", "html"] }', expected: ['1:37 languages[2] "html" is listed twice in "languages"'] },
    { name: 'a size of zero', text: '{ "maxFileSize": 0 }', expected: ['1:18 maxFileSize "maxFileSize" must be at least 1'] },
    { name: 'a fractional size', text: '{ "maxFileSize": 1.5 }', expected: ['1:18 maxFileSize "maxFileSize" must be a whole number'] },
    { name: 'a language that is no language tag', text: '{ "language": "Chinese (Hong Kong)" }', expected: ['1:15 language "Chinese (Hong Kong)" is not a value "language" takes: use one such as "auto", "en", "zh-Hans", "zh-Hant", "zh-HK" or "zh-TW"'] },
    { name: 'an empty glob', text: '{ "termFiles": [""] }', expected: ['1:17 termFiles[0] Each item of "termFiles" must not be empty'] },
    {
      name: 'an override without files',
      text: '{ "overrides": [ { "severity": { "case": "error" } } ] }',
      expected: ['1:18 overrides[0] This override needs "files": globs, relative to this file\'s folder, of the files these settings apply to (for example "published/**").'],
    },
    { name: 'an override with no globs', text: '{ "overrides": [ { "files": [] } ] }', expected: ['1:29 overrides[0].files "files" must list at least 1 item'] },
    {
      name: 'a project key in an override',
      text: '{ "overrides": [ { "files": ["a/**"], "termFiles": [] } ] }',
      expected: ['1:39 overrides[0].termFiles Unknown key "termFiles" in this override (an override can set "enable", "severity", "fuzzy", "consistency", "variants", "abbreviations", "maxFileSize" or "language"; the rest is the project\'s)'],
    },
    { name: 'a misspelt key in an override', text: '{ "overrides": [ { "file": ["a/**"] } ] }', expected: ['1:18 overrides[0] This override needs "files": globs, relative to this file\'s folder, of the files these settings apply to (for example "published/**").', '1:20 overrides[0].file Unknown key "file" in this override: did you mean "files"? => "files"'] },
    { name: 'a misspelt kind in an override', text: '{ "overrides": [ { "files": ["a/**"], "severity": { "splt": "off" } } ] }', expected: ['1:53 overrides[0].severity.splt Unknown key "splt" in "severity": did you mean "split"? => "split"'] },
    {
      name: 'several problems, in file order',
      text: '{\n  "fuzy": true,\n  "severity": { "case": "warn" },\n  "maxFileSize": -1\n}',
      expected: [
        '2:3 fuzy Unknown key "fuzy": did you mean "fuzzy"? => "fuzzy"',
        '3:25 severity.case "warn" is not a value "severity.case" takes: use "error", "warning", "information", "hint" or "off" (did you mean "warning"?) => "warning"',
        '4:18 maxFileSize "maxFileSize" must be at least 1',
      ],
    },
    { name: 'nesting past the limit', text: '{ "overrides": ' + '['.repeat(40) + ']'.repeat(40) + ' }', expected: ['1:31  Lists and objects nest more than 16 levels deep here; a configuration needs 4'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(problems(c.text), c.expected));
  }

  it('never throws, and positions every problem inside the file, whatever the bytes', () => {
    const samples = ['{', '}', '{"a":', '{"severity":{"case":', '\u0000', '{"overrides":[{"files":["x"],"severity":7}]}', '{"$schema": 3}', '/* */', '{"enable": null}'];
    for (const text of samples) {
      const r = parseProjectConfig(text, CONFIG_FILE_NAME, configValidator());
      for (const p of r.problems) assert.ok(p.offset >= 0 && p.offset + p.length <= text.length, `${JSON.stringify(text)}: ${p.message}`);
      assert.ok(r.config || r.problems.length > 0);
    }
  });
});

describe('project configuration: the settings each file gets', () => {
  const team = config(`{
    "severity": { "inconsistent": "warning", "split": "off" },
    "fuzzy": false,
    "exclude": ["./archive/"],
    "overrides": [
      { "files": ["published/**"], "severity": { "forbidden": "error", "split": "warning" } },
      { "files": ["published/drafts/**", "*.txt"], "enable": false, "consistency": { "enabled": false } }
    ]
  }`);

  const settingsFor = (rel: string | undefined, ...above: unknown[]) => Settings.from(layerSettings(configLayerFor(team, rel).settings, ...above));

  it('a file no override matches gets the top-level settings over the defaults', () => {
    const s = settingsFor('notes/brief.md');
    assert.deepEqual(s.severity, { ...DEFAULT_SETTINGS.severity, inconsistent: 'warning', split: 'off' });
    assert.deepEqual(s.fuzzy, { enabled: false });
    assert.deepEqual(s.consistency, { enabled: true });
    assert.deepEqual(s.exclude, ['archive/**'], 'globs normalised: "./archive/" is the folder and what is in it');
    assert.deepEqual(configLayerFor(team, 'notes/brief.md').overrides, []);
  });

  it('an override adds to the settings, key by key, and later ones win', () => {
    assert.deepEqual(settingsFor('published/brief.md').severity, { ...DEFAULT_SETTINGS.severity, inconsistent: 'warning', split: 'warning', forbidden: 'error' });
    const draft = settingsFor('published/drafts/x.md');
    assert.deepEqual(configLayerFor(team, 'published/drafts/x.md').overrides, [0, 1]);
    assert.equal(draft.enable, false);
    assert.deepEqual(draft.consistency, { enabled: false });
    assert.equal(draft.severity.forbidden, 'error');
    // `*.txt` is relative to the configuration's folder: only its own files, not those of subfolders.
    assert.equal(settingsFor('a.txt').enable, false);
    assert.equal(settingsFor('notes/a.txt').enable, true);
  });

  it('the layers above (VS Code settings the user set, CLI flags) win over the configuration', () => {
    const s = settingsFor('published/brief.md', { severity: { forbidden: 'hint' }, fuzzy: { enabled: true } });
    assert.equal(s.severity.forbidden, 'hint');
    assert.equal(s.severity.split, 'warning', 'an object setting merges key by key');
    assert.deepEqual(s.fuzzy, { enabled: true }, 'a plain boolean below an { enabled } section above');
  });

  it('without a path (the project as a whole), no override applies', () => {
    assert.deepEqual(configLayerFor(team, undefined).overrides, []);
  });
});

describe('project configuration: the schema and the settings declared in package.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'termlint.config.schema.json'), 'utf8')) as {
    properties: Record<string, unknown>;
    definitions: { severity: { properties: Record<string, unknown> }; override: { properties: Record<string, unknown> } };
  };
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { scope?: string }> }; jsonValidation: { fileMatch: string; url: string }[] };
  };

  it('every setting read per document has its key in the configuration (dotted names nested: fuzzy.enabled → fuzzy)', () => {
    const settings = Object.entries(manifest.contributes.configuration.properties).filter(([, p]) => p.scope === 'resource').map(([name]) => name.slice('termlint.'.length).split('.')[0]!);
    const missing = [...new Set(settings)].filter((k) => !(k in schema.properties));
    assert.deepEqual(missing, [], 'add these to termlint.config.schema.json (and OVERRIDE_KEYS if a file may differ)');
  });

  it('has a severity key per kind, and the override keys named in config/keys.ts', () => {
    assert.deepEqual(Object.keys(schema.definitions.severity.properties), [...VARIANT_KINDS]);
    assert.deepEqual(Object.keys(schema.definitions.override.properties), ['files', ...OVERRIDE_KEYS]);
  });

  it('is the schema VS Code applies to the file, which the extension sends to the server', () => {
    assert.ok(manifest.contributes.jsonValidation.some((v) => v.fileMatch === CONFIG_FILE_NAME && v.url === './termlint.config.schema.json'));
    // The client cannot import the server's module (its bundle holds only the protocol): it spells the name too.
    const selector = fs.readFileSync(path.join(REPO_ROOT, 'client', 'src', 'selector.ts'), 'utf8');
    assert.equal(/PROJECT_CONFIG_FILE = '([^']+)'/.exec(selector)?.[1], CONFIG_FILE_NAME);
  });

  it('variants and abbreviations: a shorthand, an object, and layers over each other', () => {
    const v = (...layers: unknown[]) => Settings.from(layerSettings(...layers)).variants;
    const on = { scope: 'document', hyphenation: true, spelling: true, capitalization: true };
    assert.deepEqual(v(), on);
    assert.deepEqual(v({ variants: false }), { ...on, scope: 'off' });
    assert.deepEqual(v({ variants: { scope: 'workspace', spelling: false } }), { ...on, scope: 'workspace', spelling: false });
    assert.deepEqual(v({ variants: false }, { variants: { hyphenation: false } }), { ...on, scope: 'off', hyphenation: false }, 'a later class switch keeps it off');
    assert.deepEqual(v({ variants: false }, { variants: { scope: 'document' } }), on, 'a later scope turns it on');
    assert.deepEqual(v({ variants: { scope: 'workspace' } }, { variants: false }), { ...on, scope: 'off' });
    assert.deepEqual(v({ variants: { scope: 'folder' } }), on, 'an unknown scope is the default');
    assert.deepEqual(Settings.variantOptions(Settings.from({ variants: { spelling: false } })), { hyphenation: true, spelling: false, capitalization: true });
    assert.equal(Settings.variantOptions(Settings.from({ variants: { hyphenation: false, spelling: false, capitalization: false } })), false);
    assert.deepEqual(Settings.from(layerSettings({ abbreviations: false }, { abbreviations: { enabled: true } })).abbreviations, { enabled: true });
    const override = config('{ "variants": { "scope": "workspace" }, "overrides": [{ "files": ["own/**"], "variants": false, "abbreviations": false }] }');
    const own = Settings.from(layerSettings(configLayerFor(override, 'own/a.md').settings));
    assert.equal(own.variants.scope, 'off');
    assert.deepEqual(own.abbreviations, { enabled: false });
    assert.equal(Settings.from(layerSettings(configLayerFor(override, 'b.md').settings)).variants.scope, 'workspace');
  });

  it('the defaults are the settings of an empty configuration', () => {
    assert.deepEqual(Settings.from(layerSettings(configLayerFor(config('{}'), 'a.md').settings)), Settings.from(undefined));
  });
});
