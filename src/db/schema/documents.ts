/** Documents: mirrors migrations/0006_documents.sql (calendar subscription feed tokens). */
import { isNull } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
}, (t) => [
  uniqueIndex('calendar_feed_tokens_hash_unique').on(t.tokenHash),
  uniqueIndex('calendar_feed_tokens_live_unique').on(t.accountId).where(isNull(t.revokedAt)),
]);

export type CalendarFeedTokenRow = typeof calendarFeedTokens.$inferSelect;
