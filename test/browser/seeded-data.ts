/**
 * Seeded data directories for the browser tests: the data directory of a server that ran the
 * `serve` start sequence (migrations, the administrators' bootstrap, the five example bodies) and
 * whatever a harness adds through the API, made once and copied by every browser test file instead
 * of each file initialising PGlite, migrating and seeding again (about 8 s a file).
 *
 * The bootstrap generates the administrators' one-time passwords when it creates them and prints
 * them once; the copy carries their hashes, not the passwords. So the process that builds the
 * directory starts the server itself, takes the passwords from the start sequence's result
 * (`server.bootstrap`, what `serve` prints), and stores them next to the data directory
 * (`accounts.json`), with whatever else its `prepare` step made (e.g. the office staff's password).
 *
 * A directory is kept in the system's temporary directory under a hash of what goes into it: the
 * migrations, the server's sources, the seed documents, the lock file, the harness files that
 * prepare it, and today's date in China (the example bodies and the accounts are dated on the day
 * they are made; a test run sees a state made the same day, as when it seeded itself). Concurrent
 * test processes agree through a lock (build-once.ts): one builds, the others wait.
 */
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.ts';
import { ManualClock } from '../../src/config/clock.ts';
import { startServer } from '../../src/start/start.ts';
import type { RunningServer } from '../../src/start/start.ts';
import { buildOnce, inputsHash } from './build-once.ts';


/** What the start sequence reads when it migrates and seeds: folders walked recursively, and files. */
const SEED_FOLDERS = ['migrations', 'src', 'test/fixtures/seeds'];
const SEED_FILES = ['package-lock.json', 'test/browser/seeded-data.ts', 'test/browser/build-once.ts'];

/** The lock file of a running server's data directory (src/start/open-configured-database.ts): never copied. */
const LOCK_FILE = 'lianxi.lock';

export type AdminRole = 'system_admin' | 'security_admin' | 'audit_admin';

export interface SeededAdmin {
  username: string;
  oneTimePassword: string;
}

/** Today in Asia/Shanghai as YYYY-MM-DD. */
function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** A hash of the seed inputs, the extra files (repository-relative), the extra key parts and today's date. */
function seedKey(extraFiles: readonly string[], extraParts: readonly string[]): string {
  return inputsHash({ folders: SEED_FOLDERS, files: [...SEED_FILES, ...extraFiles], parts: [...extraParts, todayInChina()] });
}

/** Copies a data directory (without a server's lock file). */
export async function copyDataDir(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, filter: (source) => path.basename(source) !== LOCK_FILE });
}

/**
 * Starts the `serve` start sequence on `dataDir` (port 0 on loopback, example bodies on, quiet):
 * on an empty directory it migrates, bootstraps and seeds; on a copy of a seeded one it finds
 * nothing to do.
 */
export async function startOnDataDir(options: { dataDir: string; clock: ManualClock; webDir?: string }): Promise<RunningServer> {
  const config = loadConfig({
    LIANXI_DATA_DIR: options.dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...(options.webDir === undefined ? {} : { LIANXI_WEB_DIR: options.webDir }),
  });
  return startServer({ config, clock: options.clock, examples: true, print: () => undefined });
}

export interface SeededDataDir<T> {
  /** The data directory to copy (never to open in place: other processes copy it too) */
  dataDir: string;
  /** What the building process recorded (e.g. passwords) */
  accounts: T;
}

/**
 * The data directory `name`, built once: the start sequence on a copy of `from` (or on an empty
 * directory), then `prepare` on the running server; what `prepare` returns is stored as the
 * directory's accounts. `inputs`: further repository files whose content the state depends on.
 */
export async function seededDataDir<T>(options: {
  name: string;
  from?: SeededDataDir<unknown>;
  inputs?: readonly string[];
  prepare: (server: RunningServer) => Promise<T>;
}): Promise<SeededDataDir<T>> {
  const key = seedKey(options.inputs ?? [], [options.name, options.from?.dataDir ?? '']);
  const dir = await buildOnce(path.join(os.tmpdir(), `lianxi-seeded-${options.name}-${key}`), 'accounts.json', async (staging) => {
    const dataDir = path.join(staging, 'data');
    if (options.from !== undefined) await copyDataDir(options.from.dataDir, dataDir);
    const server = await startOnDataDir({ dataDir, clock: new ManualClock(new Date()) });
    let accounts: T;
    try {
      accounts = await options.prepare(server);
    } finally {
      await server.close();
    }
    await writeFile(path.join(staging, 'accounts.json'), JSON.stringify(accounts));
  });
  await removeStale(`lianxi-seeded-${options.name}-`, dir);
  return { dataDir: path.join(dir, 'data'), accounts: JSON.parse(await readFile(path.join(dir, 'accounts.json'), 'utf8')) as T };
}

/** How old a seeded directory of other inputs must be before it is removed (a slower run may still copy it). */
const STALE_AFTER_MS = 6 * 3600_000;

/** Removes seeded directories of the same name made from other inputs long ago (each is tens of MB). */
async function removeStale(prefix: string, keep: string): Promise<void> {
  const tmp = os.tmpdir();
  for (const entry of await readdir(tmp)) {
    const full = path.join(tmp, entry);
    if (!entry.startsWith(prefix) || full === keep) continue;
    const modified = await stat(full).then((s) => s.mtimeMs, () => Date.now());
    if (Date.now() - modified > STALE_AFTER_MS) await rm(full, { recursive: true, force: true });
  }
}

/** The three bootstrap administrators with the one-time passwords the start sequence reported. */
function bootstrapAdmins(server: RunningServer): Record<AdminRole, SeededAdmin> {
  const created = new Map(server.bootstrap.created.map((admin) => [admin.role, admin]));
  const admin = (role: AdminRole): SeededAdmin => {
    const found = created.get(role);
    if (found === undefined) throw new Error(`the start sequence created no ${role}`);
    return { username: found.username, oneTimePassword: found.oneTimePassword };
  };
  return { system_admin: admin('system_admin'), security_admin: admin('security_admin'), audit_admin: admin('audit_admin') };
}

/**
 * A fresh server's state: migrated, the three administrators bootstrapped (their one-time passwords
 * in `accounts`, unused), the example bodies published. Nothing else.
 */
export function exampleBodiesDataDir(): Promise<SeededDataDir<Record<AdminRole, SeededAdmin>>> {
  return seededDataDir({ name: 'examples', prepare: async (server) => bootstrapAdmins(server) });
}
