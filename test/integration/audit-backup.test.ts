import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit-service.ts';
import { createBackup, parseBackup, restoreBackupFile, writeBackupFile } from '../../src/services/backup-service.ts';
import { bootstrapAdministrators } from '../../src/services/accounts/create-account.ts';
import { describeDatabases, emptyTargetDatabase, uniqueSuffix } from './harness.ts';

describeDatabases('backup and restore', (t) => {
  it('restores into an empty database with identical data and an intact audit chain', async () => {
    await bootstrapAdministrators(t.db, { config: t.config, clock: t.clock });
    const security = await t.createAccount({ systemRoles: ['security_admin'], displayName: '备份测试 "引号" \\ 反斜杠' });
    const cookie = await t.signIn(security);
    const app = await t.app();
    await app.inject({ method: 'POST', url: '/api/accounts', payload: { username: `bk${uniqueSuffix()}`, displayName: '张三' }, headers: { cookie } });
    await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: security.username, password: 'Wrong-password-9' } });
    await t.sql(`INSERT INTO outbox (kind, payload, created_at, available_at) VALUES ('mail', '{"to":"a@b.c","n":12345678901234567}'::jsonb, now(), now())`);

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianxi-backup-'));
    const file = path.join(dir, 'backup.json.gz');
    const original = await writeBackupFile(t.handle, { file, now: t.clock.now() });
    expect(original.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['accounts', 'sessions', 'audit_log', 'audit_chain_head', 'outbox', 'settings']));
    expect(original.tables.findIndex((x) => x.name === 'accounts')).toBeLessThan(original.tables.findIndex((x) => x.name === 'sessions'));
    const parsed = parseBackup(await fs.readFile(file));
    expect(parsed.tables).toEqual(original.tables);

    const target = await emptyTargetDatabase(t);
    try {
      const result = await restoreBackupFile(target.handle, { file });
      expect(result.rows).toBe(original.tables.reduce((sum, table) => sum + table.rowCount, 0));
      const copy = await createBackup(target.handle, { now: t.clock.now() });
      expect(copy.tables).toEqual(original.tables);
      expect(copy.migrations).toEqual(original.migrations);
      const verification = await verifyAudit(target.handle.db);
      expect(verification.ok).toBe(true);
      expect(verification.checked).toBe((await verifyAudit(t.db)).checked);
      // Sequences continue after the restored values.
      const [row] = await target.handle.rawTransaction((sql) =>
        sql.query<{ id: string }>(`INSERT INTO outbox (kind, payload, created_at, available_at) VALUES ('mail', '{}', now(), now()) RETURNING id::text AS id`),
      );
      expect(Number(row?.id)).toBeGreaterThan(Math.max(...(original.tables.find((x) => x.name === 'outbox')?.rows ?? []).map((r) => (JSON.parse(r) as { id: number }).id)));
      // A second restore into the now non-empty database is refused.
      await expect(restoreBackupFile(target.handle, { file })).rejects.toMatchObject({ code: 'restore_target_not_empty' });
    } finally {
      await target.dispose();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a truncated or foreign file with a clear error', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianxi-backup-'));
    try {
      const file = path.join(dir, 'b.json');
      await writeBackupFile(t.handle, { file, now: t.clock.now() });
      const backup = JSON.parse(await fs.readFile(file, 'utf8')) as { tables: { rows: string[] }[] };
      backup.tables.find((table) => table.rows.length > 0)?.rows.pop();
      await fs.writeFile(file, JSON.stringify(backup));
      expect(() => parseBackup(Buffer.from(JSON.stringify(backup)))).toThrow(/行数/);
      expect(() => parseBackup(Buffer.from('{"hello":1}'))).toThrow(/不是 Lianxi 备份文件/);
      expect(() => parseBackup(Buffer.from('not json'))).toThrow(/JSON/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
