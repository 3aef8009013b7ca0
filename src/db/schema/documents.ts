/** Documents: mirrors migrations/0006_documents.sql (calendar subscription feed tokens). */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './platform.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const calendarFeedTokens = pgTable('calendar_feed_tokens', {
  id: text('id').primaryKey(),
  accountId: text('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  /** SM3 of the token; the token itself is shown once and never stored */
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamptz('created_at').notNull(),
  revokedAt: timestamptz('revoked_at'),
  lastUsedAt: timestamptz('last_used_at'),
});

export type CalendarFeedTokenRow = typeof calendarFeedTokens.$inferSelect;
