/**
 * The security policy's fields with their bounds (the contract's: src/contracts/security-policy.ts)
 * and the changes that loosen it, which the page saves only after a confirmation (issue 15): a
 * higher or lifted concurrent-session limit, a weaker second-factor requirement, a looser password
 * rule. Pure: no React.
 */
import type { MessageKey } from '../i18n/messages-zh.ts';

export type SecondFactorRequirement = 'off' | 'administrators' | 'everyone';

/** The policy's values (the shape of `SecurityPolicy` of security-policy-api.ts, kept here free of the client). */
export interface SecurityPolicyValues {
  password: {
    minLength: number;
    minClasses: number;
    blockCommon: boolean;
    minUnpredictable: number;
    maxAgeDays: number;
    historyCount: number;
    bannedWords: string[];
  };
  sessions: { userLimit: number; adminLimit: number };
  secondFactor: SecondFactorRequirement;
}

export interface SecurityPolicyNumberField {
  path: ['password' | 'sessions', string];
  label: MessageKey;
  min: number;
  max: number;
  /** What the lowest value means, where it is special (0: no limit, never expires) */
  zeroMeans?: MessageKey;
}

export const SESSION_FIELDS: SecurityPolicyNumberField[] = [
  { path: ['sessions', 'userLimit'], label: 'securityPolicy.userLimit', min: 0, max: 100, zeroMeans: 'securityPolicy.zeroUnlimited' },
  { path: ['sessions', 'adminLimit'], label: 'securityPolicy.adminLimit', min: 1, max: 100 },
];

export const PASSWORD_FIELDS: SecurityPolicyNumberField[] = [
  { path: ['password', 'minLength'], label: 'securityPolicy.minLength', min: 8, max: 128 },
  { path: ['password', 'minClasses'], label: 'securityPolicy.minClasses', min: 1, max: 4 },
  { path: ['password', 'minUnpredictable'], label: 'securityPolicy.minUnpredictable', min: 0, max: 32 },
  { path: ['password', 'maxAgeDays'], label: 'securityPolicy.maxAgeDays', min: 0, max: 3650, zeroMeans: 'securityPolicy.zeroNeverExpires' },
  { path: ['password', 'historyCount'], label: 'securityPolicy.historyCount', min: 0, max: 24 },
];

/** The second-factor requirements from the weakest to the strongest. */
export const SECOND_FACTOR_ORDER: readonly SecondFactorRequirement[] = ['off', 'administrators', 'everyone'];

export type LooserPolicyChange =
  | { kind: 'user_limit'; before: number; after: number }
  | { kind: 'admin_limit'; before: number; after: number }
  | { kind: 'second_factor'; before: SecondFactorRequirement; after: SecondFactorRequirement }
  | { kind: 'password_looser' };

/** A session limit where 0 means none: is `after` looser than `before`? */
function limitLooser(before: number, after: number, zeroIsUnlimited: boolean): boolean {
  if (zeroIsUnlimited && after === 0) return before !== 0;
  if (zeroIsUnlimited && before === 0) return false;
  return after > before;
}

/** What in `after` loosens the policy compared with `before` (empty: save at once). */
export function looserPolicyChanges(before: SecurityPolicyValues, after: SecurityPolicyValues): LooserPolicyChange[] {
  const changes: LooserPolicyChange[] = [];
  if (limitLooser(before.sessions.userLimit, after.sessions.userLimit, true)) {
    changes.push({ kind: 'user_limit', before: before.sessions.userLimit, after: after.sessions.userLimit });
  }
  if (limitLooser(before.sessions.adminLimit, after.sessions.adminLimit, false)) {
    changes.push({ kind: 'admin_limit', before: before.sessions.adminLimit, after: after.sessions.adminLimit });
  }
  if (SECOND_FACTOR_ORDER.indexOf(after.secondFactor) < SECOND_FACTOR_ORDER.indexOf(before.secondFactor)) {
    changes.push({ kind: 'second_factor', before: before.secondFactor, after: after.secondFactor });
  }
  const b = before.password;
  const a = after.password;
  const bannedRemoved = b.bannedWords.some((word) => !a.bannedWords.includes(word));
  if (
    a.minLength < b.minLength ||
    a.minClasses < b.minClasses ||
    (b.blockCommon && !a.blockCommon) ||
    a.minUnpredictable < b.minUnpredictable ||
    limitLooser(b.maxAgeDays, a.maxAgeDays, true) ||
    a.historyCount < b.historyCount ||
    bannedRemoved
  ) {
    changes.push({ kind: 'password_looser' });
  }
  return changes;
}
