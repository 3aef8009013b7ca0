/**
 * Issue 17 point 8: personal fields (the notification e-mail address) and attachment contents are stored SM4-encrypted with
 * a key from the configuration (LIANXI_DATA_KEY), the API returns them plain, rows written before
 * encryption are sealed by `lianxi data encrypt`, and `lianxi data rotate-key --from-key` moves
 * every value to the current key.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { currentDataKeyId, dataKeyId, sealedBytesKeyId } from '../../src/db/field-encryption.ts';
import { reencryptPersonalData } from '../../src/services/personal-data-service.ts';
import { describeDatabases } from '../integration/harness.ts';
import { MeetingScenario } from '../integration/factories/meetings.ts';

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

  it('stores a meeting material SM4-encrypted, serves it plain, and rotates it with the personal fields', async () => {
    const s = await MeetingScenario.publish(t, { now: t.clock.now() });
    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString() });
    const item = await s.proposeItem(s.office, meeting.id, { title: '议题一' });
    const text = `会议材料：联系电话 010-${randomBytes(3).toString('hex')}`;
    const material = await s.call<{ id: string }>(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/materials`), { name: 'a.txt', contentType: 'text/plain', text }, 201);
    const raw = async (): Promise<Buffer> => {
      const [row] = await t.sql<{ content: Uint8Array }>('SELECT content FROM meeting_materials WHERE id = $1', [material.id]);
      if (row === undefined) throw new Error('no material');
      return Buffer.from(row.content);
    };
    const served = async (): Promise<string> => {
      const res = await s.request(s.office, 'GET', s.meetingUrl(meeting.id, `/materials/${material.id}/content`));
      expect(res.statusCode).toBe(200);
      return res.rawPayload.toString('utf8');
    };
    const first = await raw();
    expect(sealedBytesKeyId(first)).toBe(currentDataKeyId());
    expect(first.includes(Buffer.from(text, 'utf8'))).toBe(false);
    expect(first.includes(Buffer.from('会议材料', 'utf8'))).toBe(false);
    expect(await served()).toBe(text);

    // Stored plain (before encryption): read as it is, then sealed by `lianxi data encrypt`.
    await t.sql('UPDATE meeting_materials SET content = $1 WHERE id = $2', [Buffer.from(text, 'utf8'), material.id]);
    expect(await served()).toBe(text);
    const sealed = await reencryptPersonalData(t.db, { origin: origin() });
    expect(sealed.attachmentsSealedFromPlain).toBeGreaterThanOrEqual(1);
    expect(sealedBytesKeyId(await raw())).toBe(currentDataKeyId());
    expect(await served()).toBe(text);

    // Sealed under a key this process never held: refused without it, rotated with it.
    const oldKey = randomBytes(16).toString('hex');
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', Buffer.from(oldKey, 'hex'), iv);
    const underOldKey = Buffer.concat([Buffer.from('LXSM4F1:', 'ascii'), Buffer.from(dataKeyId(oldKey), 'ascii'), iv, cipher.update(text, 'utf8'), cipher.final()]);
    await t.sql('UPDATE meeting_materials SET content = $1 WHERE id = $2', [underOldKey, material.id]);
    await expect(reencryptPersonalData(t.db, { origin: origin() })).rejects.toMatchObject({ code: 'data_key_unknown' });
    expect((await raw()).equals(underOldKey)).toBe(true);
    const rotated = await reencryptPersonalData(t.db, { fromKeys: [oldKey], origin: origin() });
    expect(rotated.attachmentsRotated).toBe(1);
    expect(sealedBytesKeyId(await raw())).toBe(currentDataKeyId());
    expect(await served()).toBe(text);
  });
});
