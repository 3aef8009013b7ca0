/**
 * The working-day calendar: pure and data-driven. National days come from the committed snapshot,
 * overridden per year by loaded national notices; regional days come from loaded regional notices
 * or, until one is loaded for the year, from the regional rules (and are then provisional).
 */
import { getRegion, regionAncestors } from '../region/regions.ts';
import type {
  AddWorkingDaysAnswer,
  CalendarData,
  DayAnswer,
  DayKind,
  LoadedNotice,
  NationalSnapshotYear,
  RegionalHolidayDays,
  RegionalHolidayRule,
  WorkingDaysBetweenAnswer,
} from './calendar-types.ts';
import { fixedStatutoryHolidays } from './fixed-holidays.ts';
import { type IsoDate, addDays, fromDayNumber, isWeekend, toDayNumber, yearOf } from './iso-date.ts';

/** Largest |n| accepted by addWorkingDays (about 40 years of working days). */
export const MAX_WORKING_DAYS = 10_000;

/** Raised for a region code that is neither `national` nor a known GB/T 2260 code. */
export class UnknownRegionError extends RangeError {
  constructor(readonly code: string) {
    super(`行政区划代码“${code}”无效，应为六位 GB/T 2260 代码（如 450100 南宁市）`);
    this.name = 'UnknownRegionError';
  }
}

/** A region argument: a GB/T 2260 code, or `national` / null / undefined for the national calendar. */
export type RegionArgument = string | null | undefined;

interface Arrangement {
  holidays: Set<IsoDate>;
  makeUpWorkingDays: Set<IsoDate>;
  festivals: Record<IsoDate, string>;
  title: string;
}

/** A regional holiday day window whose answers are provisional, with the reason. */
interface RuleYear {
  rule: RegionalHolidayRule;
  days: RegionalHolidayDays;
  holidays: Set<IsoDate>;
  makeUpWorkingDays: Set<IsoDate>;
  windowStart: number;
  windowEnd: number;
}

/** Days around a computed regional holiday that the region's notice may still move or add. */
const COMPUTED_WINDOW_DAYS = 7;

export interface WorkingDayCalendar {
  readonly data: CalendarData;
  isWorkingDay(date: IsoDate, region?: RegionArgument): DayAnswer;
  addWorkingDays(start: IsoDate, workingDays: number, region?: RegionArgument): AddWorkingDaysAnswer;
  workingDaysBetween(from: IsoDate, to: IsoDate, region?: RegionArgument): WorkingDaysBetweenAnswer;
  /** True when the snapshot or a loaded national notice has this year. */
  isNationallyCovered(year: number): boolean;
  /** Years covered nationally, ascending. */
  nationalYears(): number[];
  /** The loaded notice in force for this scope and year, if any. */
  noticeFor(scope: string, year: number): LoadedNotice | null;
  /** Every day of the year that is not an ordinary weekday or weekend day, for display and checks. */
  specialDays(year: number, region?: RegionArgument): DayAnswer[];
}

function toArrangement(source: { holidays: IsoDate[]; makeUpWorkingDays: IsoDate[]; festivals?: Record<IsoDate, string> }, title: string): Arrangement {
  return {
    holidays: new Set(source.holidays),
    makeUpWorkingDays: new Set(source.makeUpWorkingDays),
    festivals: source.festivals ?? {},
    title,
  };
}

/** The latest-loaded notice per `scope|year`. */
function indexNotices(notices: LoadedNotice[]): Map<string, LoadedNotice> {
  const byKey = new Map<string, LoadedNotice>();
  for (const notice of notices) {
    const key = `${notice.scope}|${notice.year}`;
    const current = byKey.get(key);
    if (!current || current.loadedAt <= notice.loadedAt) byKey.set(key, notice);
  }
  return byKey;
}

