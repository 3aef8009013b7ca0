/** Platform tables: accounts, sessions, audit trail, outbox, settings. Mirrors migrations/0001_platform.sql. */
import { isNull, sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// accounts.person_id → people and account_body_grants.body_id → bodies are foreign keys added by
// 0002_bodies.sql; they are not declared here, since this file would then import bodies.ts, which
// imports it (test/structure/migrations-schema.test.ts lists them as the known exceptions).
export const accounts = pgTable('accounts', {
  id: text('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  disabled: boolean('disabled').notNull().default(false),
  isSystemAdmin: boolean('is_system_admin').notNull().default(false),
  isSecurityAdmin: boolean('is_security_admin').notNull().default(false),
  isAuditAdmin: boolean('is_audit_admin').notNull().default(false),
  /** An administrator account waiting for its duty's activation (migration 0009) */
  activationPending: boolean('activation_pending').notNull().default(false),
  personId: text('person_id'),
  passwordChangedAt: timestamptz('password_changed_at'),
  lastSignInAt: timestamptz('last_sign_in_at'),
  /** TOTP secret, SM4-encrypted with a key derived from the audit key (migration 0016) */
  totpSecret: text('totp_secret'),
  /** When a code confirmed the TOTP enrolment (null: not enrolled) */
  totpEnabledAt: timestamptz('totp_enabled_at'),
  /** The last TOTP time step accepted (a code is used once) */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: timestamptz('created_at').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
}, (t) => [
  uniqueIndex('accounts_username_key').on(t.username),
  index('accounts_person_id_idx').on(t.personId),
  // The audit trail's search by an actor's names (migrations/0021)
  index('accounts_display_name_trgm_idx').using('gin', t.displayName.op('gin_trgm_ops')),
  index('accounts_username_trgm_idx').using('gin', t.username.op('gin_trgm_ops')),
]);

export const accountBodyGrants = pgTable('account_body_grants', {
  id: text('id').primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id),
  bodyId: text('body_id').notNull(),
  role: text('role', { enum: ['office_staff', 'viewer'] }).notNull(),
  grantedBy: text('granted_by').references(() => accounts.id),
  grantedAt: timestamptz('granted_at').notNull(),
}, (t) => [uniqueIndex('account_body_grants_unique').on(t.accountId, t.bodyId, t.role), index('account_body_grants_body_idx').on(t.bodyId)]);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id),
  createdAt: timestamptz('created_at').notNull(),
  lastSeenAt: timestamptz('last_seen_at').notNull(),
  endedAt: timestamptz('ended_at'),
  endReason: text('end_reason', {
    enum: ['signed_out', 'idle_timeout', 'absolute_timeout', 'password_changed', 'account_disabled', 'revoked'],
  }),
  clientAddress: text('client_address'),
  userAgent: text('user_agent'),
}, (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_account_idx').on(t.accountId)]);

export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  occurredAt: timestamptz('occurred_at').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
  clientAddress: text('client_address'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  /** success | failure (migration 0009) */
  result: text('result', { enum: ['success', 'failure'] }).notNull().default('success'),
  /** 1: SM3 chain without key (before 0009); 2: HMAC-SM3 with the configured audit key */
  hashVersion: smallint('hash_version').notNull().default(1),
}, (t) => [
  index('audit_log_occurred_at_idx').on(t.occurredAt),
  // 0015 (issue 16): searches newest first
  index('audit_log_actor_idx').on(t.actorId, t.seq),
  index('audit_log_action_idx').on(t.action, t.seq),
  index('audit_log_entity_idx').on(t.entityType, t.entityId, t.seq),
]);

export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  availableAt: timestamptz('available_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  claimedUntil: timestamptz('claimed_until'),
  sentAt: timestamptz('sent_at'),
  lastError: text('last_error'),
  /** Added by 0005: the body a delivery belongs to (its office sees failing deliveries) */
  bodyId: text('body_id'),
  /** Added by 0005: when the sender gave up after the last attempt */
  failedAt: timestamptz('failed_at'),
}, (t) => [
  index('outbox_pending_idx').on(t.availableAt).where(isNull(t.sentAt)),
  index('outbox_body_failing_idx').on(t.bodyId).where(sql`${t.sentAt} is null and ${t.attempts} > 0`),
]);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
  updatedBy: text('updated_by').references(() => accounts.id),
});

export type AccountRow = typeof accounts.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AuditLogRow = typeof auditLog.$inferSelect;
export type AccountBodyGrantRow = typeof accountBodyGrants.$inferSelect;
