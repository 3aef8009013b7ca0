/**
 * Sign in, sessions, sign out and password change. Sessions live on the server; the browser holds
 * a random token in an HttpOnly cookie and the database only its SM3 hash.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import smCrypto from 'sm-crypto';
import type { AppConfig } from '../config/config.ts';
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import type { AccountRow, SessionRow } from '../db/schema/platform.ts';
import { AppError } from '../errors/app-error.ts';
import { bodyRoleLookup } from '../policy/actor.ts';
import type { Actor, BodyRoleResolver } from '../policy/actor.ts';
import type { SystemRole } from '../policy/roles.ts';
import { findAccountById, findAccountByUsername, insertPasswordHistory, listPasswordHistory, updateAccount } from '../repositories/account-repository.ts';
import {
  endSession,
  endSessionsBeyond,
  endSessionsOfAccount,
  findSessionWithAccount,
  insertSession,
  touchSession,
} from '../repositories/session-repository.ts';
import { lockSignInAttempt, updateSignInAttempt } from '../repositories/sign-in-attempt-repository.ts';
import { accountSnapshot } from './accounts/account-views.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { assertPasswordAcceptable, assertPasswordNotReused, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { getPasswordRules, getSecurityPolicy, passwordExpiresAt } from './accounts/security-policy.ts';
import { holdsAdministratorDuty } from './accounts/administrator-separation.ts';
import { checkSecondFactor, secondFactorRequired } from './accounts/second-factor.ts';
import { getSecuritySettings } from './settings-service.ts';

export const SESSION_COOKIE = 'lianxi_session';

/** Request origin of a sign-in (no actor yet). */
export interface RequestOrigin {
  requestId: string | null;
  clientAddress: string | null;
  userAgent?: string | null;
}

/** The system roles an account holds (三员: at most one). */
export function systemRolesOf(account: Pick<AccountRow, 'isSystemAdmin' | 'isSecurityAdmin' | 'isAuditAdmin'>): SystemRole[] {
  const roles: SystemRole[] = [];
  if (account.isSystemAdmin) roles.push('system_admin');
  if (account.isSecurityAdmin) roles.push('security_admin');
  if (account.isAuditAdmin) roles.push('audit_admin');
  return roles;
}

/** SM3 of a session cookie token: sessions are stored only by this hash. */
export function hashSessionToken(token: string): string {
  return smCrypto.sm3(token);
}

/** Builds the actor of an account for a request at `at`. */
export function actorOf(
  db: DbOrTx,
  options: { account: AccountRow; sessionId: string | null; resolvers: readonly BodyRoleResolver[]; at: Date },
): Actor {
  const { account } = options;
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    systemRoles: systemRolesOf(account),
    personId: account.personId,
    mustChangePassword: account.mustChangePassword,
    sessionId: options.sessionId,
    bodyRoles: bodyRoleLookup(db, options.resolvers, account.id, options.at),
  };
}

const INVALID_CREDENTIALS = () => new AppError('invalid_credentials', '用户名或密码错误');

/** The answer to a sign-in while locked: the same whether or not the name has an account. */
const STILL_LOCKED = (lockedUntil: Date) =>
  new AppError('account_locked', `账号已锁定，请于 ${formatBeijing(lockedUntil)} 后再试，或联系安全管理员解锁`, {
    details: { lockedUntil: lockedUntil.toISOString() },
  });

/** The answer to the failure that locks: the same whether or not the name has an account. */
const NOW_LOCKED = (lockout: { threshold: number; minutes: number }, lockedUntil: Date) =>
  new AppError('account_locked', `连续 ${lockout.threshold} 次密码错误，账号已锁定 ${lockout.minutes} 分钟`, {
    details: { lockedUntil: lockedUntil.toISOString() },
  });

export interface SignInResult {
  /** The cookie value; shown to the client once, stored only as a hash. */
  token: string;
  /** Recovery codes made by a second-factor enrolment in this sign-in: shown once */
  recoveryCodes: string[] | null;
  session: SessionRow;
  account: AccountRow;
}

/**
 * Signs in with username and password. A failure is audited and counted (committed even though the
 * sign-in fails); the threshold-th consecutive failure locks the account for the lockout period.
 */
