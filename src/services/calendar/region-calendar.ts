/**
 * The working-day calendar wired to the database: the shipped data (national snapshot, regional
 * rules) plus the holiday notices an administrator has applied, bound to a region or a body's region.
 * Other services count deadlines with `loadBodyCalendar` / `loadRegionCalendar`.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { CalendarNoticeRow } from '../../db/schema/calendar.ts';
import {
  type AddWorkingDaysAnswer,
  type DayAnswer,
  type IsoDate,
  type LoadedNotice,
  type WorkingDayCalendar,
  type WorkingDaysBetweenAnswer,
  InvalidDateError,
  UnknownRegionError,
  createWorkingDayCalendar,
  defaultCalendarData,
} from '../../domain/calendar/index.ts';
import { getRegion } from '../../domain/region/regions.ts';
import { AppError } from '../../errors/app-error.ts';
import { findBodyById } from '../../repositories/body-repository.ts';
import { listCurrentCalendarNotices } from '../../repositories/calendar-notice-repository.ts';

/** A working-day calendar bound to one region (or the nation), including the applied notices. */
export interface RegionCalendar {
  /** GB/T 2260 code the answers are for; null = national calendar. */
  readonly regionCode: string | null;
  /** Full name of the region (南宁市); null for national. */
  readonly regionName: string | null;
  /** The unbound calendar, for year views and checks. */
  readonly calendar: WorkingDayCalendar;
  /** Throws AppError 400 (field `date`) for an invalid date. */
  isWorkingDay(date: IsoDate): DayAnswer;
  /** The n-th working day after `start`; throws AppError 400 (field `start` / `workingDays`). */
  addWorkingDays(start: IsoDate, workingDays: number): AddWorkingDaysAnswer;
  /** Working days in (from, to]; throws AppError 400 (field `from` / `to`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): WorkingDaysBetweenAnswer;
}

/** The applied notices in force, as the domain takes them. */
export function toDomainNotice(row: CalendarNoticeRow): LoadedNotice {
  return {
    scope: row.scope,
    year: row.year,
    holidays: row.holidays,
    makeUpWorkingDays: row.makeUpWorkingDays,
    festivals: row.festivals,
    sourceTitle: row.title,
    docNumber: row.docNumber,
    loadedAt: row.loadedAt.toISOString(),
    ...(row.loadedBy ? { loadedBy: row.loadedBy } : {}),
  };
}

/** The whole calendar: shipped data plus every applied notice in force. */
export async function loadWorkingDayCalendar(db: DbOrTx): Promise<WorkingDayCalendar> {
  const rows = await listCurrentCalendarNotices(db);
  return createWorkingDayCalendar(defaultCalendarData(rows.map(toDomainNotice)));
}

/** `national` / null / '' → null; a known GB/T 2260 code → the code; anything else → AppError naming `field`. */
export function normalizeRegionCode(regionCode: string | null | undefined, field = 'region'): string | null {
  if (regionCode === null || regionCode === undefined) return null;
  const code = regionCode.trim();
  if (code === '' || code === 'national') return null;
  if (!getRegion(code)) {
    throw new AppError('unknown_region', `行政区划代码“${regionCode}”无效，应为六位 GB/T 2260 代码（如 450100 南宁市）`, { field });
  }
  return code;
}

/** Runs a domain call, turning its RangeErrors (bad date, bad count, bad region) into AppErrors naming the field. */
function withFields<T>(run: () => T, fieldOf: (error: RangeError) => string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UnknownRegionError) throw new AppError('unknown_region', error.message, { field: 'region', cause: error });
    if (error instanceof RangeError) throw new AppError('invalid_calendar_input', error.message, { field: fieldOf(error), cause: error });
    throw error;
  }
}

/** The field a bad date came from: the one whose value the error names, else the last. */
function dateField(error: RangeError, fields: Array<[string, string]>): string {
  if (error instanceof InvalidDateError) {
    const match = fields.find(([, value]) => value === error.input);
    if (match) return match[0];
  }
  return fields[fields.length - 1]?.[0] ?? 'date';
}

/** Binds a calendar to a region; `extraReason` (when set) makes every answer provisional with it. */
export function bindRegionCalendar(calendar: WorkingDayCalendar, regionCode: string | null, extraReason: string | null = null): RegionCalendar {
  const region = regionCode === null ? null : getRegion(regionCode);
  const mark = <A extends { provisional: boolean; reasons: string[] }>(answer: A): A =>
    extraReason === null ? answer : { ...answer, provisional: true, reasons: [...answer.reasons, extraReason] };
  return {
    regionCode: region ? region.code : null,
    regionName: region ? region.name : null,
    calendar,
    isWorkingDay(date) {
      return mark(withFields(() => calendar.isWorkingDay(date, region?.code), () => 'date'));
    },
    addWorkingDays(start, workingDays) {
      return mark(
        withFields(
          () => calendar.addWorkingDays(start, workingDays, region?.code),
          (error) => (error instanceof InvalidDateError ? 'start' : 'workingDays'),
        ),
      );
    },
    workingDaysBetween(from, to) {
      return mark(
        withFields(
          () => calendar.workingDaysBetween(from, to, region?.code),
          (error) => dateField(error, [['from', from], ['to', to]]),
        ),
      );
    },
  };
}

/**
 * The calendar of a region (GB/T 2260 code; null or `national` for the national calendar), with the
 * applied notices: a prefecture or county also keeps its province's holidays (南宁 450100 → 广西 450000).
 * Throws AppError 400 (field `region`) for an unknown code.
 */
export async function loadRegionCalendar(db: DbOrTx, options: { regionCode: string | null }): Promise<RegionCalendar> {
  const code = normalizeRegionCode(options.regionCode);
  return bindRegionCalendar(await loadWorkingDayCalendar(db), code);
}

/**
 * The calendar of a body: its region (bodies.region_code, from its charter) and that region's
 * ancestors. A body without a region uses the national calendar; a body whose stored region code is
 * not a known GB/T 2260 code uses the national calendar and every answer is provisional, saying so.
 * Throws AppError 404 (field `bodyId`) when the body does not exist.
 */
export async function loadBodyCalendar(db: DbOrTx, options: { bodyId: string }): Promise<RegionCalendar> {
  const body = await findBodyById(db, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  return bindBodyCalendar(await loadWorkingDayCalendar(db), body.regionCode);
}

/** A body's calendar from the loaded notices and its stored region code (same rules as `loadBodyCalendar`). */
export function bindBodyCalendar(calendar: WorkingDayCalendar, regionCode: string | null): RegionCalendar {
  const stored = regionCode?.trim() ?? '';
  if (stored === '' || stored === 'national') return bindRegionCalendar(calendar, null);
  if (!getRegion(stored)) {
    return bindRegionCalendar(calendar, null, `机构所在地区代码“${stored}”不是有效的行政区划代码，暂按全国日历计算，未计入地方节假日`);
  }
  return bindRegionCalendar(calendar, stored);
}
