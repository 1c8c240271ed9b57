// The JSON tab's hints: the path under the pointer and what the world's JSON Schema expects there.
import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { worldJsonSchema } from '../../state/world/schema';
import { describeSchema, pathAt, schemaAt } from './schema-hint';

const TEXT = `{
  "version": 1,
  "parties": [
    { "id": "client", "kind": "spa" },
    { "id": "api-a", "kind": "middle-tier-api", "obo": { "endpoint": "v2" } }
  ]
}`;

describe('JSON schema hints', () => {
  const state = EditorState.create({ doc: TEXT, extensions: [json()] });
  const schema = worldJsonSchema();

  it('finds the path of the value under the pointer', () => {
    expect(pathAt(state, TEXT.indexOf('"v2"') + 1)?.path).toEqual([
      'parties',
      1,
      'obo',
      'endpoint',
    ]);
    expect(pathAt(state, TEXT.indexOf('"version"') + 2)?.path).toEqual(['version']);
  });

  it('says what the world schema accepts there', () => {
    const endpoint = schemaAt(schema, ['parties', 1, 'obo', 'endpoint']);
    expect(endpoint && describeSchema(schema, endpoint)).toBe('one of: "v1", "v2"');
    const kind = schemaAt(schema, ['parties', 0, 'kind']);
    expect(kind && describeSchema(schema, kind)).toContain('"spa"');
    const version = schemaAt(schema, ['version']);
    expect(version && describeSchema(schema, version)).toBe('exactly 1');
    expect(schemaAt(schema, ['nope'])).toBeNull();
  });
});
