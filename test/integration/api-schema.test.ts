import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, apiTypesSource, openApiDocument } from '../../scripts/generate-api-types.ts';

describe('web/src/api/schema.d.ts', () => {
  it('is generated from the server as it is now (run `npm run generate:api-types` when this fails)', async () => {
    const expected = await apiTypesSource(await openApiDocument());
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed === expected, 'web/src/api/schema.d.ts is out of date: run `npm run generate:api-types`').toBe(true);
  }, 60_000);
});
