/**
 * Issue 17 (个人信息保护): personal fields are SM4-encrypted at rest, and the audit rows of their
 * changes carry no clear value either: the notification e-mail address is recorded masked
 * (`z***@example.cn`), a webhook address with scheme and host only (its path may carry a token).
 * PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, maskText, maskUrl } from '../../src/domain/audit/index.ts';
import { updateNotificationAddress } from '../../src/services/inbox-service.ts';
import { updateBodyNotificationSettings } from '../../src/services/notification-service.ts';
import { publishTestBody } from '../integration/factories/bodies.ts';
import { describeDatabases, uniqueSuffix } from '../integration/harness.ts';

describe('masked personal values', () => {
  it('keeps a hint, never the value', () => {
    expect(maskEmail('zhang.san@example.cn')).toBe('z***@example.cn');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('1234')).toBe('****');
    expect(maskText('北京市东城区某路 1 号')).toBe('北京***');
    expect(maskUrl('https://hooks.example.cn/T0KEN/abc?k=secret')).toBe('https://hooks.example.cn/***');
    expect(maskUrl('not a url')).toBe('no***');
  });
});

describeDatabases('security: audit rows of personal-data changes hold no clear value', (t) => {
  it('records an e-mail address change masked, and the stored address sealed', async () => {
    const account = await t.createAccount();
    const first = `first.${uniqueSuffix()}@example.cn`;
    const second = `second.${uniqueSuffix()}@example.org`;
    const origin = { actorId: account.id, requestId: null, clientAddress: 'test', at: t.clock.now() };
    await updateNotificationAddress(t.db, { clock: t.clock, accountId: account.id, email: first, origin });
    await updateNotificationAddress(t.db, { clock: t.clock, accountId: account.id, email: second, origin });
    const stored = await t.sql<{ email: string }>('SELECT email FROM notification_addresses WHERE account_id = $1', [account.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.email).not.toContain(second);
    await updateNotificationAddress(t.db, { clock: t.clock, accountId: account.id, email: null, origin });

    const rows = await t.sql<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'notification_address.update' AND entity_id = $1 ORDER BY seq`,
      [account.id],
    );
    expect(rows).toHaveLength(3);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(first);
    expect(text).not.toContain(second);
    expect(text).not.toContain(first.split('@')[0]);
    expect(rows[1]).toEqual({
      before: { email: 'f***@example.cn' },
      after: { email: 's***@example.org', changedFields: ['email'] },
    });
    expect(rows[2]?.after).toEqual({ email: null, changedFields: ['email'] });
    // No audit row anywhere holds them.
    const all = JSON.stringify(await t.sql('SELECT before, after FROM audit_log'));
    expect(all).not.toContain(first);
    expect(all).not.toContain(second);
  });

  it('records a webhook address change without its path (which may carry a token)', async () => {
    const body = await publishTestBody(t);
    const token = `T0KEN${uniqueSuffix()}`;
    const url = `https://93.184.216.34/hooks/${token}`;
    await updateBodyNotificationSettings({
      db: t.db,
      clock: t.clock,
      bodyId: body.id,
      patch: { webhookUrl: url, rotateSecret: true, webhookEnabled: true },
      origin: { actorId: body.admin.id, requestId: null, clientAddress: 'test', at: t.clock.now() },
    });
    const [row] = await t.sql<{ before: unknown; after: { webhookUrl: string | null; webhookUrlChanged: boolean } }>(
      `SELECT before, after FROM audit_log WHERE action = 'notification_settings.update' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [body.id],
    );
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.after.webhookUrl).toBe('https://93.184.216.34/***');
    expect(row?.after.webhookUrlChanged).toBe(true);
    expect(JSON.stringify(await t.sql('SELECT before, after FROM audit_log'))).not.toContain(token);
  });
});
