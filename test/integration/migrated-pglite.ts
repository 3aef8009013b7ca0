/**
 * Test helper: a fresh in-memory PGlite database with every migration applied, opened from a dump
 * of a migrated database instead of initialising and migrating each time (the initialisation is
 * most of the cost of a test context: about 2.5 s against 1 s from a dump). The dump is made once
 * per content of migrations/ and kept in the system's temporary directory, shared by every test
 * process; the caller still runs `migrate`, which finds nothing to do (and checks the ledger).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/client.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

const MIGRATIONS = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * A hash of the migrations (names and contents) and of the PGlite version that dumps them (also the
 * name of the migrated PostgreSQL template database: harness.ts).
 */
export function templateKey(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS).sort()) {
    hash.update(name);
    hash.update(readFileSync(path.join(MIGRATIONS, name)));
  }
  const pglite = JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url)), 'utf8')) as { version: string };
  hash.update(pglite.version);
  return hash.digest('hex').slice(0, 16);
}

let cached: Promise<Blob> | undefined;

async function template(): Promise<Blob> {
  const file = path.join(os.tmpdir(), `lianxi-pglite-template-${templateKey()}.tar`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const handle = await openDatabase({ kind: 'pglite' });
  try {
    await migrate(handle);
    if (handle.dumpDataDir === undefined) throw new Error('PGlite handle without dumpDataDir');
    const dump = await handle.dumpDataDir();
    const staging = `${file}.${process.pid}`;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(staging, Buffer.from(await dump.arrayBuffer()));
    await rename(staging, file).catch(async () => rm(staging, { force: true }));
    return dump;
  } finally {
    await handle.close();
  }
}

/** Opens a fresh, migrated in-memory PGlite database (from the shared dump). */
export async function openMigratedPglite(): Promise<DatabaseHandle> {
  cached ??= template();
  const handle = await openDatabase({ kind: 'pglite', loadDataDir: await cached });
  await migrate(handle);
  return handle;
}
