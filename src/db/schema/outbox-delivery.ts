/**
 * The outbox as the notification sender sees it: `outbox` of 0001 with the columns 0005 adds (the body
 * a row belongs to, when it was given up). Not exported from the schema index, which holds `outbox`.
 */
import { bigserial, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The outbox with the columns 0005 adds (body, given up). Same table as `outbox` of platform.ts. */
export const outboxDeliveries = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  availableAt: timestamptz('available_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  claimedUntil: timestamptz('claimed_until'),
  sentAt: timestamptz('sent_at'),
  lastError: text('last_error'),
  bodyId: text('body_id'),
  failedAt: timestamptz('failed_at'),
});
