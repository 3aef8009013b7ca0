/**
 * Issue 19 point 1: `lianxi audit verify` exits 1 and names the truncation when the newest audit
 * rows are deleted and the chain head moved back (PGlite data directory, and PostgreSQL when
 * TEST_DATABASE_URL is set).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config/config.ts';
import { systemClock } from '../../src/config/clock.ts';
import { openDatabase } from '../../src/db/client.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createAccount } from '../../src/services/accounts/create-account.ts';
import { configureAuditTrail } from '../../src/services/audit-key.ts';
import { verifyAudit } from '../../src/services/audit-service.ts';
import { createFreshPostgresDatabase, databaseKinds, strongPassword, uniqueSuffix } from '../integration/harness.ts';

const saved = { dataDir: process.env.LIANXI_DATA_DIR, databaseUrl: process.env.DATABASE_URL };
afterEach(() => {
  if (saved.dataDir === undefined) delete process.env.LIANXI_DATA_DIR;
  else process.env.LIANXI_DATA_DIR = saved.dataDir;
  if (saved.databaseUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved.databaseUrl;
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function runVerify(): Promise<{ code: number; out: string }> {
  const output: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    output.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
  await buildProgram().parseAsync(['node', 'lianxi', 'audit', 'verify']);
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  vi.restoreAllMocks();
  return { code, out: output.join('') };
}

for (const { kind, run } of databaseKinds()) {
  (run ? describe : describe.skip)(`security: lianxi audit verify [${kind}]`, () => {
    it('exits 1 naming the truncation of the newest rows', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lianxi-verify-cli-'));
      const dataDir = join(dir, 'data');
      process.env.LIANXI_DATA_DIR = dataDir;
      let drop: (() => Promise<void>) | undefined;
      let handle: DatabaseHandle;
      if (kind === 'pglite') {
        delete process.env.DATABASE_URL;
        handle = await openDatabase({ kind: 'pglite', dataDir });
      } else {
        const fresh = await createFreshPostgresDatabase(process.env.TEST_DATABASE_URL as string);
        drop = fresh.drop;
        process.env.DATABASE_URL = fresh.url;
        handle = await openDatabase({ kind: 'postgres', url: fresh.url, max: 2 });
      }
      try {
        await migrate(handle);
        const config = loadConfig({ LIANXI_DATA_DIR: dataDir });
        configureAuditTrail(config);
        for (let i = 0; i < 3; i++) {
          await createAccount(handle.db, {
            config,
            clock: systemClock,
            username: `v${uniqueSuffix()}`,
            displayName: '校验',
            password: strongPassword(),
            origin: { actorId: null, requestId: null, clientAddress: 'test', at: new Date() },
          });
        }
        const intact = await verifyAudit(handle.db);
        expect(intact.ok).toBe(true);
        const last = intact.lastSeq;
        await handle.rawTransaction(async (sql) => {
          await sql.exec("SET LOCAL lianxi.audit_restore = 'on'");
          const [row] = await sql.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [last - 1]);
          await sql.query('DELETE FROM audit_log WHERE seq = $1', [last]);
          await sql.query('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2', [last - 1, row?.hash]);
        });
        await handle.close();
        const result = await runVerify();
        expect(result.code).toBe(1);
        expect(result.out).toContain('截短');
        expect(result.out).toContain(`第 ${last} 至 ${last} 条`);
      } finally {
        await drop?.();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
