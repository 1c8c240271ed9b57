// The HAR 1.2 validator the export tests (unit and end-to-end) share: har-schema through ajv.
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

export /**
 * A validator of `har.json#` with every har-schema definition registered (draft-06 schemas). The
 * schemas use two keywords of their own: `optional` (an annotation) and `min`, meant as a minimum
 * for numbers (`time` >= 0, timings >= -1); the test enforces it rather than ignoring it.
 */
function harValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  ajv.addKeyword({ keyword: 'optional', schemaType: 'boolean' });
  ajv.addKeyword({
    keyword: 'min',
    type: 'number',
    schemaType: 'number',
    validate: (min: number, data: number) => data >= min,
  });
  const schemas = require('har-schema') as Record<string, object>;
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  const validate = ajv.getSchema('har.json#');
  if (!validate) throw new Error('har-schema has no har.json');
  return validate;
}
