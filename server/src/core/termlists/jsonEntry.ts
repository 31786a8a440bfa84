/**
 * One element of a JSON term file's "terms", read from its positioned syntax tree: the old shape (the list's
 * language inline: `term`, `admitted`, `forbidden`, other languages' approved forms in `translations`) and
 * the concept shape (`languages`: a block per language), which may be mixed. Forms are strings, or objects
 * `{ "form", "note", "source", "status" }` when one needs a note (a superseded name says so). Types are
 * checked here, every form through the builder.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import { normalizeLanguageTag } from '../languages/tags';
import type { ForbiddenStatus } from '../types';
import type { EntryForm, EntryInput, ExceptionInput, LanguageInput, OtherForm, TermListBuilder } from './builder';
import { TERM_KEYS, unknownKey } from './jsonKeys';
import { type Report, isAbbreviation } from './validation';

const FORM_KEYS = ['form', 'note', 'source', 'status'];
const LANGUAGE_KEYS = ['approved', 'admitted', 'forbidden', 'abbreviation', 'abbreviationDefined'];
const EXCEPTION_KEYS = ['phrase', 'note'];
const STATUSES: readonly ForbiddenStatus[] = ['deprecated', 'superseded'];

/** The property nodes of an object node, as [key, key node, value node]. */
function properties(node: JsonNode): [string, JsonNode, JsonNode][] {
  const out: [string, JsonNode, JsonNode][] = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v) out.push([String(k.value), k, v]);
  }
  return out;
}

/** A form written as a string or as `{ "form": …, "note": … }`; undefined (reported) when it is neither. */
function readForm(node: JsonNode, path: string, report: Report, kind: 'approved' | 'admitted' | 'forbidden'): EntryForm | undefined {
  if (node.type === 'string') return { text: node.value as string, span: node, path };
  if (node.type !== 'object') {
    report(node, path, 'Expected a string, or an object { "form": …, "note": … }');
    return undefined;
  }
  let form: EntryForm | undefined;
  let ok = true;
  const extra: Pick<EntryForm, 'note' | 'source' | 'status'> = {};
  for (const [key, keyNode, value] of properties(node)) {
    const at = `${path}.${key}`;
    if (!FORM_KEYS.includes(key)) {
      unknownKey(keyNode, at, key, FORM_KEYS, report);
      ok = false;
    } else if (value.type !== 'string') {
      report(value, at, `"${key}" must be a string`);
      ok = false;
    } else if (key === 'form') form = { text: value.value as string, span: value, path: at };
    else if (key === 'status') {
      const status = value.value as string;
      if (kind !== 'forbidden') {
        report(value, at, `Only a forbidden form has a status (${STATUSES.join(' or ')})`);
        ok = false;
      } else if (!STATUSES.includes(status as ForbiddenStatus)) {
        report(value, at, `Unknown status "${status}" (${STATUSES.join(' or ')})`);
        ok = false;
      } else extra.status = status as ForbiddenStatus;
    } else extra[key as 'note' | 'source'] = value.value as string;
  }
  if (!form) {
    if (ok) report(node, `${path}.form`, 'Missing required property "form"');
    return undefined;
  }
  return ok ? { ...form, ...extra } : undefined;
}

/** An array of forms of one kind; pushes each valid one to `out` and returns whether all were. */
function readForms(node: JsonNode, path: string, kind: 'admitted' | 'forbidden', report: Report, out: OtherForm[]): boolean {
  if (node.type !== 'array') {
    report(node, path, `"${kind}" must be an array of strings`);
    return false;
  }
  let ok = true;
  (node.children ?? []).forEach((item, i) => {
    const form = readForm(item, `${path}[${i}]`, report, kind);
    if (form) out.push({ ...form, kind });
    else ok = false;
  });
  return ok;
}

/** `"exceptions"`: phrases as strings or `{ "phrase": …, "note": … }`. */
export function readExceptions(node: JsonNode, path: string, report: Report): ExceptionInput[] | undefined {
  if (node.type !== 'array') {
    report(node, path, `"${path.replace(/.*\./, '')}" must be an array of phrases`);
    return undefined;
  }
  const out: ExceptionInput[] = [];
  let ok = true;
  (node.children ?? []).forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (item.type === 'string') {
      out.push({ phrase: item.value as string, span: item, path: at });
      return;
    }
    if (item.type !== 'object') {
      report(item, at, 'Expected a phrase: a string, or an object { "phrase": …, "note": … }');
      ok = false;
      return;
    }
    let phrase: ExceptionInput | undefined;
    let note: string | undefined;
    for (const [key, keyNode, value] of properties(item)) {
      if (!EXCEPTION_KEYS.includes(key)) {
        unknownKey(keyNode, `${at}.${key}`, key, EXCEPTION_KEYS, report);
        ok = false;
      } else if (value.type !== 'string') {
        report(value, `${at}.${key}`, `"${key}" must be a string`);
        ok = false;
      } else if (key === 'phrase') phrase = { phrase: value.value as string, span: value, path: `${at}.phrase` };
      else note = value.value as string;
    }
    if (!phrase) {
      report(item, `${at}.phrase`, 'Missing required property "phrase"');
      ok = false;
    } else out.push(note === undefined ? phrase : { ...phrase, note });
  });
  return ok ? out : undefined;
}

