/**
 * Builds a directory once and shares it between concurrent test processes: the directory lands in
 * the system's temporary directory under a name that carries a hash of its inputs (so a stale one is
 * never used), one process builds it into a staging directory and renames it into place, the others
 * wait on a lock directory. Used for the web build (web-build.ts) and the seeded data directory of
 * the browser harness (seeded-data.ts). A built directory is never removed by a test.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Folders never read as inputs (built output, installed packages). */
const SKIPPED_FOLDERS = new Set(['dist', 'node_modules']);

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...filesUnder(full));
    } else if (entry.isFile()) {
      found.push(full);
    }
  }
  return found;
}

/**
 * A hash (16 hex digits) of the inputs of a built directory: the paths and contents of every file
 * under `folders` and of the single `files` that exist (all repository-relative), then `parts`.
 */
export function inputsHash(inputs: { folders: readonly string[]; files: readonly string[]; parts?: readonly string[] }): string {
  const hash = createHash('sha256');
  const files = [
    ...inputs.folders.flatMap((folder) => filesUnder(path.join(REPO_ROOT, folder))),
    ...inputs.files.map((file) => path.join(REPO_ROOT, file)).filter((file) => existsSync(file)),
  ].sort();
  for (const file of files) {
    hash.update(path.relative(REPO_ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  for (const part of inputs.parts ?? []) {
    hash.update(part);
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** How long a waiting process trusts someone else's lock before building itself. */
const LOCK_PATIENCE_MS = 5 * 60_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Returns `dir` once `marker` (a file inside it) exists, calling `build(staging)` to make it when no
 * process has: `build` fills the empty staging directory it is given, which is then renamed to `dir`.
 */
export async function buildOnce(dir: string, marker: string, build: (staging: string) => Promise<void>): Promise<string> {
  const done = (): boolean => existsSync(`${dir}/${marker}`);
  if (done()) return dir;
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (done()) return dir;
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > LOCK_PATIENCE_MS) {
        await rm(lock, { recursive: true, force: true });
        continue;
      }
      await sleep(500);
    }
  }
  try {
    if (done()) return dir;
    const staging = `${dir}.staging-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    try {
      await build(staging);
      if (!existsSync(`${staging}/${marker}`)) throw new Error(`building ${dir} left no ${marker}`);
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return dir;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
