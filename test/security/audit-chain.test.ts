/**
 * Issue 19 point 1: the audit trail cannot be shortened, rewritten or recomputed without `audit
 * verify` noticing. Rows are keyed (HMAC-SM3, key outside the database), the table refuses UPDATE,
 * DELETE and TRUNCATE, and the chain's length and end are checked against an anchor in the data
 * directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import smCrypto from 'sm-crypto';
import { expect, it } from 'vitest';
import { auditCanonicalText } from '../../src/domain/audit/index.ts';
import type { AuditContent } from '../../src/domain/audit/index.ts';
import { loadConfig } from '../../src/config/config.ts';
import { ConfigError } from '../../src/config/config.ts';
import { auditKey } from '../../src/services/audit-key.ts';
import { verifyAudit } from '../../src/services/audit-service.ts';
import { describeDatabases } from '../integration/harness.ts';

type StoredRow = {
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  client_address: string | null;
  result: 'success' | 'failure';
  hash_version: number;
};

describeDatabases('security: the audit chain', (t) => {
  it('keys every new row with the configured key, kept outside the database', async () => {
    await t.createAccount();
    const rows = await t.sql<{ hash_version: number; result: string }>('SELECT hash_version, result FROM audit_log');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.hash_version === 2 && row.result === 'success')).toBe(true);
    const keyFile = fs.readFileSync(path.join(t.config.dataDir, 'audit.key'), 'utf8').trim();
    expect(keyFile).toBe(auditKey());
    const dump = JSON.stringify(await t.sql('SELECT * FROM audit_log'));
    expect(dump).not.toContain(keyFile);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit trail (append-only guard)', async () => {
    await t.createAccount();
    await expect(t.sql(`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.sql('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('detects a chain recomputed without the key (plain SM3, as an attacker with the database could)', async () => {
    await t.createAccount();
    const intact = await verifyAudit(t.db);
    expect(intact.ok).toBe(true);
    const rows = await t.sql<StoredRow>('SELECT * FROM audit_log ORDER BY seq');
    const recompute = async (version: 1 | 2): Promise<void> => {
      let prev = '0'.repeat(64);
      for (const row of rows) {
        const content: AuditContent = {
          seq: Number(row.seq),
          occurredAt: new Date(row.occurred_at).toISOString(),
          actorId: row.actor_id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          before: (row.before ?? null) as AuditContent['before'],
          after: (row.after ?? null) as AuditContent['after'],
          requestId: row.request_id,
          clientAddress: row.client_address,
          result: row.result,
          hashVersion: version,
        };
        // Without the key the attacker can only use plain SM3 (or guess a key).
        const hash = smCrypto.sm3(`${prev}\n${auditCanonicalText(content)}`);
        await t.tamper('UPDATE audit_log SET prev_hash = $1, hash = $2, hash_version = $3 WHERE seq = $4', [prev, hash, version, row.seq]);
        prev = hash;
      }
      await t.tamper('UPDATE audit_chain_head SET last_hash = $1', [prev]);
    };
    // Keyed rows recomputed with plain SM3: the first row's HMAC fails.
    await recompute(2);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: false, firstBreak: { kind: 'hash_mismatch', seq: 1 } });
    // The whole chain rewritten as unkeyed (version 1) rows verifies link by link, but not against
    // the anchor kept outside the database.
    await recompute(1);
    const downgraded = await verifyAudit(t.db);
    expect(downgraded).toMatchObject({ ok: false, firstBreak: { kind: 'anchor_mismatch', seq: intact.lastSeq } });
  });
});

describeDatabases('security: a shortened audit chain', (t) => {
  it('detects the last rows deleted with the head moved back, naming the truncation', async () => {
    for (let i = 0; i < 4; i++) await t.createAccount();
    const intact = await verifyAudit(t.db);
    expect(intact.ok).toBe(true);
    const keep = intact.lastSeq - 2;
    const [row] = await t.sql<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [keep]);
    await t.tamper('DELETE FROM audit_log WHERE seq > $1', [keep]);
    await t.tamper('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2', [keep, row?.hash]);
    const result = await verifyAudit(t.db);
    expect(result).toMatchObject({ ok: false, firstBreak: { kind: 'truncated', seq: intact.lastSeq, expectedSeq: keep + 1 } });
    expect(result.firstBreak?.message).toContain(`第 ${keep + 1} 至 ${intact.lastSeq} 条`);
  });
});

describeDatabases('security: a wiped audit trail', (t) => {
  it('detects the table wiped and the head reset', async () => {
    await t.createAccount();
    const intact = await verifyAudit(t.db);
    expect(intact.ok).toBe(true);
    await t.tamper('DELETE FROM audit_log');
    await t.tamper(`UPDATE audit_chain_head SET last_seq = 0, last_hash = '${'0'.repeat(64)}'`);
    const result = await verifyAudit(t.db);
    expect(result).toMatchObject({ ok: false, firstBreak: { kind: 'truncated', seq: intact.lastSeq, expectedSeq: 1 } });
  });

  it('detects a forged anchor file', async () => {
    const file = path.join(t.config.dataDir, 'audit-anchor.json');
    fs.writeFileSync(file, JSON.stringify({ lastSeq: 0, lastHash: '0'.repeat(64), mac: 'f'.repeat(64) }));
    const result = await verifyAudit(t.db);
    expect(result).toMatchObject({ ok: false, firstBreak: { kind: 'anchor_invalid' } });
  });
});

it('requires LIANXI_AUDIT_KEY in production and validates it', () => {
  expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
  try {
    loadConfig({ NODE_ENV: 'production' });
  } catch (error) {
    expect((error as ConfigError).variables).toContain('LIANXI_AUDIT_KEY');
  }
  expect(() => loadConfig({ LIANXI_AUDIT_KEY: 'not-hex' })).toThrow(/LIANXI_AUDIT_KEY/);
  expect(loadConfig({ NODE_ENV: 'production', LIANXI_AUDIT_KEY: 'AB'.repeat(32), LIANXI_DATA_KEY: 'cd'.repeat(16) }).auditKey).toBe('ab'.repeat(32));
});
