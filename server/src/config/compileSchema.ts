/**
 * Compiles termlint.config.schema.json with Ajv at run time: only when Termlint runs unbundled (the tests' tsc
 * output). The bundles load the validator scripts/bundle.mjs generated from the same schema and options instead,
 * and hold no Ajv at all.
 */
import options from './ajvOptions.json';
import { type ConfigValidator, type ValidateFunction, configValidatorOf } from './schemaErrors';

export function compileSchema(schema: object): ConfigValidator {
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const { $comment: _comment, ...ajvOptions } = options;
  return configValidatorOf(new Ajv(ajvOptions).compile(schema) as ValidateFunction);
}
