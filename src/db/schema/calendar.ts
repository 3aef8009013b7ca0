/** Calendar tables: the holiday notices an administrator has applied. Mirrors migrations/0003_calendar.sql. */
import { type AnyPgColumn, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { isNull } from 'drizzle-orm';
import type { CalendarFinding } from '../../domain/calendar/calendar-types.ts';
import { accounts } from './platform.ts';

export const calendarNotices = pgTable(
  'calendar_notices',
  {
    id: text('id').primaryKey(),
    /** `national` or a GB/T 2260 region code. */
    scope: text('scope').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    holidays: jsonb('holidays').$type<string[]>().notNull(),
    makeUpWorkingDays: jsonb('make_up_working_days').$type<string[]>().notNull(),
    festivals: jsonb('festivals').$type<Record<string, string>>().notNull(),
    findings: jsonb('findings').$type<CalendarFinding[]>().notNull(),
    originalText: text('original_text').notNull(),
    textHash: text('text_hash').notNull(),
    loadedBy: text('loaded_by').references(() => accounts.id),
    loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
    supersededBy: text('superseded_by').references((): AnyPgColumn => calendarNotices.id),
  },
  (t) => [
    uniqueIndex('calendar_notices_current_idx').on(t.scope, t.year).where(isNull(t.supersededAt)),
    index('calendar_notices_scope_year_idx').on(t.scope, t.year, t.loadedAt),
  ],
);

export type CalendarNoticeRow = typeof calendarNotices.$inferSelect;
export type NewCalendarNotice = typeof calendarNotices.$inferInsert;
