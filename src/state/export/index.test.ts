// The export module's public surface, and the rule that parsers used by tests stay out of app code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as exports from './index';

describe('state/export', () => {
  it('exposes the four exports', () => {
    for (const name of ['toMermaidSequence', 'toHar', 'toCurl', 'toMsalCode'] as const) {
      expect(typeof exports[name]).toBe('function');
    }
  });

  it('app code imports no test-only package (mermaid, har-schema, ajv)', () => {
    const dir = join(process.cwd(), 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (file) =>
        /\.tsx?$/.test(file) && !/\.test\.tsx?$|test-support\.ts$|\.test-helpers\.ts$/.test(file),
    );
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((file) =>
      /from '(mermaid|mermaid-v8|har-schema|ajv|ajv-formats)(\/[^']*)?'/.test(
        readFileSync(join(dir, file), 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
