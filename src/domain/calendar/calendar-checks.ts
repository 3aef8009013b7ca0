/**
 * Checks on calendar data for administrators: consecutive working days around holidays, and
 * coverage of the coming year.
 */
import type { CalendarData, CalendarFinding } from './calendar-types.ts';
import { type IsoDate, addDays, makeIsoDate, parseIsoDate } from './iso-date.ts';
import { type RegionArgument, type WorkingDayCalendar, createWorkingDayCalendar } from './working-day-calendar.ts';

/** The 2024 revision of 《全国年节及纪念日放假办法》 applies from 2025. */
export const CONSECUTIVE_RULE_FIRST_YEAR = 2025;
/** Longest run of working days the revised arrangement principles allow around a holiday. */
export const MAX_CONSECUTIVE_WORKING_DAYS = 6;

/**
 * Runs of more than 6 consecutive working days touching a holiday or make-up working day in `year`
 * (from 2025 on; earlier years return no findings). A run is reported when it contains a make-up
 * working day or borders a holiday; ordinary weeks never exceed 5.
 */
export function checkConsecutiveWorkingDays(calendar: WorkingDayCalendar, year: number, region?: RegionArgument): CalendarFinding[] {
  if (year < CONSECUTIVE_RULE_FIRST_YEAR) return [];
  const findings: CalendarFinding[] = [];
  const first = makeIsoDate(year, 1, 1);
  if (!first) return [];
  // Look a fortnight past both ends so runs crossing New Year are seen whole.
  const start = addDays(first, -14);
  const end = addDays(`${year}-12-31`, 14);
  let run: IsoDate[] = [];
  let runHasSpecial = false;
  let dayBeforeRunWasHoliday = false;
  let previousWasHoliday = false;
  const flush = (nextIsHoliday: boolean): void => {
    const touchesYear = run.some((date) => date.startsWith(`${year}-`));
    if (run.length > MAX_CONSECUTIVE_WORKING_DAYS && touchesYear && (runHasSpecial || dayBeforeRunWasHoliday || nextIsHoliday)) {
      findings.push({
        severity: 'warning',
        code: 'too_many_consecutive_working_days',
        message: `${run[0]} 至 ${run[run.length - 1]} 连续工作 ${run.length} 天，超过 ${MAX_CONSECUTIVE_WORKING_DAYS} 天（2024年修订的《全国年节及纪念日放假办法》施行后的调休原则），请核对`,
      });
    }
    run = [];
    runHasSpecial = false;
  };
  for (let date = start; date <= end; date = addDays(date, 1)) {
    const answer = calendar.isWorkingDay(date, region);
    const isHoliday = answer.kind === 'holiday' || answer.kind === 'regional_holiday';
    if (answer.isWorkingDay) {
      if (run.length === 0) dayBeforeRunWasHoliday = previousWasHoliday;
      run.push(date);
      if (answer.kind === 'make_up_working_day' || answer.kind === 'regional_make_up_working_day') runHasSpecial = true;
    } else if (run.length > 0) {
      flush(isHoliday);
    }
    previousWasHoliday = isHoliday;
  }
  if (run.length > 0) flush(false);
  return findings;
}

/**
 * From 1 November, a warning while next year's national calendar is not loaded; any day, a warning
 * while the current year's is not.
 */
export function coverageWarning(today: IsoDate, data: CalendarData | WorkingDayCalendar): CalendarFinding | null {
  const parts = parseIsoDate(today);
  if (!parts) return null;
  const calendar = 'isNationallyCovered' in data ? data : createWorkingDayCalendar(data);
  if (!calendar.isNationallyCovered(parts.year)) {
    return {
      severity: 'warning',
      code: 'current_year_not_loaded',
      message: `全国${parts.year}年节假日安排尚未载入，工作日除元旦、劳动节、国庆节等固定日期的法定节假日外按周末计算，且标为暂定；请载入《国务院办公厅关于${parts.year}年部分节假日安排的通知》`,
    };
  }
  if (parts.month >= 11 && !calendar.isNationallyCovered(parts.year + 1)) {
    return {
      severity: 'warning',
      code: 'next_year_not_loaded',
      message: `全国${parts.year + 1}年节假日安排尚未载入；国务院办公厅通知发布后请及时载入，在此之前跨入${parts.year + 1}年的期限均为暂定`,
    };
  }
  return null;
}
