/**
 * The working-day calendar's data, all plain JSON-serialisable values: the committed national
 * snapshot, regional rules, and the notices an administrator has loaded (persisted by the
 * database layer and passed in).
 */
import type { IsoDate } from './iso-date.ts';

/** The notice a year's national arrangement comes from. */
export interface NoticeReference {
  /** e.g. 国务院办公厅关于2025年部分节假日安排的通知 */
  title: string;
  /** e.g. 国办发明电〔2024〕12号; null where no source for it is at hand. */
  docNumber: string | null;
  /** Later notices that changed the arrangement (2020: 延长春节假期). */
  amendments?: string[];
}

export interface NationalSnapshotYear {
  notice: NoticeReference;
  /** Every day off of the arrangement, weekend days inside a holiday range included. */
  holidays: IsoDate[];
  /** Weekend days worked (调休上班). */
  makeUpWorkingDays: IsoDate[];
  /** Festival name per date, for display. */
  festivals: Record<IsoDate, string>;
}

export interface NationalSnapshot {
  /** Where the data was taken from, e.g. `chinese-days 1.5.7`. */
  source: string;
  /** When the snapshot was generated. */
  snapshotDate: IsoDate;
  /** Keyed by the year of the dates (a notice's late-December days sit under that year). */
  years: Record<string, NationalSnapshotYear>;
}

/** `national`, or the GB/T 2260 code of the region the notice applies to (e.g. `450000`). */
export type NoticeScope = 'national' | string;

/** A holiday notice an administrator has reviewed and applied. Overrides the snapshot for its scope and year. */
export interface LoadedNotice {
  scope: NoticeScope;
  year: number;
  holidays: IsoDate[];
  makeUpWorkingDays: IsoDate[];
  /** Title of the source notice. */
  sourceTitle: string;
  docNumber?: string | null;
  /** Festival name per date, for display. */
  festivals?: Record<IsoDate, string>;
  /** ISO instant the notice was applied. A later load for the same scope and year replaces an earlier one. */
  loadedAt: string;
  /** Who applied it (user id or name), for the audit trail. */
  loadedBy?: string;
}

/** The days of one regional holiday in one year. */
export interface RegionalHolidayDays {
  year: number;
  holidays: IsoDate[];
  makeUpWorkingDays: IsoDate[];
  /** `computed` from a rule (e.g. the lunar calendar); `reported` from a published notice as reposted. */
  basis: 'computed' | 'reported';
  /** Where the days come from (regulation, notice, repost address). */
  source: string;
}

/** A holiday a region keeps besides the national ones (广西 壮族三月三, 新疆 古尔邦节 …). */
export interface RegionalHolidayRule {
  /** Stable id, e.g. `guangxi-march-third`. */
  id: string;
  /** Province-level (or lower) GB/T 2260 code; applies to the region and every code below it. */
  regionCode: string;
  /** Display name, e.g. 壮族三月三. */
  name: string;
  /** The legal basis, as far as it is sourced. */
  basis: string;
  /** First year the holiday was kept, when known. */
  sinceYear: number | null;
  /** Known or computed days per year. */
  years: RegionalHolidayDays[];
  /**
   * True when the dates cannot be computed ahead (Islamic and Tibetan calendars are fixed each year
   * by announcement): for a year with neither known days nor a loaded regional notice, every answer
   * for the region that year is provisional.
   */
  datesAnnouncedYearly: boolean;
}

/** Everything the calendar needs. */
export interface CalendarData {
  national: NationalSnapshot;
  regionalRules: RegionalHolidayRule[];
  notices: LoadedNotice[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up_working_day' | 'regional_holiday' | 'regional_make_up_working_day';

export interface DayAnswer {
  date: IsoDate;
  isWorkingDay: boolean;
  kind: DayKind;
  /** Festival name where the day belongs to one. */
  festival: string | null;
  provisional: boolean;
  /** Chinese reasons naming the year or region not covered (empty when not provisional). */
  reasons: string[];
}

export interface AddWorkingDaysAnswer {
  start: IsoDate;
  workingDays: number;
  /** The n-th working day after `start` (before it, for negative n; `start` itself for 0). */
  result: IsoDate;
  provisional: boolean;
  reasons: string[];
}

export interface WorkingDaysBetweenAnswer {
  from: IsoDate;
  to: IsoDate;
  /** Working days in (from, to] when to ≥ from; minus the working days in [to, from) otherwise. */
  workingDays: number;
  provisional: boolean;
  reasons: string[];
}

export type FindingSeverity = 'error' | 'warning';

/** A problem found in data or input, in Chinese. */
export interface CalendarFinding {
  severity: FindingSeverity;
  code: string;
  message: string;
}
