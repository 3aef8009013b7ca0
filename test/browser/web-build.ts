/**
 * The production web build the browser tests serve, built once per content of the web app and
 * shared by every browser test file (a build takes tens of seconds; a dozen files used to make one
 * each). The build lands in the system's temporary directory under a hash of what goes into it: the
 * web app's sources, its Vite and TypeScript configuration, the error catalogue it shares with the
 * server, and the lock file. A changed file gives a new hash, so a stale build is never served.
 * Concurrent test processes agree through a lock directory: one builds, the others wait for it
 * (build-once.ts).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { buildOnce, inputsHash } from './build-once.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the build reads: folders walked recursively, and single files. */
const INPUT_FOLDERS = ['web', 'src/errors'];
const INPUT_FILES = ['package-lock.json'];
/** A hash of every input of the web build (paths and contents). */
export function webBuildHash(): string {
  return inputsHash({ folders: INPUT_FOLDERS, files: INPUT_FILES });
}

async function runBuild(outDir: string): Promise<void> {
  // Vitest sets NODE_ENV=test; the build under test must be the production build users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(REPO_ROOT, 'web/vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * The directory of this checkout's production web build, building it when no process has built
 * this content yet. Never removed by a test: the next file (or the next run) reuses it.
 */
export async function sharedWebBuild(): Promise<string> {
  return buildOnce(path.join(os.tmpdir(), `lianxi-web-build-${webBuildHash()}`), 'index.html', runBuild);
}
