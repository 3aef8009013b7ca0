/**
 * Issue 19 point 7: backups are signed and their secrets encrypted (SM4); restore refuses a backup
 * whose signature or audit chain fails, unless forced with a reason (which is audited).
 */
import { expect, it } from 'vitest';
import { backupSignature, createBackup, restoreBackup } from '../../src/services/backup-service.ts';
import type { BackupFile } from '../../src/services/backup-service.ts';
import { describeDatabases, emptyTargetDatabase } from '../integration/harness.ts';

describeDatabases('security: signed and encrypted backups', (t) => {
  function editRows(backup: BackupFile, table: string, edit: (row: Record<string, unknown>) => void): BackupFile {
    const copy = JSON.parse(JSON.stringify(backup)) as BackupFile;
    const entry = copy.tables.find((x) => x.name === table);
    if (entry === undefined) throw new Error(`no table ${table}`);
    entry.rows = entry.rows.map((text) => {
      const row = JSON.parse(text) as Record<string, unknown>;
      edit(row);
      return JSON.stringify(row);
    });
    return copy;
  }

  it('encrypts password hashes and token hashes, and restores them', { timeout: 120_000 }, async () => {
    const account = await t.createAccount();
    await t.signIn(account);
    const [stored] = await t.sql<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE id = $1', [account.id]);
    const backup = await createBackup(t.handle, { now: t.clock.now() });
    const text = JSON.stringify(backup);
    expect(stored?.password_hash).toBeTruthy();
    expect(text).not.toContain(String(stored?.password_hash));
    const rows = backup.tables.find((x) => x.name === 'accounts')?.rows.map((r) => JSON.parse(r) as { password_hash: string }) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.password_hash.startsWith('sm4:'))).toBe(true);
    expect(backup.signature).toMatch(/^[0-9a-f]{64}$/);
    const target = await emptyTargetDatabase(t);
    try {
      await restoreBackup(target.handle, { backup });
      const [restored] = await target.handle.rawTransaction((sql) => sql.query<{ password_hash: string }>('SELECT password_hash FROM accounts WHERE id = $1', [account.id]));
      expect(restored?.password_hash).toBe(stored?.password_hash);
    } finally {
      await target.dispose();
    }
  });

  it('refuses a backup edited to make an account system administrator', async () => {
    const account = await t.createAccount();
    const backup = editRows(await createBackup(t.handle, { now: t.clock.now() }), 'accounts', (row) => {
      if (row.id === account.id) row.is_system_admin = true;
    });
    const target = await emptyTargetDatabase(t);
    try {
      await expect(restoreBackup(target.handle, { backup })).rejects.toMatchObject({ code: 'backup_rejected', message: expect.stringContaining('签名') });
      // Refused before anything is written: not even the schema.
      const [found] = await target.handle.rawTransaction((sql) => sql.query<{ r: string | null }>(`SELECT to_regclass('accounts')::text AS r`));
      expect(found?.r ?? null).toBeNull();
    } finally {
      await target.dispose();
    }
  });

  it('refuses a backup with a tampered audit row even when re-signed, unless forced with a reason that is audited', async () => {
    await t.createAccount();
    const original = await createBackup(t.handle, { now: t.clock.now() });
    const tampered = editRows(original, 'audit_log', (row) => {
      if (Number(row.seq) === 1) row.action = 'account.nothing';
    });
    // Even signed again by someone holding the key, the chain inside fails.
    const resigned: BackupFile = { ...tampered, signature: backupSignature(tampered) };
    const target = await emptyTargetDatabase(t);
    try {
      await expect(restoreBackup(target.handle, { backup: resigned })).rejects.toMatchObject({ code: 'backup_rejected', message: expect.stringContaining('审计链') });
      const origin = { actorId: null, requestId: 'test', clientAddress: 'cli:test', at: t.clock.now() };
      await expect(restoreBackup(target.handle, { backup: resigned, force: { reason: '', origin } })).rejects.toMatchObject({ code: 'restore_force_reason' });
      const result = await restoreBackup(target.handle, { backup: resigned, force: { reason: '灾备演练，已知第 1 条被改动', origin } });
      expect(result.overridden.join()).toContain('审计链');
      const rows = await target.handle.rawTransaction((sql) =>
        sql.query<{ action: string; after: { reason: string } }>(`SELECT action, after FROM audit_log WHERE action = 'backup.restore_forced'`),
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.after.reason).toContain('灾备演练');
    } finally {
      await target.dispose();
    }
  });

  it('refuses an unsigned (old format) backup', async () => {
    const backup = await createBackup(t.handle, { now: t.clock.now() });
    const { signature: _dropped, ...unsigned } = backup;
    const target = await emptyTargetDatabase(t);
    try {
      await expect(restoreBackup(target.handle, { backup: unsigned })).rejects.toMatchObject({ code: 'backup_rejected' });
    } finally {
      await target.dispose();
    }
  });
});
