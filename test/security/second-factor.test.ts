/**
 * Issue 17 point 5: administrators sign in with a second factor (TOTP, RFC 6238): enrolment within
 * the sign-in (otpauth URI), each code used once, recovery codes (shown once, stored hashed, each
 * used once), wrong codes counted towards the lockout, and the security administrator's reset.
 */
import { describe, expect, it } from 'vitest';
import { sealTotpSecret, openTotpSecret, totpCode, totpStep } from '../../src/services/accounts/second-factor.ts';
import { describeDatabases } from '../integration/harness.ts';
import type { TestAccount } from '../integration/harness.ts';
import { cookieHeader } from '../integration/harness.ts';

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 test vector (SHA-1, 59 s → 94287082 in 8 digits; 6 digits 287082)', () => {
    // The RFC's secret "12345678901234567890" in base32.
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000))).toBe('287082');
    expect(totpStep('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '287082', new Date(59_000))).toBe(1);
    expect(totpStep('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '287082', new Date(200_000))).toBeNull();
  });
});

interface ErrorBody { error: { code: string; details?: { enrolment?: { secret: string; uri: string } } } }

describeDatabases('security: second factor', (t) => {
  const signIn = async (account: Pick<TestAccount, 'username' | 'password'>, code?: string) =>
    (await t.app()).inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: account.username, password: account.password, ...(code === undefined ? {} : { code }) } });

  let required = false;
  /** Sets the policy once per database (after that, a new security administrator would need a code itself). */
  async function requireForAdministrators(): Promise<void> {
    if (required) return;
    required = true;
    const app = await t.app();
    // The policy is set through the API by a security administrator who signs in before it applies.
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const cookie = await t.signIn(security);
    const policy = (await app.inject({ method: 'GET', url: '/api/security-policy', headers: { cookie } })).json<Record<string, unknown>>();
    const put = await app.inject({ method: 'PUT', url: '/api/security-policy', headers: { cookie }, payload: { ...policy, secondFactor: 'administrators' } });
    expect(put.statusCode, put.body).toBe(200);
  }

  it('enrols an administrator within the sign-in, then asks a fresh code each time; users are not asked', async () => {
    await requireForAdministrators();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const first = await signIn(auditor);
    expect(first.statusCode).toBe(401);
    const offer = first.json<ErrorBody>().error;
    expect(offer.code).toBe('second_factor_enrolment_required');
    const enrolment = offer.details?.enrolment;
    expect(enrolment?.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    const secret = enrolment?.secret ?? '';
    const [stored] = await t.sql<{ totp_secret: string }>('SELECT totp_secret FROM accounts WHERE id = $1', [auditor.id]);
    expect(stored?.totp_secret.startsWith('sm4:')).toBe(true);
    expect(stored?.totp_secret).not.toContain(secret);
    expect(openTotpSecret(stored?.totp_secret ?? '')).toBe(secret);

    expect((await signIn(auditor, '000000')).json<ErrorBody>().error.code).toBe('invalid_second_factor');
    const enrolled = await signIn(auditor, totpCode(secret, t.clock.now()));
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    const recovery = enrolled.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(recovery).toHaveLength(10);
    const hashes = await t.sql<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE account_id = $1', [auditor.id]);
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => recovery.includes(h.code_hash))).toBe(false);

    // Next sign-in: a code is required; the same time step is not accepted twice.
    expect((await signIn(auditor)).json<ErrorBody>().error.code).toBe('second_factor_required');
    expect((await signIn(auditor, totpCode(secret, t.clock.now()))).json<ErrorBody>().error.code).toBe('invalid_second_factor');
    t.clock.advanceMinutes(1);
    expect((await signIn(auditor, totpCode(secret, t.clock.now()))).statusCode).toBe(200);
    // A recovery code works once.
    expect((await signIn(auditor, recovery[0])).statusCode).toBe(200);
    expect((await signIn(auditor, recovery[0])).statusCode).toBe(401);
    const [used] = await t.sql<{ count: string }>("SELECT count(*)::text AS count FROM audit_log WHERE action = 'auth.recovery_code_used' AND entity_id = $1", [auditor.id]);
    expect(used?.count).toBe('1');

    // An ordinary account is not asked.
    const user = await t.createAccount();
    expect((await signIn(user)).statusCode).toBe(200);
  });

  it('counts wrong codes towards the lockout', async () => {
    await requireForAdministrators();
    const system = await t.createAccount({ systemRoles: ['system_admin'] });
    const secret = (await signIn(system)).json<ErrorBody>().error.details?.enrolment?.secret ?? '';
    expect((await signIn(system, totpCode(secret, t.clock.now()))).statusCode).toBe(200);
    const answers: number[] = [];
    for (let i = 0; i < 5; i += 1) answers.push((await signIn(system, '123456')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 423]);
  });

  it('lets the security administrator reset another account’s second factor (sessions end), never its own', async () => {
    await requireForAdministrators();
    const app = await t.app();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const secret = (await signIn(auditor)).json<ErrorBody>().error.details?.enrolment?.secret ?? '';
    const enrolled = await signIn(auditor, totpCode(secret, t.clock.now()));
    const auditorCookie = cookieHeader(enrolled.headers['set-cookie']);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: auditorCookie } })).statusCode).toBe(200);

    // The security administrator itself enrols first (it is an administrator too).
    const security: TestAccount = await t.createAccount({ systemRoles: ['security_admin'] });
    const securitySecret = (await signIn(security)).json<ErrorBody>().error.details?.enrolment?.secret ?? '';
    const securityCookie = cookieHeader((await signIn(security, totpCode(securitySecret, t.clock.now()))).headers['set-cookie']);
    const own = await app.inject({ method: 'POST', url: `/api/accounts/${security.id}/second-factor/reset`, headers: { cookie: securityCookie } });
    expect(own.statusCode).toBe(403);
    const reset = await app.inject({ method: 'POST', url: `/api/accounts/${auditor.id}/second-factor/reset`, headers: { cookie: securityCookie } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json<{ secondFactorEnrolled: boolean }>().secondFactorEnrolled).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: auditorCookie } })).statusCode).toBe(401);
    expect((await signIn(auditor)).json<ErrorBody>().error.code).toBe('second_factor_enrolment_required');
    expect(sealTotpSecret('ABC').startsWith('sm4:')).toBe(true);
  });
});
