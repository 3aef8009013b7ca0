/**
 * Second factor (issue 17 point 5): TOTP (RFC 6238, 6 digits, 30 s, SHA-1 as authenticator apps
 * expect) with recovery codes. Administrators must use it (and everyone, when the security policy
 * says so). Enrolment happens inside the sign-in: once the password is right, an account that needs
 * a second factor and has none gets a secret to scan and signs in with its first code; an enrolled
 * account signs in with a code or a recovery code. The secret is stored SM4-encrypted with a key
 * derived from the audit key (outside the database); recovery codes only as keyed SM3 hashes; a
 * time step is accepted once. The security administrator resets another account's second factor.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import smCrypto from 'sm-crypto';
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { AccountRow } from '../../repositories/account-repository.ts';
import { hmacSm3 } from '../../domain/audit/audit-chain.ts';
import {
  deleteRecoveryCodes,
  findUnusedRecoveryCode,
  insertRecoveryCodes,
  markRecoveryCodeUsed,
  updateAccount,
} from '../../repositories/account-repository.ts';
import { endSessionsOfAccount } from '../../repositories/session-repository.ts';
import { derivedAuditKey } from '../audit-key.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { changeAccount, refuseSelf } from './account-changes.ts';
import { holdsAdministratorDuty } from './administrator-separation.ts';
import type { SecurityPolicy } from './security-policy.ts';

const ISSUER = 'Lianxi 联席';
const PERIOD_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Whether the account must sign in with a second factor under the policy. */
export function secondFactorRequired(account: Pick<AccountRow, 'isSystemAdmin' | 'isSecurityAdmin' | 'isAuditAdmin'>, policy: Pick<SecurityPolicy, 'secondFactor'>): boolean {
  return policy.secondFactor === 'everyone' || (policy.secondFactor === 'administrators' && holdsAdministratorDuty(account));
}

function secretKey(): string {
  return derivedAuditKey('totp-secret').slice(0, 32);
}

/** SM4-CBC with a random IV: `sm4:<iv hex><cipher hex>`. */
export function sealTotpSecret(base32: string): string {
  const iv = randomBytes(16).toString('hex');
  return `sm4:${iv}${smCrypto.sm4.encrypt(base32, secretKey(), { mode: 'cbc', iv })}`;
}

export function openTotpSecret(sealed: string): string {
  if (!sealed.startsWith('sm4:')) throw new Error('TOTP secret not sealed');
  const body = sealed.slice(4);
  return smCrypto.sm4.decrypt(body.slice(32), secretKey(), { mode: 'cbc', iv: body.slice(0, 32) });
}

function totpOf(account: Pick<AccountRow, 'username'>, base32: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: account.username, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(base32) });
}

/** The time step a code is valid for at `now` (window ±1), or null. */
export function totpStep(base32: string, code: string, now: Date): number | null {
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(base32), period: PERIOD_SECONDS, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The code of a secret at an instant (for the enrolment check in tests and the console). */
export function totpCode(base32: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(base32), period: PERIOD_SECONDS, timestamp: at.getTime() });
}

function recoveryHash(code: string): string {
  return hmacSm3(derivedAuditKey('recovery-code'), code.replace(/[\s-]/g, '').toLowerCase());
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)] as string).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export interface EnrolmentOffer {
  /** Base32 secret to type into an authenticator app */
  secret: string;
  /** otpauth:// URI (shown as a QR code) */
  uri: string;
}

/** Gives the account a new pending secret (not yet enabled) and returns it to be scanned. */
export async function offerEnrolment(tx: DbOrTx, account: AccountRow, now: Date): Promise<EnrolmentOffer> {
  const secret = new Secret({ size: 20 }).base32;
  await updateAccount(tx, account.id, { totpSecret: sealTotpSecret(secret), totpEnabledAt: null, totpLastStep: null, updatedAt: now });
  return { secret, uri: totpOf(account, secret).toString() };
}

export type SecondFactorCheck =
  | { ok: true; via: 'totp' | 'recovery_code' | 'enrolment'; recoveryCodes: string[] | null; account: AccountRow }
  | { ok: false; reason: 'code_required' | 'enrolment_required' | 'wrong_code'; offer: EnrolmentOffer | null };

/**
 * The second-factor step of a sign-in whose password was right, in its transaction: enrolled →
 * a TOTP code (each step once) or an unused recovery code; required but not enrolled → without a
 * code, a new secret is offered; with a code of the pending secret, the enrolment is confirmed and
 * recovery codes are made (returned once). Not required and not enrolled → passes.
 */
export async function checkSecondFactor(
  tx: DbOrTx,
  options: { account: AccountRow; code: string | undefined; required: boolean; now: Date },
): Promise<SecondFactorCheck> {
  const { account, now } = options;
  const code = options.code?.trim() ?? '';
  const enrolled = account.totpEnabledAt !== null && account.totpSecret !== null;
  if (!enrolled && !options.required) return { ok: true, via: 'totp', recoveryCodes: null, account };
  if (!enrolled) {
    if (code === '' || account.totpSecret === null) return { ok: false, reason: 'enrolment_required', offer: await offerEnrolment(tx, account, now) };
    const step = totpStep(openTotpSecret(account.totpSecret), code, now);
    if (step === null) return { ok: false, reason: 'wrong_code', offer: null };
    const updated = await updateAccount(tx, account.id, { totpEnabledAt: now, totpLastStep: step, updatedAt: now });
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await deleteRecoveryCodes(tx, account.id);
    await insertRecoveryCodes(tx, recoveryCodes.map((c) => ({ accountId: account.id, codeHash: recoveryHash(c), createdAt: now })));
    return { ok: true, via: 'enrolment', recoveryCodes, account: updated };
  }
  if (code === '') return { ok: false, reason: 'code_required', offer: null };
  if (/^\d{6}$/.test(code)) {
    const step = totpStep(openTotpSecret(account.totpSecret as string), code, now);
    if (step === null || (account.totpLastStep !== null && step <= account.totpLastStep)) return { ok: false, reason: 'wrong_code', offer: null };
    const updated = await updateAccount(tx, account.id, { totpLastStep: step, updatedAt: now });
    return { ok: true, via: 'totp', recoveryCodes: null, account: updated };
  }
  const recovery = await findUnusedRecoveryCode(tx, account.id, recoveryHash(code));
  if (recovery === null) return { ok: false, reason: 'wrong_code', offer: null };
  await markRecoveryCodeUsed(tx, recovery.id, now);
  return { ok: true, via: 'recovery_code', recoveryCodes: null, account };
}

/**
 * Clears another account's second factor (security administrator; never one's own): the secret and
 * the recovery codes go, the account's sessions end; at its next sign-in it enrols again (if it must).
 */
export async function resetSecondFactor(db: Database, options: { clock: Clock; accountId: string; origin: AuditOrigin }): Promise<AccountRow> {
  refuseSelf(options.origin.actorId, options.accountId, '重置动态口令：');
  return changeAccount(db, {
    ...options,
    action: 'account.reset_second_factor',
    change: async (account, tx, now) => {
      if (account.totpSecret === null && account.totpEnabledAt === null) return null;
      await deleteRecoveryCodes(tx, account.id);
      await endSessionsOfAccount(tx, account.id, now, 'revoked');
      return { totpSecret: null, totpEnabledAt: null, totpLastStep: null };
    },
  });
}
