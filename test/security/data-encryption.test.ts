/**
 * Issue 17 point 8: personal fields (the notification e-mail address) are stored SM4-encrypted with
 * a key from the configuration (LIANXI_DATA_KEY), the API returns them plain, rows written before
 * encryption are sealed by `lianxi data encrypt`, and `lianxi data rotate-key --from-key` moves
 * every value to the current key.
 */
import { randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { currentDataKeyId, dataKeyId } from '../../src/repositories/field-encryption.ts';
import { reencryptPersonalData } from '../../src/services/personal-data-service.ts';
import { describeDatabases } from '../integration/harness.ts';

describe('security: LIANXI_DATA_KEY configuration', () => {
  function refusal(env: NodeJS.ProcessEnv): string {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    return '';
  }

  it('takes a 32-hex-digit SM4 key and fails fast naming itself otherwise', () => {
    const key = randomBytes(16).toString('hex').toUpperCase();
    expect(loadConfig({ LIANXI_DATA_KEY: key }).dataKey).toBe(key.toLowerCase());
    expect(loadConfig({}).dataKey).toBeUndefined();
    expect(refusal({ LIANXI_DATA_KEY: 'abc' })).toContain('LIANXI_DATA_KEY');
    expect(refusal({ LIANXI_DATA_KEY: `${key}00` })).toContain('LIANXI_DATA_KEY');
  });

  it('is required when NODE_ENV=production', () => {
    const auditKey = randomBytes(32).toString('hex');
    expect(refusal({ NODE_ENV: 'production', LIANXI_AUDIT_KEY: auditKey })).toContain('LIANXI_DATA_KEY');
    expect(loadConfig({ NODE_ENV: 'production', LIANXI_AUDIT_KEY: auditKey, LIANXI_DATA_KEY: randomBytes(16).toString('hex') }).dataKey).toMatch(/^[0-9a-f]{32}$/);
  });
});

describeDatabases('security: personal fields encrypted at rest', (t) => {
  const origin = () => ({ actorId: null, requestId: 'test-data-encryption', clientAddress: null, at: t.clock.now() });

  async function withAddress(email: string): Promise<{ accountId: string; cookie: string }> {
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    const app = await t.app();
    const response = await app.inject({ method: 'PUT', url: '/api/me/notification-address', headers: { cookie }, payload: { email } });
    expect(response.statusCode, response.body).toBe(200);
    return { accountId: account.id, cookie };
  }

  async function stored(accountId: string): Promise<string> {
    const [row] = await t.sql<{ email: string }>('SELECT email FROM notification_addresses WHERE account_id = $1', [accountId]);
    if (row === undefined) throw new Error('no stored address');
    return row.email;
  }

  async function readBack(cookie: string): Promise<unknown> {
    const app = await t.app();
    const response = await app.inject({ method: 'GET', url: '/api/me/notification-address', headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { email: unknown }).email;
  }

  it('stores the e-mail address as SM4 ciphertext and returns it plain', async () => {
    const email = `zhang.san.${randomBytes(3).toString('hex')}@example.test`;
    const { accountId, cookie } = await withAddress(email);
    const raw = await stored(accountId);
    expect(raw).toMatch(new RegExp(`^sm4f1:${currentDataKeyId()}:[0-9a-f]{64,}$`));
    expect(raw).not.toContain(email);
    expect(raw).not.toContain('example.test');
    expect(await readBack(cookie)).toBe(email);
    // A random IV per value: the same address is stored differently each time.
    const again = await withAddress(email);
    expect(await stored(again.accountId)).not.toBe(raw);
  });

  it('seals rows stored plain before encryption (lianxi data encrypt)', async () => {
    const email = `legacy.${randomBytes(3).toString('hex')}@example.test`;
    const { accountId, cookie } = await withAddress('placeholder@example.test');
    await t.sql('UPDATE notification_addresses SET email = $1 WHERE account_id = $2', [email, accountId]);
    expect(await readBack(cookie)).toBe(email);
    const result = await reencryptPersonalData(t.db, { origin: origin() });
    expect(result.sealedFromPlain).toBeGreaterThanOrEqual(1);
    expect(result.keyId).toBe(currentDataKeyId());
    const raw = await stored(accountId);
    expect(raw.startsWith(`sm4f1:${currentDataKeyId()}:`)).toBe(true);
    expect(raw).not.toContain(email);
    expect(await readBack(cookie)).toBe(email);
    // Nothing left to do: a second run changes nothing.
    const second = await reencryptPersonalData(t.db, { origin: origin() });
    expect(second).toMatchObject({ sealedFromPlain: 0, rotated: 0 });
  });

  it('rotates values sealed under an old key to the current key, and refuses without the old key', async () => {
    const email = `rotate.${randomBytes(3).toString('hex')}@example.test`;
    const { accountId, cookie } = await withAddress('placeholder@example.test');
    // A value sealed under a key this process has never held (as after LIANXI_DATA_KEY changed).
    const oldKey = randomBytes(16).toString('hex');
    const iv = randomBytes(16).toString('hex');
    const underOldKey = `sm4f1:${dataKeyId(oldKey)}:${iv}${smCrypto.sm4.encrypt(email, oldKey, { mode: 'cbc', iv })}`;
    await t.sql('UPDATE notification_addresses SET email = $1 WHERE account_id = $2', [underOldKey, accountId]);

    await expect(reencryptPersonalData(t.db, { origin: origin() })).rejects.toMatchObject({ code: 'data_key_unknown' });
    expect(await stored(accountId)).toBe(underOldKey);
    await expect(reencryptPersonalData(t.db, { fromKeys: ['not-a-key'], origin: origin() })).rejects.toMatchObject({ code: 'invalid_data_key' });

    const result = await reencryptPersonalData(t.db, { fromKeys: [oldKey], origin: origin() });
    expect(result.rotated).toBe(1);
    const raw = await stored(accountId);
    expect(raw.startsWith(`sm4f1:${currentDataKeyId()}:`)).toBe(true);
    expect(raw).not.toContain(email);
    expect(await readBack(cookie)).toBe(email);

    // Audited, with counts and key ids but never the values.
    const audits = await t.sql<{ after: unknown }>("SELECT after FROM audit_log WHERE action = 'personal_data.reencrypt' ORDER BY seq DESC LIMIT 1");
    expect(JSON.stringify(audits[0]?.after)).toContain(currentDataKeyId());
    expect(JSON.stringify(audits)).not.toContain(email);
  });
});
