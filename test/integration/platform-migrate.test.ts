import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { appliedMigrations, migrate, MIGRATIONS_DIR, readMigrations } from '../../src/db/migrate.ts';
import { createFreshPostgresDatabase, describeDatabases } from './harness.ts';

describeDatabases('migrations', (t) => {
  it('applied every committed migration once, with checksums; a second run applies nothing', async () => {
    const files = await readMigrations();
    const applied = await appliedMigrations(t.handle);
    expect(applied).toEqual(files.map((f) => ({ name: f.name, checksum: f.checksum })));
    const again = await migrate(t.handle);
    expect(again.applied).toEqual([]);
  });

  it('survives several instances migrating at once', async () => {
    const results = await Promise.all([migrate(t.handle), migrate(t.handle), migrate(t.handle)]);
    expect(results.every((r) => r.applied.length === 0)).toBe(true);
    if (t.kind === 'postgres') {
      // Separate connections racing on a brand-new database: each file is applied exactly once.
      const fresh = await createFreshPostgresDatabase(process.env.TEST_DATABASE_URL as string);
      const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: fresh.url, max: 1 })));
      try {
        const raced = await Promise.all(handles.map((h) => migrate(h)));
        const appliedNames = raced.flatMap((r) => r.applied).sort();
        expect(appliedNames).toEqual((await readMigrations()).map((f) => f.name));
      } finally {
        await Promise.all(handles.map((h) => h.close()));
        await fresh.drop();
      }
    }
  });

  it('refuses to start when a released migration was edited or removed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianxi-migrations-'));
    try {
      for (const name of await fs.readdir(MIGRATIONS_DIR)) {
        await fs.copyFile(path.join(MIGRATIONS_DIR, name), path.join(dir, name));
      }
      await fs.appendFile(path.join(dir, '0001_platform.sql'), '\n-- edited after release\n');
      await expect(migrate(t.handle, { dir })).rejects.toThrow(/0001_platform\.sql was edited/);
      await fs.rm(path.join(dir, '0001_platform.sql'));
      await expect(migrate(t.handle, { dir })).rejects.toThrow(/0001_platform\.sql is missing/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
