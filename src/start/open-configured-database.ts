/**
 * Opens the configured database for the server or a CLI command: PostgreSQL when DATABASE_URL is
 * set, else PGlite in the data directory. A PGlite directory is used by one process at a time
 * (a lock file holds the owner's pid); a second process gets a clear refusal instead of corruption.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config.ts';
import { openDatabase } from '../db/client.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { MigrateResult } from '../db/migrate.ts';
import { configureAuditTrail } from '../services/audit-key.ts';

export class DataDirectoryBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `数据目录 ${dir} 正被进程 ${pid} 使用（PGlite 同时只能由一个进程打开）。请先停止该进程（例如 lianxi serve），或设置 DATABASE_URL 使用 PostgreSQL。`,
    );
    this.name = 'DataDirectoryBusyError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data directory's lock file; returns its release. */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'lianxi.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new DataDirectoryBusyError(dataDir, owner);
      }
      fs.unlinkSync(lockFile); // stale lock of a process that is gone
    }
  }
  throw new Error(`cannot lock data directory ${dataDir}`);
}

export interface ConfiguredDatabase {
  handle: DatabaseHandle;
  migration: MigrateResult | null;
  close(): Promise<void>;
}

/** Opens (and by default migrates) the database the configuration names. */
export async function openConfiguredDatabase(
  config: AppConfig,
  options: { migrate?: boolean } = {},
): Promise<ConfiguredDatabase> {
  // Every write is audited: the audit key must be set before the first row (bootstrap, examples).
  configureAuditTrail(config);
  let release = (): void => undefined;
  let handle: DatabaseHandle;
  if (config.databaseUrl !== undefined) {
    handle = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
  } else {
    release = lockDataDirectory(config.dataDir);
    try {
      handle = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
    } catch (error) {
      release();
      throw error;
    }
  }
  let migration: MigrateResult | null = null;
  try {
    if (options.migrate !== false) migration = await migrate(handle);
  } catch (error) {
    await handle.close();
    release();
    throw error;
  }
  let closed = false;
  return {
    handle,
    migration,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await handle.close();
      } finally {
        release();
      }
    },
  };
}
