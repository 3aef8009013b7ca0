/**
 * The calendar as administrators read it: the coverage warning (next year's national arrangement
 * not loaded yet) and a year's view of every day with the arrangement it comes from.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { CalendarNoticeRow } from '../../db/schema/calendar.ts';
import {
  type CalendarFinding,
  type DayAnswer,
  type IsoDate,
  addDays,
  coverageWarning,
  createWorkingDayCalendar,
  defaultCalendarData,
  makeIsoDate,
  parseIsoDate,
  yearOf,
} from '../../domain/calendar/index.ts';
import { getRegion } from '../../domain/region/regions.ts';
import { AppError } from '../../errors/app-error.ts';
import { listCurrentCalendarNotices } from '../../repositories/calendar-notice-repository.ts';
import { loadWorkingDayCalendar, normalizeRegionCode, toDomainNotice } from './region-calendar.ts';

/**
 * The coverage warning for administrators on `today` (Asia/Shanghai date): from 1 November until
 * next year's national calendar is loaded, and any day while the current year's is not. Null when covered.
 */
export async function calendarCoverage(db: DbOrTx, options: { today: IsoDate }): Promise<CalendarFinding | null> {
  const { today } = options;
  if (!parseIsoDate(today)) throw new AppError('invalid_calendar_input', `日期“${today}”无效`, { field: 'today' });
  return coverageWarning(today, await loadWorkingDayCalendar(db));
}

export interface CoverageReport {
  today: IsoDate;
  warning: CalendarFinding | null;
  /** First and last year the national calendar covers (snapshot and applied notices). */
  nationalYears: { first: number | null; last: number | null };
}

/** The coverage warning with the national years covered, for the administrators' calendar screen. */
export async function getCoverageReport(db: DbOrTx, options: { today: IsoDate }): Promise<CoverageReport> {
  if (!parseIsoDate(options.today)) throw new AppError('invalid_calendar_input', `日期“${options.today}”无效`, { field: 'today' });
  const calendar = await loadWorkingDayCalendar(db);
  const years = calendar.nationalYears();
  return {
    today: options.today,
    warning: coverageWarning(options.today, calendar),
    nationalYears: { first: years[0] ?? null, last: years[years.length - 1] ?? null },
  };
}

/** Where a day's answer comes from. */
export interface DaySource {
  /** `national` or a region code. */
  scope: string;
  /** `notice`: an applied notice; `snapshot`: the shipped national data; `rule`: a shipped regional rule. */
  kind: 'notice' | 'snapshot' | 'rule';
  title: string;
  docNumber: string | null;
  /** Id of the applied notice (kind `notice`). */
  noticeId: string | null;
}

export interface YearViewDay extends DayAnswer {
  weekend: boolean;
  /** The arrangement the day's status comes from; null for an ordinary day of a year without data. */
  source: DaySource | null;
}

export interface YearView {
  year: number;
  regionCode: string | null;
  regionName: string | null;
  /** True when the national arrangement for the year is loaded (snapshot or notice). */
  nationallyCovered: boolean;
  /** The national arrangement of the year, when there is one. */
  national: DaySource | null;
  /** Applied regional notices in force for this year along the region's hierarchy. */
  regionalNotices: DaySource[];
  days: YearViewDay[];
}

/**
 * Every day of `year` for a region (or the nation), with holiday / make-up / weekend flags, festival
 * names, the provisional flag and the arrangement that covers it.
 */
export async function getYearView(db: DbOrTx, options: { year: number; region: string | null }): Promise<YearView> {
  const code = normalizeRegionCode(options.region);
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2200) {
    throw new AppError('invalid_calendar_input', `年份“${options.year}”无效，应在 1900 至 2200 之间`, { field: 'year' });
  }
  const rows = await listCurrentCalendarNotices(db);
  const calendar = createWorkingDayCalendar(defaultCalendarData(rows.map(toDomainNotice)));
  const chain = code === null ? [] : regionChain(code);
  const rowFor = (scope: string, year: number): CalendarNoticeRow | undefined => rows.find((row) => row.scope === scope && row.year === year);

  const nationalSource = (year: number): DaySource | null => {
    const row = rowFor('national', year);
    if (row) return { scope: 'national', kind: 'notice', title: row.title, docNumber: row.docNumber, noticeId: row.id };
    const snapshot = calendar.data.national.years[String(year)];
    if (snapshot) return { scope: 'national', kind: 'snapshot', title: snapshot.notice.title, docNumber: snapshot.notice.docNumber, noticeId: null };
    return null;
  };
  const mentions = (row: { holidays: string[]; makeUpWorkingDays: string[] }, date: IsoDate): boolean =>
    row.holidays.includes(date) || row.makeUpWorkingDays.includes(date);

  const days: YearViewDay[] = [];
  const first = makeIsoDate(options.year, 1, 1);
  if (!first) throw new AppError('invalid_calendar_input', `年份“${options.year}”无效`, { field: 'year' });
  for (let date = first; yearOf(date) === options.year; date = addDays(date, 1)) {
    const answer = calendar.isWorkingDay(date, code);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    let source: DaySource | null = null;
    if (answer.kind === 'regional_holiday' || answer.kind === 'regional_make_up_working_day') {
      for (const scope of chain) {
        const row = [rowFor(scope, options.year), rowFor(scope, options.year + 1)].find((candidate) => candidate && mentions(candidate, date));
        if (row) {
          source = { scope, kind: 'notice', title: row.title, docNumber: row.docNumber, noticeId: row.id };
          break;
        }
        const rule = calendar.data.regionalRules.find((candidate) => candidate.regionCode === scope && candidate.years.some((y) => mentions(y, date)));
        const ruleYear = rule?.years.find((y) => mentions(y, date));
        if (rule && ruleYear) {
          source = { scope, kind: 'rule', title: `${rule.name}：${ruleYear.source}`, docNumber: null, noticeId: null };
          break;
        }
      }
    } else if (answer.kind === 'holiday' || answer.kind === 'make_up_working_day') {
      // A late-December day may belong to next year's arrangement.
      const next = nationalSource(options.year + 1);
      const nextRow = rowFor('national', options.year + 1);
      const nextSnapshot = calendar.data.national.years[String(options.year + 1)];
      const inNext = (nextRow && mentions(nextRow, date)) || (!nextRow && nextSnapshot && mentions(nextSnapshot, date));
      source = inNext ? next : nationalSource(options.year);
    } else {
      source = nationalSource(options.year);
    }
    days.push({ ...answer, weekend: weekday === 0 || weekday === 6, source });
  }

  const regionalNotices: DaySource[] = [];
  for (const scope of chain) {
    const row = rowFor(scope, options.year);
    if (row) regionalNotices.push({ scope, kind: 'notice', title: row.title, docNumber: row.docNumber, noticeId: row.id });
  }
  const region = code === null ? null : getRegion(code);
  return {
    year: options.year,
    regionCode: code,
    regionName: region?.name ?? null,
    nationallyCovered: calendar.isNationallyCovered(options.year),
    national: nationalSource(options.year),
    regionalNotices,
    days,
  };
}

/** The region and its ancestors (南宁市 → 广西), nearest first. */
function regionChain(code: string): string[] {
  const chain: string[] = [];
  let current = getRegion(code);
  while (current) {
    chain.push(current.code);
    current = current.parent === null ? null : getRegion(current.parent);
  }
  return chain;
}