export function createWorkingDayCalendar(data: CalendarData): WorkingDayCalendar {
  const notices = indexNotices(data.notices);
  const national = new Map<number, Arrangement>();
  for (const [yearText, year] of Object.entries(data.national.years) as Array<[string, NationalSnapshotYear]>) {
    national.set(Number(yearText), toArrangement(year, year.notice.title));
  }
  const regionalNotices = new Map<string, Arrangement>();
  for (const [key, notice] of notices) {
    const arrangement = toArrangement(notice, notice.sourceTitle);
    if (notice.scope === 'national') national.set(notice.year, arrangement);
    else regionalNotices.set(key, arrangement);
  }
  const rulesByRegion = new Map<string, RuleYear[]>();
  const yearlyRulesByRegion = new Map<string, RegionalHolidayRule[]>();
  for (const rule of data.regionalRules) {
    const list: RuleYear[] = [];
    for (const days of rule.years) {
      const all = [...days.holidays, ...days.makeUpWorkingDays].map(toDayNumber);
      const margin = days.basis === 'computed' ? COMPUTED_WINDOW_DAYS : 0;
      list.push({
        rule,
        days,
        holidays: new Set(days.holidays),
        makeUpWorkingDays: new Set(days.makeUpWorkingDays),
        windowStart: Math.min(...all) - margin,
        windowEnd: Math.max(...all) + margin,
      });
    }
    rulesByRegion.set(rule.regionCode, [...(rulesByRegion.get(rule.regionCode) ?? []), ...list]);
    if (rule.datesAnnouncedYearly) yearlyRulesByRegion.set(rule.regionCode, [...(yearlyRulesByRegion.get(rule.regionCode) ?? []), rule]);
  }

  function resolveRegion(region: RegionArgument): string[] {
    if (region === null || region === undefined || region === '' || region === 'national') return [];
    const code = region.trim();
    if (!getRegion(code)) throw new UnknownRegionError(region);
    return regionAncestors(code).map((r) => r.code);
  }

  function regionName(code: string): string {
    return getRegion(code)?.name ?? code;
  }

  /** The arrangement of `scope` that mentions `date`: its own year's, else next year's (late-December days). */
  function lookup(get: (year: number) => Arrangement | undefined, date: IsoDate): Arrangement | undefined {
    const year = yearOf(date);
    for (const candidate of [get(year), get(year + 1)]) {
      if (candidate && (candidate.holidays.has(date) || candidate.makeUpWorkingDays.has(date))) return candidate;
    }
    return undefined;
  }

  function answerDay(date: IsoDate, chain: string[]): DayAnswer {
    const dayNumber = toDayNumber(date);
    const year = yearOf(date);
    const reasons: string[] = [];
    let decided: { kind: DayKind; working: boolean; festival: string | null } | null = null;

    // 1. Loaded regional notices, most specific scope first.
    for (const scope of chain) {
      if (decided) break;
      const arrangement = lookup((y) => regionalNotices.get(`${scope}|${y}`), date);
      if (!arrangement) continue;
      const festival = arrangement.festivals[date] ?? null;
      if (arrangement.makeUpWorkingDays.has(date)) decided = { kind: 'regional_make_up_working_day', working: true, festival };
      else decided = { kind: 'regional_holiday', working: false, festival };
    }

    // 2. Regional rules for the years whose regional notice is not loaded (provisional).
    for (const scope of chain) {
      if (notices.has(`${scope}|${year}`)) continue;
      for (const ruleYear of rulesByRegion.get(scope) ?? []) {
        if (ruleYear.days.year !== year || dayNumber < ruleYear.windowStart || dayNumber > ruleYear.windowEnd) continue;
        const { rule, days } = ruleYear;
        const dates = days.holidays.join('、');
        reasons.push(
          days.basis === 'computed'
            ? `${regionName(scope)}${year}年“${rule.name}”放假通知尚未载入，暂按规定推算${dates}放假`
            : `${regionName(scope)}${year}年“${rule.name}”放假日期（${dates}）取自转载的通知，原通知尚未载入`,
        );
        if (decided) continue;
        if (ruleYear.makeUpWorkingDays.has(date)) decided = { kind: 'regional_make_up_working_day', working: true, festival: rule.name };
        else if (ruleYear.holidays.has(date)) decided = { kind: 'regional_holiday', working: false, festival: rule.name };
      }
      for (const rule of yearlyRulesByRegion.get(scope) ?? []) {
        if (rule.sinceYear !== null && year < rule.sinceYear) continue;
        if (rule.years.some((days) => days.year === year)) continue;
        reasons.push(`${regionName(scope)}${year}年${rule.name}放假日期尚未载入，未计入`);
      }
    }

    // 3. National arrangement.
    if (!national.has(year)) {
      reasons.push(`全国${year}年节假日安排尚未载入（国务院办公厅关于${year}年部分节假日安排的通知），${year}年除元旦、劳动节、国庆节等固定日期的法定节假日外暂按周末计算`);
    }
    if (!decided) {
      const arrangement = lookup((y) => national.get(y), date);
      if (arrangement) {
        const festival = arrangement.festivals[date] ?? null;
        if (arrangement.makeUpWorkingDays.has(date)) decided = { kind: 'make_up_working_day', working: true, festival };
        else decided = { kind: 'holiday', working: false, festival };
      }
    }
    // 3a. A year not yet announced still has its fixed-date holidays (元旦, 劳动节, 国庆节): only the
    // bridges and make-up days are unknown, so the day is a holiday, the answer still provisional.
    if (!decided && !national.has(year)) {
      const festival = fixedStatutoryHolidays(year)[date];
      if (festival !== undefined) decided = { kind: 'holiday', working: false, festival };
    }

    // 4. The ordinary week.
    decided ??= isWeekend(date) ? { kind: 'weekend', working: false, festival: null } : { kind: 'workday', working: true, festival: null };
    return { date, isWorkingDay: decided.working, kind: decided.kind, festival: decided.festival, provisional: reasons.length > 0, reasons };
  }

  function collect(reasons: Set<string>, answer: DayAnswer): void {
    for (const reason of answer.reasons) reasons.add(reason);
  }

  return {
    data,
    isWorkingDay(date, region) {
      toDayNumber(date);
      return answerDay(date, resolveRegion(region));
    },

    addWorkingDays(start, workingDays, region) {
      const startDay = toDayNumber(start);
      if (!Number.isInteger(workingDays) || Math.abs(workingDays) > MAX_WORKING_DAYS) {
        throw new RangeError(`工作日数“${workingDays}”无效，应为绝对值不超过 ${MAX_WORKING_DAYS} 的整数`);
      }
      const chain = resolveRegion(region);
      const reasons = new Set<string>();
      const step = workingDays < 0 ? -1 : 1;
      let remaining = Math.abs(workingDays);
      let day = startDay;
      while (remaining > 0) {
        day += step;
        const answer = answerDay(fromDayNumber(day), chain);
        collect(reasons, answer);
        if (answer.isWorkingDay) remaining--;
      }
      return { start, workingDays, result: fromDayNumber(day), provisional: reasons.size > 0, reasons: [...reasons] };
    },

    workingDaysBetween(from, to, region) {
      const fromDay = toDayNumber(from);
      const toDay = toDayNumber(to);
      const chain = resolveRegion(region);
      const reasons = new Set<string>();
      // (from, to] forwards; [to, from) backwards, negated: the inverse of addWorkingDays either way.
      const [first, last, sign] = toDay >= fromDay ? [fromDay + 1, toDay, 1] : [toDay, fromDay - 1, -1];
      let count = 0;
      for (let day = first; day <= last; day++) {
        const answer = answerDay(fromDayNumber(day), chain);
        collect(reasons, answer);
        if (answer.isWorkingDay) count++;
      }
      return { from, to, workingDays: sign * count, provisional: reasons.size > 0, reasons: [...reasons] };
    },

    isNationallyCovered(year) {
      return national.has(year);
    },

    nationalYears() {
      return [...national.keys()].sort((a, b) => a - b);
    },

    noticeFor(scope, year) {
      return notices.get(`${scope}|${year}`) ?? null;
    },

    specialDays(year, region) {
      const chain = resolveRegion(region);
      const days: DayAnswer[] = [];
      const first = `${String(year).padStart(4, '0')}-01-01`;
      for (let date = first; yearOf(date) === year; date = addDays(date, 1)) {
        const answer = answerDay(date, chain);
        if (answer.kind !== 'workday' && answer.kind !== 'weekend') days.push(answer);
      }
      return days;
    },
  };
}
