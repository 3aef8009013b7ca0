import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';
import type { Database } from './database.ts';

/** Raw SQL access for the migration runner and backup: multi-statement scripts and plain queries. */
export interface RawSql {
  /** Runs a script of one or more statements without parameters. */
  exec(script: string): Promise<void>;
  /** Runs one statement with positional parameters ($1, $2 …) and returns its rows. */
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction on one connection with raw SQL access. */
  rawTransaction<T>(fn: (sql: RawSql) => Promise<T>): Promise<T>;
  /** PGlite only: the whole data directory as a tarball (it opens again with `loadDataDir`). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export type OpenDatabaseOptions =
  | {
      kind: 'pglite';
      /** Directory of the persisted database; omit for an in-memory database. */
      dataDir?: string;
      /** An in-memory database's starting contents: a data directory dumped by PGlite (`dumpDataDir`). */
      loadDataDir?: Blob;
    }
  | { kind: 'postgres'; url: string; /** Pool size (default 10). */ max?: number };

/** Where the PGlite files live inside the data directory. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/**
 * Opens the database: PGlite persisted in `dataDir` (or in memory), or a node-postgres pool when a
 * PostgreSQL URL is given. The returned handle owns the connection; call close() once.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
    // Surface connection problems now rather than on the first request.
    const probe = await pool.connect();
    probe.release();
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
    return {
      db,
      driver: 'postgres',
      async rawTransaction<T>(fn: (sql: RawSql) => Promise<T>): Promise<T> {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({
            exec: async (script) => {
              await client.query(script);
            },
            query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
              (await client.query(text, params)).rows as Row[],
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }

  // The extensions the migrations create (pg_trgm: trigram indexes for the free-text searches, migrations/0021)
  const extensions = { pg_trgm };
  let client: PGlite;
  if (options.dataDir === undefined) {
    client = options.loadDataDir === undefined ? new PGlite({ extensions }) : new PGlite({ loadDataDir: options.loadDataDir, extensions });
  } else {
    const dir = pgliteDirectory(options.dataDir);
    await fs.mkdir(dir, { recursive: true });
    client = new PGlite(dir, { extensions });
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    rawTransaction: <T>(fn: (sql: RawSql) => Promise<T>): Promise<T> =>
      client.transaction(async (tx) =>
        fn({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
            (await tx.query<Row>(text, params)).rows,
        }),
      ),
    dumpDataDir: () => client.dumpDataDir('none'),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
