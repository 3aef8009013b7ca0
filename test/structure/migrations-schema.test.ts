/**
 * Schema drift (issue 10 item 5): the committed SQL migrations, applied to an empty database, give
 * exactly the tables, columns (types, nullability, defaults), indexes and foreign keys of the
 * Drizzle schema in src/db/schema/. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set
 * (required in CI). A failure lists every difference; fix the side that is wrong (never edit a
 * released migration: add one). How the comparison works: test/structure/schema-catalogue.ts.
 */
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import * as schema from '../../src/db/schema/index.ts';
import { describeDatabases } from '../integration/harness.ts';
import { diffCatalogues, drizzleDdl, drizzleTables, readCatalogue, schemaDrift } from './schema-catalogue.ts';

const tables = drizzleTables(schema);

/**
 * Differences that are known and explained, each exactly as reported. Keep this list short: each
 * entry says why the Drizzle schema cannot say the same thing as the SQL.
 */
const KNOWN_DIFFERENCES = new Map<string, string>([
  [
    'foreign key accounts: in the migrations but not in src/db/schema: FOREIGN KEY (person_id) REFERENCES people(id)',
    'platform.ts would import bodies.ts, which imports platform.ts (an import cycle)',
  ],
  [
    'foreign key account_body_grants: in the migrations but not in src/db/schema: FOREIGN KEY (body_id) REFERENCES bodies(id)',
    'platform.ts would import bodies.ts, which imports platform.ts (an import cycle)',
  ],
  [
    `index audit_log [audit_log_text_trgm_idx]: in the migrations but not in src/db/schema: CREATE INDEX ON audit_log USING gin ((((((((COALESCE((after)::text, ''::text) || '\u001f'::text) || COALESCE((before)::text, ''::text)) || '\u001f'::text) || COALESCE(entity_id, ''::text)) || '\u001f'::text) || COALESCE(client_address, ''::text))) gin_trgm_ops)`,
    "an expression index with an operator class (the audit trail's search text, migrations/0021): Drizzle's index builder cannot state one",
  ],
]);

describeDatabases('the migrations and the Drizzle schema', (t) => {
  it('describe the same tables, columns, indexes and foreign keys', async () => {
    const all = await t.handle.rawTransaction((sql) => schemaDrift(sql, tables));
    const drift = all.filter((line) => !KNOWN_DIFFERENCES.has(line));
    expect(drift, `schema drift between migrations/*.sql and src/db/schema/ (${drift.length}):\n${drift.join('\n')}\n`).toEqual([]);
    // A known difference that is gone must leave the list (so the list never hides a new one).
    expect([...KNOWN_DIFFERENCES.keys()].filter((line) => !all.includes(line)), 'known differences no longer found').toEqual([]);
  });

  it('sees a Drizzle table that differs from its migration', async () => {
    // `settings` as 0001_platform.sql creates it, but with `value` nullable, `updated_by` without
    // its foreign key, a default on `key` and an index the SQL does not have.
    const settings = pgTable(
      'settings',
      {
        key: text('key').primaryKey().default('x'),
        value: jsonb('value'),
        updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
        updatedBy: text('updated_by'),
      },
      (table) => [index('settings_updated_idx').on(table.updatedAt)],
    );
    const altered = [...tables.filter((table) => table !== schema.settings), settings];
    const drift = await t.handle.rawTransaction(async (sql) => {
      const lines = await schemaDrift(sql, altered);
      await sql.query('SELECT 1'); // the scratch schema is gone and the transaction still usable
      return lines;
    });
    expect(drift.filter((line) => /^(table settings:|column settings\.|index settings |foreign key settings:)/.test(line)).sort()).toEqual([
      "column settings.key: migrations ≠ src/db/schema: default none ≠ 'x'::text",
      'column settings.value: migrations ≠ src/db/schema: NOT NULL ≠ nullable',
      'foreign key settings: in the migrations but not in src/db/schema: FOREIGN KEY (updated_by) REFERENCES accounts(id)',
      'index settings [settings_updated_idx]: in src/db/schema but not in the migrations: CREATE INDEX ON settings USING btree (updated_at)',
    ]);
  });

  it('would see a difference (a column changed, dropped or added; an index dropped)', async () => {
    // The same comparison against a copy of the migrated catalogue changed by hand: the check can fail.
    await t.handle.rawTransaction(async (sql) => {
      const migrations = await readCatalogue(sql, 'public');
      const changed = await readCatalogue(sql, 'public');
      const bodies = changed.get('bodies');
      expect(bodies).toBeDefined();
      const status = bodies!.columns.get('status')!;
      bodies!.columns.set('status', { ...status, notNull: !status.notNull, default: null });
      bodies!.columns.delete('name');
      bodies!.columns.set('extra', { type: 'text', notNull: false, default: null, identity: '', generated: '' });
      bodies!.indexes.pop();
      changed.delete('settings');
      const lines = diffCatalogues(migrations, changed).join('\n');
      expect(lines).toMatch(/column bodies\.status: .*NOT NULL ≠ nullable; default 'active'::text ≠ none/);
      expect(lines).toMatch(/column bodies\.name: in the migrations/);
      expect(lines).toMatch(/column bodies\.extra: in src\/db\/schema/);
      expect(lines).toMatch(/index bodies \[.*\]: in the migrations but not in src\/db\/schema/);
      expect(lines).toMatch(/table settings: created by the migrations but missing from src\/db\/schema/);
    });
  });
});

it('turns every Drizzle table into DDL', () => {
  expect(tables.length).toBeGreaterThan(30);
  const ddl = drizzleDdl(tables).join(';\n');
  expect(ddl).toContain('CREATE TABLE "bodies"');
  expect(ddl).toMatch(/UNIQUE NULLS NOT DISTINCT \("normalized_key", "region_code"\)/);
  expect(ddl).toMatch(/CREATE UNIQUE INDEX "calendar_notices_current_idx" ON "calendar_notices" USING btree \("scope", "year"\) WHERE "superseded_at" is null/);
});
