/**
 * Issue 17 (安全审计, retention): audit rows older than the retention period (LIANXI_AUDIT_RETENTION_DAYS,
 * at least 180 days) move to a signed archive file; the checkpoint recorded in the database lets
 * `audit verify` start the remaining chain after them; a forged or missing checkpoint, an edited
 * archive line, and a deletion outside archiving are all caught. PGlite (data directory, so the CLI
 * can open it), and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { isAppError } from '../../src/errors/app-error.ts';
import { archiveAuditTrail, verifyAuditArchive } from '../../src/services/audit-archive-service.ts';
import { configureAuditTrail } from '../../src/services/audit-key.ts';
import { checkBackup, createBackup } from '../../src/services/backup-service.ts';
import { recordAudit, verifyAudit } from '../../src/services/audit-service.ts';
import type { AuditOrigin } from '../../src/services/audit-service.ts';
import { createFreshPostgresDatabase, databaseKinds } from '../integration/harness.ts';

const DAY = 24 * 60 * 60 * 1000;

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
  try {
    await buildProgram().parseAsync(['node', 'lianxi', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { code, out: out.join(''), err: err.join('') };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

for (const { kind, run } of databaseKinds()) {
  (run ? describe : describe.skip)(`security: audit retention and archiving [${kind}]`, () => {
    const saved = { dataDir: process.env.LIANXI_DATA_DIR, databaseUrl: process.env.DATABASE_URL };
    const dir = mkdtempSync(join(tmpdir(), 'lianxi-audit-archive-'));
    const dataDir = join(dir, 'data');
    const outDir = join(dir, 'archives');
    let url: string | undefined;
    let drop: (() => Promise<void>) | undefined;
    let handle: DatabaseHandle;
    let firstFile = '';

    const open = async (): Promise<DatabaseHandle> =>
      url === undefined ? openDatabase({ kind: 'pglite', dataDir }) : openDatabase({ kind: 'postgres', url, max: 2 });
    const origin = (at: Date): AuditOrigin => ({ actorId: null, requestId: null, clientAddress: 'test', at });
    const record = async (at: Date, count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        await handle.db.transaction(async (tx) => {
          await recordAudit(tx, { ...origin(new Date(at.getTime() + i * 60_000)), action: 'test.event', entityType: 'test', entityId: String(i), before: null, after: { i } });
        });
      }
    };
    const raw = async <Row extends Record<string, unknown>>(setting: string | null, text: string, params: unknown[] = []): Promise<Row[]> =>
      handle.rawTransaction(async (sql) => {
        if (setting !== null) await sql.exec(setting);
        return sql.query<Row>(text, params);
      });
    const tamper = async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> =>
      raw<Row>("SET LOCAL lianxi.audit_restore = 'on'", text, params);

    beforeAll(async () => {
      process.env.LIANXI_DATA_DIR = dataDir;
      if (kind === 'postgres') {
        const fresh = await createFreshPostgresDatabase(process.env.TEST_DATABASE_URL as string);
        url = fresh.url;
        drop = fresh.drop;
        process.env.DATABASE_URL = fresh.url;
      } else {
        delete process.env.DATABASE_URL;
      }
      handle = await open();
      await migrate(handle);
      configureAuditTrail(loadConfig({ LIANXI_DATA_DIR: dataDir }));
      // Seq 1–4 in January 2025, 5–7 in March 2025, 8–9 now.
      await record(new Date('2025-01-10T02:00:00Z'), 4);
      expect((await verifyAudit(handle.db)).ok).toBe(true); // the anchor now names row 4
      await record(new Date('2025-03-10T02:00:00Z'), 3);
      await record(new Date(), 2);
    });

    afterAll(async () => {
      await handle.close();
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
      if (saved.dataDir === undefined) delete process.env.LIANXI_DATA_DIR;
      else process.env.LIANXI_DATA_DIR = saved.dataDir;
      if (saved.databaseUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.databaseUrl;
    });

    it('refuses a cut-off within the retention period, naming the setting', async () => {
      const now = new Date();
      const recent = await refusal(archiveAuditTrail(handle.db, { before: new Date(now.getTime() - 30 * DAY), outDir, retentionDays: 180, origin: origin(now) }));
      expect(recent.code).toBe('audit_archive_within_retention');
      expect(recent.message).toContain('LIANXI_AUDIT_RETENTION_DAYS');
      expect(recent.message).toContain('180');
      const longer = await refusal(archiveAuditTrail(handle.db, { before: new Date(now.getTime() - 200 * DAY), outDir, retentionDays: 365, origin: origin(now) }));
      expect(longer.code).toBe('audit_archive_within_retention');
      expect(() => loadConfig({ LIANXI_AUDIT_RETENTION_DAYS: '90' })).toThrow(ConfigError);
      expect(loadConfig({}).auditRetentionDays).toBe(180);
      expect(Number((await raw<{ n: string }>(null, 'SELECT count(*) AS n FROM audit_log'))[0]?.n)).toBe(9);
    });

    it('archives the rows before the cut-off into a signed file, and the remaining chain verifies', async () => {
      const now = new Date();
      const result = await archiveAuditTrail(handle.db, { before: new Date('2025-02-01T00:00:00+08:00'), outDir, retentionDays: 180, origin: origin(now) });
      firstFile = result.file;
      expect(result.manifest).toMatchObject({ checkpoint: 1, firstSeq: 1, lastSeq: 4, count: 4 });
      const archive = await verifyAuditArchive({ file: result.file });
      expect(archive).toMatchObject({ ok: true, checked: 4, problem: null });
      const left = await raw<{ seq: string }>(null, 'SELECT seq FROM audit_log ORDER BY seq');
      expect(left.map((r) => Number(r.seq))).toEqual([5, 6, 7, 8, 9, 10]);
      const [own] = await raw<{ action: string; after: { checkpoint: number; count: number } }>(null, 'SELECT action, after FROM audit_log WHERE seq = 10');
      expect(own).toMatchObject({ action: 'audit.archive', after: { checkpoint: 1, count: 4 } });
      const [checkpoint] = await raw<{ last_hash: string; signature: string }>(null, 'SELECT last_hash, signature FROM audit_archive_checkpoints');
      expect(checkpoint).toMatchObject({ last_hash: result.manifest.lastHash, signature: result.manifest.signature });
      // The anchor named row 4 (now archived): the signed checkpoint stands for it.
      expect(await verifyAudit(handle.db)).toMatchObject({ ok: true, checked: 6, lastSeq: 10 });
      expect(await verifyAudit(handle.db)).toMatchObject({ ok: true });
      // A backup taken now holds the checkpoint: its audit chain checks from there.
      expect(checkBackup(await createBackup(handle, { now }))).toEqual([]);
      // Nothing older is left: a second run refuses.
      expect((await refusal(archiveAuditTrail(handle.db, { before: new Date('2025-02-01T00:00:00Z'), outDir, retentionDays: 180, origin: origin(now) }))).code).toBe('audit_archive_empty');
    });

    it('detects an edited, removed or added line and an edited manifest in an archive file', async () => {
      const lines = gunzipSync(readFileSync(firstFile)).toString('utf8').trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      const write = (name: string, content: string[]): string => {
        const file = join(dir, name);
        writeFileSync(file, `${content.join('\n')}\n`);
        return file;
      };
      expect((await verifyAuditArchive({ file: write('plain.jsonl', lines) })).ok).toBe(true);

      const edited = [...lines];
      edited[2] = (edited[2] ?? '').replace('"test.event"', '"test.evenT"');
      const editedResult = await verifyAuditArchive({ file: write('edited.jsonl', edited) });
      expect(editedResult.ok).toBe(false);
      expect(editedResult.problem).toContain('第 3 行');
      expect(editedResult.problem).toContain('被修改');

      const removed = await verifyAuditArchive({ file: write('removed.jsonl', lines.filter((_, i) => i !== 4)) });
      expect(removed.ok).toBe(false);
      expect(removed.problem).toContain('缺失');

      const added = await verifyAuditArchive({ file: write('added.jsonl', [...lines, lines[4] ?? '']) });
      expect(added.ok).toBe(false);

      const manifest = JSON.parse(lines[0] ?? '{}') as { count: number };
      const resigned = await verifyAuditArchive({ file: write('manifest.jsonl', [JSON.stringify({ ...manifest, count: 3 }), ...lines.slice(1, 4)]) });
      expect(resigned.ok).toBe(false);
      expect(resigned.problem).toContain('签名不符');
    });

    it('archives, verifies and refuses through the CLI', async () => {
      await handle.close();
      try {
        const archived = await runCli(['audit', 'archive', '--before', '2025-04-01', '--out', outDir]);
        expect(archived.err).toBe('');
        expect(archived.code).toBe(0);
        expect(archived.out).toContain('已归档第 5 至 7 条');
        const file = join(outDir, 'lianxi-audit-2-5-7.jsonl.gz');
        expect(await runCli(['audit', 'verify-archive', file])).toMatchObject({ code: 0 });
        const verified = await runCli(['audit', 'verify']);
        expect(verified.code).toBe(0);
        expect(verified.out).toContain('审计链完整');

        const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
        const edited = join(dir, 'cli-edited.jsonl');
        writeFileSync(edited, `${[lines[0], (lines[1] ?? '').replace('"clientAddress":"test"', '"clientAddress":"x"'), ...lines.slice(2)].join('\n')}\n`);
        const broken = await runCli(['audit', 'verify-archive', edited]);
        expect(broken.code).toBe(1);
        expect(broken.out).toContain('第 2 行');

        const refused = await runCli(['audit', 'archive', '--before', new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10), '--out', outDir]);
        expect(refused.code).toBe(2);
        expect(refused.err).toContain('audit_archive_within_retention');
        expect(refused.err).toContain('LIANXI_AUDIT_RETENTION_DAYS');
      } finally {
        handle = await open();
      }
      const checkpoints = await raw<{ id: string; first_seq: string; last_seq: string }>(null, 'SELECT id, first_seq, last_seq FROM audit_archive_checkpoints ORDER BY id');
      expect(checkpoints.map((c) => [Number(c.id), Number(c.first_seq), Number(c.last_seq)])).toEqual([
        [1, 1, 4],
        [2, 5, 7],
      ]);
    });

    it('still refuses deleting or changing an audit row outside archiving', async () => {
      await expect(raw(null, 'DELETE FROM audit_log WHERE seq = 8')).rejects.toThrow(/append-only/);
      // Naming a checkpoint lets through only the rows it covers (none are left), never others.
      await expect(raw("SET LOCAL lianxi.audit_archive_checkpoint = '2'", 'DELETE FROM audit_log WHERE seq = 8')).rejects.toThrow(/append-only/);
      await expect(raw("SET LOCAL lianxi.audit_archive_checkpoint = '99'", 'DELETE FROM audit_log WHERE seq = 9')).rejects.toThrow(/append-only/);
      await expect(raw("SET LOCAL lianxi.audit_archive_checkpoint = '2'", "UPDATE audit_log SET action = 'x' WHERE seq = 8")).rejects.toThrow(/append-only/);
      await expect(raw("SET LOCAL lianxi.audit_archive_checkpoint = '2'", 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      await expect(raw(null, 'DELETE FROM audit_archive_checkpoints WHERE id = 2')).rejects.toThrow(/append-only/);
      await expect(raw(null, "UPDATE audit_archive_checkpoints SET last_hash = 'x' WHERE id = 2")).rejects.toThrow(/append-only/);
      expect((await verifyAudit(handle.db)).ok).toBe(true);
    });

    it('detects a forged or missing checkpoint', async () => {
      const saved = await raw<{ row: string }>(null, 'SELECT row_to_json(c)::text AS row FROM audit_archive_checkpoints c ORDER BY id');
      const reinsert = async (): Promise<void> => {
        await tamper('DELETE FROM audit_archive_checkpoints');
        for (const { row } of saved) await tamper('INSERT INTO audit_archive_checkpoints SELECT * FROM json_populate_record(null::audit_archive_checkpoints, $1::json)', [row]);
        expect((await verifyAudit(handle.db)).ok).toBe(true);
      };

      await tamper("UPDATE audit_archive_checkpoints SET last_seq = 6, row_count = 2 WHERE id = 2");
      const forged = await verifyAudit(handle.db);
      expect(forged).toMatchObject({ ok: false, firstBreak: { kind: 'anchor_invalid' } });
      expect(forged.firstBreak?.message).toContain('签名不符');
      await reinsert();

      await tamper('DELETE FROM audit_archive_checkpoints WHERE id = 2');
      const missingLast = await verifyAudit(handle.db);
      expect(missingLast).toMatchObject({ ok: false, firstBreak: { kind: 'sequence_gap', seq: 8, expectedSeq: 5 } });
      await reinsert();

      await tamper('DELETE FROM audit_archive_checkpoints WHERE id = 1');
      expect(await verifyAudit(handle.db)).toMatchObject({ ok: false, firstBreak: { kind: 'sequence_gap' } });
      await reinsert();

      await tamper('DELETE FROM audit_archive_checkpoints');
      const none = await verifyAudit(handle.db);
      expect(none).toMatchObject({ ok: false, firstBreak: { kind: 'sequence_gap', seq: 8, expectedSeq: 1 } });
      expect(none.firstBreak?.message).toContain('没有归档检查点');
      await reinsert();

      // A checkpoint forged by someone who can write the database but has no audit key lets its
      // rows be deleted (the narrow exception of the guard), and verify names it.
      const [head] = await raw<{ hash: string }>(null, 'SELECT hash FROM audit_log WHERE seq = 8');
      await raw(null, `INSERT INTO audit_archive_checkpoints VALUES (3, 8, 8, 1, 'x', $1, 2, now(), now(), 'forged', 'forged')`, [head?.hash]);
      await raw("SET LOCAL lianxi.audit_archive_checkpoint = '3'", 'DELETE FROM audit_log WHERE seq = 8');
      const result = await verifyAudit(handle.db);
      expect(result).toMatchObject({ ok: false, firstBreak: { kind: 'anchor_invalid', seq: 8 } });
    });
  });
}