/** `"languages"`: a block per language tag, each with its approved form and its other forms. */
function readLanguages(node: JsonNode, path: string, report: Report): LanguageInput[] | undefined {
  if (node.type !== 'object') {
    report(node, path, '"languages" must be an object of language tag → { "approved", "admitted", "forbidden" }');
    return undefined;
  }
  const out: LanguageInput[] = [];
  let ok = true;
  const seen = new Map<string, string>();
  for (const [key, keyNode, value] of properties(node)) {
    const at = `${path}.${key}`;
    const lang = normalizeLanguageTag(key);
    if (!lang) {
      report(keyNode, at, `"${key}" is not a language tag (BCP 47, e.g. "en", "zh-Hans", "zh-Hant")`);
      ok = false;
      continue;
    }
    const before = seen.get(lang);
    if (before !== undefined) {
      report(keyNode, at, `"${key}" is the same language as "${before}" (${lang})`);
      ok = false;
      continue;
    }
    seen.set(lang, key);
    if (value.type !== 'object') {
      report(value, at, `A language must be an object { "approved", "admitted", "forbidden" }`);
      ok = false;
      continue;
    }
    let approved: EntryForm | undefined;
    const others: OtherForm[] = [];
    // A language's own abbreviation ("zh-Hans": { "approved": "粤港澳大湾区", "abbreviation": "大湾区" }).
    let abbreviation: string | undefined;
    let abbreviationDefined: boolean | undefined;
    let definedNode: JsonNode | undefined;
    for (const [k, kNode, v] of properties(value)) {
      if (k === 'approved') {
        approved = readForm(v, `${at}.approved`, report, 'approved');
        if (!approved) ok = false;
      } else if (k === 'admitted' || k === 'forbidden') ok = readForms(v, `${at}.${k}`, k, report, others) && ok;
      else if (k === 'abbreviation') {
        if (v.type !== 'string' || !isAbbreviation(v.value as string)) {
          report(v, `${at}.abbreviation`, '"abbreviation" must be one word of at most 20 characters with a letter, such as "IPP" or "大湾区"');
          ok = false;
        } else abbreviation = v.value as string;
      } else if (k === 'abbreviationDefined') {
        if (v.type !== 'boolean') {
          report(v, `${at}.abbreviationDefined`, '"abbreviationDefined" must be true or false');
          ok = false;
        } else {
          abbreviationDefined = v.value as boolean;
          definedNode = kNode;
        }
      } else {
        unknownKey(kNode, `${at}.${k}`, k, LANGUAGE_KEYS, report);
        ok = false;
      }
    }
    if (!approved) {
      if (ok) report(value, `${at}.approved`, `Missing required property "approved": every language needs its approved form`);
      ok = false;
      continue;
    }
    if (definedNode && abbreviation === undefined) {
      report(definedNode, `${at}.abbreviationDefined`, '"abbreviationDefined" needs an "abbreviation"');
      ok = false;
      continue;
    }
    out.push({ lang, approved, others, ...(abbreviation !== undefined ? { abbreviation: { short: abbreviation, defined: abbreviationDefined ?? false } } : {}) });
  }
  return ok ? out : undefined;
}

/**
 * Reads one element of "terms" into the builder. `listLang` is the list's language (normalized): the
 * language of `term`, `admitted` and `forbidden`.
 */
