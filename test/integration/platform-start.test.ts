/** `lianxi serve` as a process: first start on an empty data directory, SIGTERM, second start. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServeProcess, until } from './serve-process.ts';
import type { ServeProcess } from './serve-process.ts';

type Started = ServeProcess;

async function start(dataDir: string): Promise<Started> {
  return startServeProcess({ LIANXI_DATA_DIR: dataDir, DATABASE_URL: '' });
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once('exit', (code) => resolve(code)));
  started.child.kill('SIGTERM');
  return exited;
}

describe('lianxi serve', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it('starts on an empty data directory, keeps acknowledged writes across SIGTERM, bootstraps once', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianxi-start-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    try {
      // Start-up time (target: serving within 10 s) is a speed target: measured, not asserted here.
      expect(first.startedInMs).toBeGreaterThan(0);
      // The password block is printed after the address; wait for its last line to arrive.
      await until(() => /auditadmin\s+\S+\s*$/m.test(first.output()), 10_000);
      const out = first.output();
      const passwords = Object.fromEntries(
        [...out.matchAll(/^\s+\S+\s+(sysadmin|secadmin|auditadmin)\s+(\S+)$/gm)].map((m) => [m[1], m[2]]),
      );
      expect(Object.keys(passwords).sort()).toEqual(['auditadmin', 'secadmin', 'sysadmin']);
      const health = await fetch(`${first.address}/api/health`);
      expect(health.status).toBe(200);
      // An acknowledged write: the security administrator changes the one-time password.
      const signIn = await fetch(`${first.address}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'secadmin', password: passwords.secadmin }),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const change = await fetch(`${first.address}/api/auth/change-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ currentPassword: passwords.secadmin, newPassword: 'New-secret-2025!' }),
      });
      expect(change.status).toBe(200);
    } finally {
      expect(await stop(first)).toBe(0);
    }

    const second = await start(dataDir);
    try {
      expect(second.output()).not.toMatch(/sysadmin/);
      const signIn = await fetch(`${second.address}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'secadmin', password: 'New-secret-2025!' }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 60_000);
});
