/**
 * Checks a configuration against termlint.config.schema.json with Ajv, and words each schema error for the person
 * who wrote the file: what is wrong, where (a JSON location the parser turns into a position), and, when one
 * known key or value is clearly what was meant, that as a replacement (the editor offers it as a quick fix).
 */
import { closestName, quotedList } from '../core/suggest';

/** The part of an Ajv error this module reads (Ajv's `ErrorObject` with `verbose: true`). */
export interface SchemaError {
  /** JSON Pointer of the value, e.g. `/overrides/0/severity`. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  /** The schema holding the failed keyword (`properties` of an object, `enum` of a value). */
  parentSchema?: unknown;
}

export interface ConfigValidator {
  /** The schema errors of a parsed configuration (none when it is valid). */
  validate(value: unknown): SchemaError[];
}

export interface DescribedError {
  /** Keys and indexes from the root to the value. */
  location: (string | number)[];
  /** Underline the key of the property at `location` rather than its value. */
  onKey: boolean;
  message: string;
  /** What the underlined text should read instead (JSON text, quotes included). */
  replacement?: string;
}

/** A compiled schema: Ajv's validate function (generated at build time, or compiled by `compileSchema`). */
export interface ValidateFunction {
  (value: unknown): boolean;
  errors?: readonly { instancePath: string; keyword: string; params: object; parentSchema?: unknown }[] | null;
}

export function configValidatorOf(validate: ValidateFunction): ConfigValidator {
  return {
    validate(value) {
      if (validate(value)) return [];
      return (validate.errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params as Record<string, unknown>, parentSchema: e.parentSchema }));
    },
  };
}

function locationOf(pointer: string, root: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let here: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(here) && /^\d+$/.test(part) ? Number(part) : part;
    out.push(key);
    here = here !== null && typeof here === 'object' ? (here as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}

/** How a message names the value at `location`: `"fuzzy"`, `"severity.joined"`, `an item of "languages"`. */
function nameOf(location: readonly (string | number)[]): string {
  const last = location[location.length - 1];
  const keys = location.filter((p): p is string => typeof p === 'string');
  if (typeof last === 'number') {
    if (location.length === 2 && location[0] === 'overrides') return 'this override';
    return keys.length ? `each item of "${keys[keys.length - 1]}"` : 'each item';
  }
  if (keys[0] === 'overrides') keys.shift();
  return keys.length ? `"${keys.slice(-2).join('.')}"` : 'The configuration';
}

const TYPE_WORDS: Record<string, string> = {
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  string: 'text in double quotes',
  integer: 'a whole number',
  number: 'a number',
};

function typeWords(types: unknown): string {
  const list = String(types).split(',');
  if (list.includes('boolean') && list.includes('object')) return 'true or false (or { "enabled": true|false })';
  return list.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
}

function valueAt(root: unknown, location: readonly (string | number)[]): unknown {
  let here = root;
  for (const part of location) here = here !== null && typeof here === 'object' ? (here as Record<string | number, unknown>)[part] : undefined;
  return here;
}

export function describeSchemaError(error: SchemaError, root: unknown): DescribedError {
  const location = locationOf(error.instancePath, root);
  const name = nameOf(location);
  const p = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
      const known = Object.keys(properties).filter((k) => k !== '$schema');
      const meant = closestName(key, known);
      const where = location.length === 0 ? '' : ` in ${name}`;
      const inOverride = location.length === 2 && location[0] === 'overrides';
      const options = inOverride ? `an override can set ${quotedList(known.filter((k) => k !== 'files'))}; the rest is the project's` : `known keys: ${quotedList(known)}`;
      return {
        location: [...location, key],
        onKey: true,
        message: meant ? `Unknown key "${key}"${where}: did you mean "${meant}"?` : `Unknown key "${key}"${where} (${options})`,
        ...(meant ? { replacement: JSON.stringify(meant) } : {}),
      };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const value = valueAt(root, location);
      const meant = typeof value === 'string' ? closestName(value, allowed) : undefined;
      const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
      return {
        location,
        onKey: false,
        message: `${shown} is not a value ${name} takes: use ${quotedList(allowed)}${meant ? ` (did you mean "${meant}"?)` : ''}`,
        ...(meant ? { replacement: JSON.stringify(meant) } : {}),
      };
    }
    case 'type':
      return { location, onKey: false, message: `${capital(name)} must be ${typeWords(p.type)}` };
    case 'required': {
      const missing = String(p.missingProperty);
      const help = (error.parentSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties?.[missing]?.description;
      const what = capital(name);
      return { location, onKey: false, message: `${what} needs "${missing}"${help ? `: ${lowerFirst(help)}` : ''}` };
    }
    case 'pattern': {
      // A pattern says nothing to people: the property's examples do.
      const examples = ((error.parentSchema as { examples?: unknown[] } | undefined)?.examples ?? []).map(String);
      const value = valueAt(root, location);
      const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
      return { location, onKey: false, message: `${shown} is not a value ${name} takes${examples.length ? `: use one such as ${quotedList(examples)}` : ''}` };
    }
    case 'minimum':
      return { location, onKey: false, message: `${capital(name)} must be at least ${String(p.limit)}` };
    case 'minItems':
      return { location, onKey: false, message: `${capital(name)} must list at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { location, onKey: false, message: `${capital(name)} must not be empty` };
    case 'uniqueItems': {
      // The later of the two: the one just added.
      const later = Math.max(Number(p.i), Number(p.j));
      return { location: [...location, later], onKey: false, message: `${JSON.stringify(valueAt(root, [...location, later]))} is listed twice in ${name}` };
    }
    default:
      return { location, onKey: false, message: `${capital(name)} is not valid here (${error.keyword})` };
  }
}

function capital(s: string): string {
  return /^[a-z]/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
