/**
 * Killing the server (SIGKILL) during a burst of progress reports loses none that were acknowledged:
 * a real `lianxi serve` process takes reports from several concurrent clients and is killed
 * mid-burst; every report answered 201 must be in the database afterwards. Runs on the suite's
 * PostgreSQL database, and on a PGlite data directory (the default deployment).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { describeDatabases, TestContext } from './harness.ts';
import { decisionBody, issueDecisions, unitPerson } from './factories/decisions.ts';
import { startServeProcess } from './serve-process.ts';
import type { ServeProcess } from './serve-process.ts';

async function serve(env: Record<string, string>): Promise<ServeProcess> {
  return startServeProcess({ LIANXI_SWEEP_ENABLED: 'false', ...env });
}

interface Prepared {
  bodyId: string;
  decisionId: string;
  liaison: { username: string; password: string };
}

/** A body, a liaison of its lead unit and one decision, written through the factories. */
async function prepare(t: TestContext): Promise<Prepared> {
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
  return { bodyId: body.id, decisionId: decisionIds[0] ?? '', liaison: liaison.account };
}

/** Starts the server, bursts progress reports from 8 clients, SIGKILLs it after 60 acknowledgements. */
async function burstAndKill(env: Record<string, string>, prepared: Prepared): Promise<string[]> {
  const server = await serve(env);
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  const signIn = await fetch(`${server.address}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(prepared.liaison),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const acknowledged: string[] = [];
  let failures = 0;
  let killed = false;
  const client = async (n: number) => {
    for (let i = 0; !killed; i++) {
      try {
        const response = await fetch(`${server.address}/api/bodies/${prepared.bodyId}/decisions/${prepared.decisionId}/progress-reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({
            text: `进展 ${n}-${i}`,
            attachments: [{ fileName: `p${n}-${i}.txt`, mediaType: 'text/plain', contentBase64: Buffer.from(`附件 ${n}-${i}`).toString('base64') }],
          }),
        });
        if (response.status === 201) acknowledged.push(((await response.json()) as { progressReportId: string }).progressReportId);
        else failures += 1;
      } catch {
        failures += 1;
      }
    }
  };
  const clients = Array.from({ length: 8 }, (_, n) => client(n));
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
  // Requests were in flight when it died
  expect(failures).toBeGreaterThan(0);
  return acknowledged;
}

async function expectAllStored(t: Pick<TestContext, 'sql'>, decisionId: string, acknowledged: string[]): Promise<void> {
  const stored = new Set((await t.sql<{ id: string }>('SELECT id FROM progress_reports WHERE decision_id = $1', [decisionId])).map((r) => r.id));
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  const attachments = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM progress_attachments WHERE progress_report_id = ANY($1::text[])', [acknowledged]);
  expect(attachments[0]?.n).toBe(acknowledged.length);
}

describeDatabases('progress reports survive a crash', (t) => {
  it('keeps every acknowledged progress report when the process is killed mid-burst', { timeout: 120_000 }, async () => {
    const prepared = await prepare(t);
    const [db] = await t.sql<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${db?.name ?? ''}`;
    const acknowledged = await burstAndKill({ DATABASE_URL: url.toString() }, prepared);
    await expectAllStored(t, prepared.decisionId, acknowledged);
  });
  // The in-memory PGlite of the suite cannot be opened by a second process: PGlite runs below, on a
  // data directory, the way it is deployed.
}, { only: 'postgres' });

/** A test context on a PGlite data directory, so that a server process can open it after the setup. */
class DataDirContext extends TestContext {
  private file: DatabaseHandle | undefined;
  constructor(readonly dataDir: string) {
    super('pglite');
  }
  override get handle(): DatabaseHandle {
    if (this.file === undefined) throw new Error('database not open');
    return this.file;
  }
  override async setup(): Promise<void> {
    this.file = await openDatabase({ kind: 'pglite', dataDir: this.dataDir });
    await migrate(this.file);
  }
  /** Closes the app and the database (the server process must be the only one to open it). */
  async release(): Promise<void> {
    await (await this.app()).close();
    await this.file?.close();
    this.file = undefined;
  }
  override async teardown(): Promise<void> {
    await this.file?.close();
    this.file = undefined;
  }
}

describe('progress reports survive a crash [pglite data directory]', () => {
  it('keeps every acknowledged progress report when the process is killed mid-burst', { timeout: 120_000 }, async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianxi-crash-'));
    const t = new DataDirContext(dataDir);
    try {
      await t.setup();
      const prepared = await prepare(t);
      await t.release();
      const acknowledged = await burstAndKill({ LIANXI_DATA_DIR: dataDir, DATABASE_URL: '' }, prepared);
      // Reopen the directory the killed process left behind
      await t.setup();
      await expectAllStored(t, prepared.decisionId, acknowledged);
    } finally {
      await t.teardown();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