export async function signIn(
  db: Database,
  options: {
    config: AppConfig;
    clock: Clock;
    username: string;
    password: string;
    /** The second factor: a TOTP code or a recovery code */
    code?: string | undefined;
    origin: RequestOrigin;
  },
): Promise<SignInResult> {
  const { config, clock, origin } = options;
  const username = options.username.trim().toLowerCase();
  const now = clock.now();
  const audit = { requestId: origin.requestId, clientAddress: origin.clientAddress, at: now };
  const settings = await getSecuritySettings(db, { config });
  const policy = await getSecurityPolicy(db, { config });
  /** A failed sign-in, audited (committed even though the sign-in fails); `after` says why. */
  const signInFailed = (tx: DbOrTx, entityId: string | null, after: Record<string, unknown>): Promise<void> =>
    recordAudit(tx, { ...audit, actorId: null, action: 'auth.sign_in_failed', entityType: 'account', entityId, before: null, after, result: 'failure' });
  /** One more consecutive failure of an account: the threshold-th locks it for the lockout period. */
  const oneMoreFailure = (failedSignIns: number): { failures: number; locks: boolean; lockedUntil: Date | null } => {
    const failures = failedSignIns + 1;
    const locks = failures >= settings.lockout.threshold;
    return { failures, locks, lockedUntil: locks ? new Date(now.getTime() + settings.lockout.minutes * 60_000) : null };
  };

  const outcome = await db.transaction(async (tx) => {
    const account = await findAccountByUsername(tx, username, { forUpdate: true });
    if (account === null) {
      // Counted and locked like an account (issue 19): the answers do not reveal which names exist.
      await verifyAgainstDummy(options.password);
      const attempt = await lockSignInAttempt(tx, username, now);
      const locked = attempt.lockedUntil !== null && attempt.lockedUntil.getTime() > now.getTime();
      const failures = locked ? attempt.failedSignIns : attempt.failedSignIns + 1;
      const locks = !locked && failures >= settings.lockout.threshold;
      const lockedUntil = locks ? new Date(now.getTime() + settings.lockout.minutes * 60_000) : attempt.lockedUntil;
      if (!locked) {
        await updateSignInAttempt(tx, username, { failedSignIns: locks ? 0 : failures, lockedUntil: locks ? lockedUntil : null, updatedAt: now });
      }
      await signInFailed(tx, null, { username, reason: 'unknown_username', consecutiveFailures: failures });
      if (locked && attempt.lockedUntil !== null) return { error: STILL_LOCKED(attempt.lockedUntil) } as const;
      if (locks && lockedUntil !== null) return { error: NOW_LOCKED(settings.lockout, lockedUntil) } as const;
      return { error: INVALID_CREDENTIALS() } as const;
    }
    if (account.lockedUntil !== null && account.lockedUntil.getTime() > now.getTime()) {
      await signInFailed(tx, account.id, { username, reason: 'locked', lockedUntil: account.lockedUntil });
      return { error: STILL_LOCKED(account.lockedUntil) } as const;
    }
    const passwordOk = await verifyPassword(account.passwordHash, options.password);
    if (!passwordOk) {
      const { failures, locks, lockedUntil } = oneMoreFailure(account.failedSignIns);
      const updated = await updateAccount(tx, account.id, {
        failedSignIns: locks ? 0 : failures,
        lockedUntil,
        updatedAt: now,
      });
      await signInFailed(tx, account.id, { username, reason: 'wrong_password', consecutiveFailures: failures });
      if (locks) {
        await recordAudit(tx, {
          ...audit,
          actorId: null,
          action: 'auth.lockout',
          entityType: 'account',
          entityId: account.id,
          before: accountSnapshot(account),
          after: accountSnapshot(updated),
        });
        if (lockedUntil !== null) return { error: NOW_LOCKED(settings.lockout, lockedUntil) } as const;
      }
      return { error: INVALID_CREDENTIALS() } as const;
    }
    const refusal = account.disabled ? 'disabled' : account.activationPending ? 'activation_pending' : null;
    if (refusal !== null) {
      await signInFailed(tx, account.id, { username, reason: refusal });
      return {
        error:
          refusal === 'disabled'
            ? new AppError('account_disabled', '账号已停用，请联系安全管理员')
            : new AppError('account_pending_activation', '管理员账号尚未激活：须由同一职责的管理员激活'),
      } as const;
    }
    // Second factor (issue 17 point 5): a code, a recovery code, or the enrolment within the sign-in.
    const factor = await checkSecondFactor(tx, { account, code: options.code, required: secondFactorRequired(account, policy), now });
    if (!factor.ok) {
      if (factor.reason === 'wrong_code') {
        const { failures, locks, lockedUntil } = oneMoreFailure(account.failedSignIns);
        await updateAccount(tx, account.id, { failedSignIns: locks ? 0 : failures, lockedUntil, updatedAt: now });
        await signInFailed(tx, account.id, { username, reason: 'wrong_second_factor', consecutiveFailures: failures });
        if (locks && lockedUntil !== null) return { error: NOW_LOCKED(settings.lockout, lockedUntil) } as const;
        return { error: new AppError('invalid_second_factor', '动态口令或恢复码不正确', { field: 'code' }) } as const;
      }
      return {
        error:
          factor.reason === 'code_required'
            ? new AppError('second_factor_required', '请输入动态口令（身份验证器中的 6 位数字）或恢复码', { field: 'code' })
            : new AppError('second_factor_enrolment_required', '管理员须绑定动态口令：请用身份验证器扫描二维码，再输入其中的 6 位数字', {
                field: 'code',
                details: { enrolment: factor.offer },
              }),
      } as const;
    }
    if (factor.via !== 'totp' || factor.recoveryCodes !== null) {
      await recordAudit(tx, {
        ...audit,
        actorId: account.id,
        action: factor.via === 'enrolment' ? 'auth.second_factor_enrolled' : 'auth.recovery_code_used',
        entityType: 'account',
        entityId: account.id,
        before: null,
        after: { username },
      });
    }
    const token = randomBytes(32).toString('base64url');
    const session = await insertSession(tx, {
      id: randomUUID(),
      tokenHash: hashSessionToken(token),
      accountId: account.id,
      createdAt: now,
      lastSeenAt: now,
      clientAddress: origin.clientAddress,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
    });
    // Concurrent sessions (issue 17): beyond the limit, the oldest sessions end.
    const limit = holdsAdministratorDuty(account) ? policy.sessions.adminLimit : policy.sessions.userLimit;
    if (limit > 0) {
      const superseded = await endSessionsBeyond(tx, { accountId: account.id, keep: limit, newestId: session.id, at: now, reason: 'revoked' });
      if (superseded.length > 0) {
        await recordAudit(tx, {
          ...audit,
          actorId: account.id,
          action: 'auth.sessions_superseded',
          entityType: 'account',
          entityId: account.id,
          before: null,
          after: { endedSessions: superseded, limit, bySession: session.id },
        });
      }
    }
    // Password age (issue 17): an expired password must be changed before anything else.
    const expiresAt = passwordExpiresAt(account, policy.password);
    const expired = expiresAt !== null && expiresAt.getTime() <= now.getTime() && !account.mustChangePassword;
    const updated = await updateAccount(tx, account.id, {
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: now,
      updatedAt: now,
      ...(expired ? { mustChangePassword: true } : {}),
    });
    if (expired) {
      await recordAudit(tx, {
        ...audit,
        actorId: account.id,
        action: 'auth.password_expired',
        entityType: 'account',
        entityId: account.id,
        before: accountSnapshot(account),
        after: { ...accountSnapshot(updated), passwordExpiredAt: expiresAt },
      });
    }
    await recordAudit(tx, {
      ...audit,
      actorId: account.id,
      action: 'auth.sign_in',
      entityType: 'session',
      entityId: session.id,
      before: null,
      after: { accountId: account.id, username, clientAddress: origin.clientAddress },
    });
    return { result: { token, session, account: updated, recoveryCodes: factor.recoveryCodes } } as const;
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

function formatBeijing(date: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

export type SessionLookup =
  | { ok: true; session: SessionRow; account: AccountRow }
  | { ok: false; reason: 'no_session' | 'unknown' | 'ended' | 'idle_timeout' | 'absolute_timeout' | 'account_disabled' };

/**
 * Finds the live session of a cookie token at `clock.now()`. An expired session is ended (audited);
 * a live one is touched (idle timer restarts).
 */
export async function resolveSession(
  db: Database,
  options: {
    config: AppConfig;
    clock: Clock;
    token: string | undefined;
    origin: RequestOrigin;
  },
): Promise<SessionLookup> {
  const { config, clock, token } = options;
  if (token === undefined || token === '') return { ok: false, reason: 'no_session' };
  const found = await findSessionWithAccount(db, hashSessionToken(token));
  if (found === null) return { ok: false, reason: 'unknown' };
  const { session, account } = found;
  if (session.endedAt !== null) return { ok: false, reason: 'ended' };
  const now = clock.now();
  const settings = await getSecuritySettings(db, { config });
  const idleLimit = session.lastSeenAt.getTime() + settings.session.idleMinutes * 60_000;
  const absoluteLimit = session.createdAt.getTime() + settings.session.absoluteHours * 3_600_000;
  let reason: 'idle_timeout' | 'absolute_timeout' | 'account_disabled' | null = null;
  if (account === null || account.disabled) reason = 'account_disabled';
  else if (now.getTime() >= absoluteLimit) reason = 'absolute_timeout';
  else if (now.getTime() >= idleLimit) reason = 'idle_timeout';
  if (reason !== null) {
    const ending = reason;
    await db.transaction(async (tx) => {
      if (await endSession(tx, session.id, now, ending)) {
        await recordAudit(tx, {
          actorId: session.accountId,
          action: 'auth.session_expired',
          entityType: 'session',
          entityId: session.id,
          before: { endedAt: null },
          after: { endedAt: now, endReason: ending },
          requestId: options.origin.requestId,
          clientAddress: options.origin.clientAddress,
          at: now,
        });
      }
    });
    return { ok: false, reason };
  }
  await touchSession(db, session.id, now);
  return { ok: true, session, account: account as AccountRow };
}

/** Ends the actor's session; audited. */
export async function signOut(db: Database, options: { clock: Clock; actor: Actor; origin: AuditOrigin }): Promise<void> {
  const { clock, actor, origin } = options;
  const sessionId = actor.sessionId;
  if (sessionId === null) return;
  const now = origin.at ?? clock.now();
  await db.transaction(async (tx) => {
    if (await endSession(tx, sessionId, now, 'signed_out')) {
      await recordAudit(tx, {
        ...origin,
        at: now,
        action: 'auth.sign_out',
        entityType: 'session',
        entityId: sessionId,
        before: { endedAt: null },
        after: { endedAt: now, endReason: 'signed_out' },
      });
    }
  });
}

/**
 * Changes the actor's own password: checks the current one and the policy, clears the forced
 * change, ends the account's other sessions; audited (never the hashes).
 */
export async function changePassword(
  db: Database,
  options: {
    config: AppConfig;
    clock: Clock;
    actor: Actor;
    currentPassword: string;
    newPassword: string;
    origin: AuditOrigin;
  },
): Promise<AccountRow> {
  const { config, clock, actor, origin } = options;
  const now = origin.at ?? clock.now();
  const rules = await getPasswordRules(db, { config });
  assertPasswordAcceptable(options.newPassword, rules, {
    username: actor.username,
    field: 'newPassword',
  });
  if (options.newPassword === options.currentPassword) {
    throw new AppError('password_unchanged', '新密码不能与当前密码相同', { field: 'newPassword' });
  }
  const newHash = await hashPassword(options.newPassword);
  return db.transaction(async (tx) => {
    const account = await findAccountById(tx, actor.accountId, { forUpdate: true });
    if (account === null) throw new AppError('unauthenticated', '请先登录');
    if (!(await verifyPassword(account.passwordHash, options.currentPassword))) {
      throw new AppError('wrong_current_password', '当前密码不正确', { field: 'currentPassword' });
    }
    // No reuse of the last `historyCount` passwords (the current one counts as the first).
    if (rules.historyCount > 1) {
      await assertPasswordNotReused(options.newPassword, await listPasswordHistory(tx, account.id, rules.historyCount - 1), 'newPassword');
    }
    await insertPasswordHistory(tx, { accountId: account.id, passwordHash: account.passwordHash, replacedAt: now });
    const updated = await updateAccount(tx, account.id, {
      passwordHash: newHash,
      mustChangePassword: false,
      passwordChangedAt: now,
      updatedAt: now,
    });
    const ended = await endSessionsOfAccount(tx, account.id, now, 'password_changed', actor.sessionId ?? undefined);
    await recordAudit(tx, {
      ...origin,
      at: now,
      action: 'account.password_changed',
      entityType: 'account',
      entityId: account.id,
      before: accountSnapshot(account),
      after: { ...accountSnapshot(updated), otherSessionsEnded: ended },
    });
    return updated;
  });
}
