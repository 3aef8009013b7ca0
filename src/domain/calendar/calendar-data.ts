/**
 * The calendar data Lianxi ships: the committed national snapshot (generated from chinese-days by
 * `scripts/generate-calendar-snapshot.ts`) and the regional rules, plus whatever notices the caller
 * has loaded (persisted by the database layer).
 */
import nationalSnapshot from './data/national-snapshot.json' with { type: 'json' };
import type { CalendarData, LoadedNotice, NationalSnapshot } from './calendar-types.ts';
import { REGIONAL_HOLIDAY_RULES } from './regional-rules.ts';

export const NATIONAL_SNAPSHOT: NationalSnapshot = nationalSnapshot;

export function defaultCalendarData(notices: LoadedNotice[] = []): CalendarData {
  return { national: NATIONAL_SNAPSHOT, regionalRules: [...REGIONAL_HOLIDAY_RULES], notices };
}
