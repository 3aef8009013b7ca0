/**
 * Killing the server (SIGKILL) during a burst of progress reports loses none that were acknowledged:
 * a real `lianxi serve` process on the suite's PostgreSQL database takes reports from several
 * concurrent clients and is killed mid-burst; every report answered 201 must be in the database.
 * (PostgreSQL only: the PGlite database of the suite lives in this process's memory.)
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { decisionBody, issueDecisions, unitPerson } from './factories/decisions.ts';

const BIN = fileURLToPath(new URL('../../bin/lianxi.mjs', import.meta.url));

async function serve(databaseUrl: string): Promise<{ child: ChildProcess; address: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--no-examples'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', LIANXI_SWEEP_ENABLED: 'false' },
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
  return { child, address };
}

describeDatabases('progress reports survive a crash', (t) => {
  it.skipIf(t.kind !== 'postgres')('keeps every acknowledged progress report when the process is killed mid-burst', { timeout: 120_000 }, async () => {
    t.clock.set(new Date());
    const body = await decisionBody(t);
    const [lead] = body.units;
    if (!lead) throw new Error('units');
    const liaison = await unitPerson(t, body, lead.unitId);
    const today = new Date().toISOString().slice(0, 10);
    const { decisionIds } = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: today,
      items: [{ text: '压力测试事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 20 } }],
    });
    const decisionId = decisionIds[0] ?? '';
    const [db] = await t.sql<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${db?.name ?? ''}`;

    const server = await serve(url.toString());
    const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    // Sign in to the real process (its own clock: now)
    const signIn = await fetch(`${server.address}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: liaison.account.username, password: liaison.account.password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const acknowledged: string[] = [];
    let failures = 0;
    let killed = false;
    const client = async (n: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const response = await fetch(`${server.address}/api/bodies/${body.id}/decisions/${decisionId}/progress-reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ text: `进展 ${n}-${i}`, attachments: [{ fileName: `p${n}-${i}.txt`, mediaType: 'text/plain', contentBase64: Buffer.from(`附件 ${n}-${i}`).toString('base64') }] }),
          });
          if (response.status === 201) acknowledged.push((await response.json() as { progressReportId: string }).progressReportId);
          else failures += 1;
        } catch {
          failures += 1;
          if (killed) return;
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    // Kill once a good number of reports were acknowledged, while requests are in flight
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (acknowledged.length >= 60) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    server.child.kill('SIGKILL');
    killed = true;
    await exited;
    await Promise.all(clients);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(failures).toBeGreaterThan(0);

    const stored = await t.sql<{ id: string }>('SELECT id FROM progress_reports WHERE decision_id = $1', [decisionId]);
    const storedIds = new Set(stored.map((r) => r.id));
    const lost = acknowledged.filter((id) => !storedIds.has(id));
    expect(lost).toEqual([]);
    // Each acknowledged report has its attachment
    const attachments = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM progress_attachments WHERE progress_report_id = ANY($1::text[])',
      [acknowledged],
    );
    expect(attachments[0]?.n).toBe(acknowledged.length);
  });
});
