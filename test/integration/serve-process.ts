/** `lianxi serve` as a real child process, for tests that start, stop or kill the server. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/lianxi.mjs', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr) */
  output: () => string;
  /** The address it serves at */
  address: string;
  /** Milliseconds from spawn to the printed address */
  startedInMs: number;
}

/**
 * Spawns `lianxi serve --no-examples` on a free port of 127.0.0.1 with `env` added to this process's
 * environment; resolves once it prints its address, rejects if it exits first.
 */
export async function startServeProcess(env: Record<string, string>): Promise<ServeProcess> {
  const began = Date.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--no-examples'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /serving at (http:\/\/[^\s]+)/.exec(out);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`serve exited with ${code}: ${out}`));
    });
  });
  return { child, output: () => out, address, startedInMs: Date.now() - began };
}

/** Polls `condition` every 50 ms until it holds, failing after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
