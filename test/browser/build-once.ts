/**
 * Builds a directory once and shares it between concurrent test processes: the directory lands in
 * the system's temporary directory under a name that carries a hash of its inputs (so a stale one is
 * never used), one process builds it into a staging directory and renames it into place, the others
 * wait on a lock directory. Used for the web build (web-build.ts) and the seeded data directory of
 * the browser harness (seeded-data.ts). A built directory is never removed by a test.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';

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
