/** Security tables of migrations/0009_audit_hardening.sql and 0016_security_level3.sql. */
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './platform.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Failed sign-ins under a name without an account: counted and locked like an account's. */
export const signInAttempts = pgTable('sign_in_attempts', {
  username: text('username').primaryKey(),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  updatedAt: timestamptz('updated_at').notNull(),
});

/** Password hashes an account used before (0016): no reuse of the last N. */
export const passwordHistory = pgTable('password_history', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id),
  passwordHash: text('password_hash').notNull(),
  replacedAt: timestamptz('replaced_at').notNull(),
}, (t) => [index('password_history_account_idx').on(t.accountId, t.id)]);

/** Second-factor recovery codes (0016), kept as keyed hashes; each used once. */
export const recoveryCodes = pgTable('recovery_codes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id),
  codeHash: text('code_hash').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  usedAt: timestamptz('used_at'),
}, (t) => [index('recovery_codes_account_idx').on(t.accountId)]);

export type SignInAttemptRow = typeof signInAttempts.$inferSelect;
export type PasswordHistoryRow = typeof passwordHistory.$inferSelect;

/** Security alerts (0017): one per (kind, window_key); the audit administrator acknowledges them. */
export const securityAlerts = pgTable('security_alerts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  windowKey: text('window_key').notNull(),
  detail: jsonb('detail').notNull(),
  raisedAt: timestamptz('raised_at').notNull(),
  acknowledgedAt: timestamptz('acknowledged_at'),
  acknowledgedBy: text('acknowledged_by').references(() => accounts.id),
}, (t) => [uniqueIndex('security_alerts_kind_window_key').on(t.kind, t.windowKey), index('security_alerts_raised_idx').on(t.raisedAt)]);

/** Claims of the security sweep's periodic work (0017): the first to insert a window does it. */
export const securitySweepClaims = pgTable('security_sweep_claims', {
  name: text('name').notNull(),
  windowStart: timestamptz('window_start').notNull(),
  claimedAt: timestamptz('claimed_at').notNull(),
}, (t) => [primaryKey({ columns: [t.name, t.windowStart] })]);

/** How far the security sweep's event scan has read the audit trail (0017), per scan name. */
export const securitySweepCursors = pgTable('security_sweep_cursors', {
  name: text('name').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export type SecurityAlertRow = typeof securityAlerts.$inferSelect;
