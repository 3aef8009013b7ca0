import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { charterSchema } from '../../../src/contracts/charter-schema.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../fixtures/seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

describe('charterSchema (the Zod mirror of charter-types.ts)', () => {
  it('has five seeds to check', () => {
    expect(seedFiles).toHaveLength(5);
  });

  for (const file of seedFiles) {
    it(`parses the importer's charter of ${file} unchanged`, () => {
      const result = importCharter(readFileSync(path.join(SEEDS, file), 'utf8'));
      if (!result.ok) throw new Error(result.error.message);
      const parsed = charterSchema.safeParse(result.charter);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5))).toBe(true);
      // Nothing is dropped: the schema knows every field the importer writes.
      expect(parsed.data).toEqual(result.charter);
    });
  }

  it('refuses a charter of another shape', () => {
    const result = importCharter(readFileSync(path.join(SEEDS, seedFiles[0] ?? ''), 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    expect(charterSchema.safeParse({ ...result.charter, schemaVersion: 2 }).success).toBe(false);
    expect(charterSchema.safeParse({ ...result.charter, roles: [{ kind: 'chair' }] }).success).toBe(false);
  });
});