export function readJsonEntry(entry: JsonNode, index: number, builder: TermListBuilder, listLang: string): void {
  const { report } = builder;
  const base = `terms[${index}]`;
  if (entry.type !== 'object') {
    report(entry, base, 'A term entry must be an object with a "term" property');
    return;
  }
  let approved: EntryForm | undefined;
  let languages: LanguageInput[] | undefined;
  let languagesNode: JsonNode | undefined;
  const translations: Record<string, string> = {};
  const translationKeys = new Map<string, JsonNode>();
  const others: OtherForm[] = [];
  const input: Omit<EntryInput, 'approved' | 'others'> = { index, span: entry, path: base };
  let abbreviation: string | undefined;
  let abbreviationDefined: boolean | undefined;
  let definedNode: JsonNode | undefined;
  let ok = true;

  for (const [key, keyNode, valueNode] of properties(entry)) {
    const path = `${base}.${key}`;
    switch (key) {
      case 'term':
        if (valueNode.type !== 'string' && valueNode.type !== 'object') {
          report(valueNode, path, '"term" must be a string');
          ok = false;
        } else {
          approved = readForm(valueNode, path, report, 'approved');
          if (!approved) ok = false;
        }
        break;
      case 'admitted':
      case 'forbidden':
        ok = readForms(valueNode, path, key, report, others) && ok;
        break;
      case 'caseSensitive':
      case 'replace':
      case 'modifier':
        if (valueNode.type !== 'boolean') report(valueNode, path, `"${key}" must be true or false`);
        else input[key] = valueNode.value as boolean;
        break;
      case 'notVariants': {
        // Look-alikes that are other names: strings, checked like forms by the builder.
        if (valueNode.type !== 'array') {
          report(valueNode, path, '"notVariants" must be an array of strings');
          ok = false;
          break;
        }
        const lookAlikes: EntryForm[] = [];
        (valueNode.children ?? []).forEach((item, i) => {
          if (item.type !== 'string') {
            report(item, `${path}[${i}]`, 'Expected a string');
            ok = false;
          } else lookAlikes.push({ text: item.value as string, span: item, path: `${path}[${i}]` });
        });
        input.notVariants = lookAlikes;
        break;
      }
      case 'translations':
        if (valueNode.type !== 'object') report(valueNode, path, '"translations" must be an object of language tag → text');
        else
          for (const [tag, tagNode, v] of properties(valueNode)) {
            if (v.type !== 'string') {
              report(v, `${path}.${tag}`, 'A translation must be a string');
              continue;
            }
            // A tag this reader cannot read is kept as written (term files always allowed any key here).
            const lang = normalizeLanguageTag(tag) ?? tag;
            if (translationKeys.has(lang)) {
              report(tagNode, `${path}.${tag}`, `"${tag}" is the same language as another translation (${lang})`);
              ok = false;
            }
            translationKeys.set(lang, tagNode);
            translations[lang] = v.value as string;
          }
        break;
      case 'languages':
        languagesNode = valueNode;
        languages = readLanguages(valueNode, path, report);
        if (!languages) ok = false;
        break;
      case 'exceptions': {
        const exceptions = readExceptions(valueNode, path, report);
        if (exceptions) input.exceptions = exceptions;
        else ok = false;
        break;
      }
      case 'note':
      case 'source':
      case 'subject':
      case 'definition':
        if (valueNode.type !== 'string') report(valueNode, path, `"${key}" must be a string`);
        else input[key] = valueNode.value as string;
        break;
      case 'id':
        if (valueNode.type !== 'string' || (valueNode.value as string).trim() === '') report(valueNode, path, '"id" must be a non-empty string');
        else input.conceptId = valueNode.value as string;
        break;
      case 'abbreviation':
        if (valueNode.type !== 'string' || !isAbbreviation(valueNode.value as string)) report(valueNode, path, '"abbreviation" must be one word of at most 20 characters with a letter, such as "IPP"');
        else abbreviation = valueNode.value as string;
        break;
      case 'abbreviationDefined':
        if (valueNode.type !== 'boolean') report(valueNode, path, '"abbreviationDefined" must be true or false');
        else {
          abbreviationDefined = valueNode.value as boolean;
          definedNode = keyNode;
        }
        break;
      default:
        unknownKey(keyNode, path, key, TERM_KEYS, report);
    }
  }

  // The entry's own language: the list's when "term" gives it, else the list's block in "languages", else English's, else the first.
  let lang = listLang;
  let own: LanguageInput | undefined;
  if (languages) {
    const inList = languages.find((l) => l.lang === listLang);
    if (approved && inList) {
      report(languagesNode!, `${base}.languages`, `The list's language (${listLang}) is given twice: in "term" and in "languages"`);
      ok = false;
    } else if (!approved) {
      own = inList ?? languages.find((l) => l.lang === 'en') ?? languages[0];
      if (own) lang = own.lang;
    }
    for (const l of languages) {
      if (l !== own && translationKeys.has(l.lang)) {
        report(translationKeys.get(l.lang)!, `${base}.translations`, `${l.lang} is given twice: in "translations" and in "languages"`);
        ok = false;
      }
    }
  }
  if (own && others.length > 0) {
    report(entry, base, `"admitted" and "forbidden" belong to "term"; in an entry without "term", put them in languages.${own.lang}`);
    ok = false;
  }
  if (!approved && !own) {
    if (ok) report(entry, `${base}.term`, 'Missing required property "term"');
    return;
  }
  // The abbreviation is the concept's (concepts.ts carries it to the Term of every language).
  if (definedNode && abbreviation === undefined) report(definedNode, `${base}.abbreviationDefined`, '"abbreviationDefined" needs an "abbreviation"');
  if (abbreviation !== undefined) input.abbreviation = { short: abbreviation, defined: abbreviationDefined ?? false };
  const full: EntryInput = {
    ...input,
    lang,
    approved: own ? own.approved : approved!,
    others: own ? own.others : others,
    languages: (languages ?? []).filter((l) => l !== own),
    translations,
  };
  // Forms are checked even in an entry with a wrong type elsewhere, so one pass shows every problem.
  if (builder.checkEntry(full) && ok) builder.addTerm(full);
}
