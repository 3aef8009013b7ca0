/** Security tables of migrations/0009_audit_hardening.sql: failed sign-ins under unknown names. */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Failed sign-ins under a name without an account: counted and locked like an account's. */
export const signInAttempts = pgTable('sign_in_attempts', {
  username: text('username').primaryKey(),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  updatedAt: timestamptz('updated_at').notNull(),
});

export type SignInAttemptRow = typeof signInAttempts.$inferSelect;
