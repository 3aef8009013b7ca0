/**
 * The working-day calendar wired to the database: the shipped data (national snapshot, regional
 * rules) plus the holiday notices an administrator has applied. Other services count deadlines with
 * `loadBodyCalendar` / `loadRegionCalendar`; administrators preview and apply notices here.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../config/clock.ts';
import { systemClock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import type { CalendarNoticeRow } from '../db/schema/calendar.ts';
import {
  type AddWorkingDaysAnswer,
  type CalendarFinding,
  type DayAnswer,
  type IsoDate,
  type LoadedNotice,
  type ParsedHolidayNotice,
  type WorkingDayCalendar,
  type WorkingDaysBetweenAnswer,
  InvalidDateError,
  UnknownRegionError,
  addDays,
  checkConsecutiveWorkingDays,
  coverageWarning,
  createWorkingDayCalendar,
  defaultCalendarData,
  makeIsoDate,
  parseHolidayNotice,
  parseIsoDate,
  toLoadedNotice,
  yearOf,
} from '../domain/calendar/index.ts';
import { getRegion } from '../domain/region/regions.ts';
import { AppError } from '../errors/app-error.ts';
import { findBodyById } from '../repositories/body-repository.ts';
import {
  findCurrentCalendarNotice,
  insertCalendarNotice,
  listCalendarNoticeHistory,
  listCurrentCalendarNotices,
  lockCalendarNoticeScope,
  supersedeCalendarNotice,
} from '../repositories/calendar-notice-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

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
function toDomainNotice(row: CalendarNoticeRow): LoadedNotice {
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
    throw new AppError('unknown_region', 400, `行政区划代码“${regionCode}”无效，应为六位 GB/T 2260 代码（如 450100 南宁市）`, { field });
  }
  return code;
}

/** Runs a domain call, turning its RangeErrors (bad date, bad count, bad region) into AppErrors naming the field. */
function withFields<T>(run: () => T, fieldOf: (error: RangeError) => string): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UnknownRegionError) throw new AppError('unknown_region', 400, error.message, { field: 'region', cause: error });
    if (error instanceof RangeError) throw new AppError('invalid_calendar_input', 400, error.message, { field: fieldOf(error), cause: error });
    throw error;
  }
}

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
export async function loadRegionCalendar(db: DbOrTx, regionCode: string | null): Promise<RegionCalendar> {
  const code = normalizeRegionCode(regionCode);
  return bindRegionCalendar(await loadWorkingDayCalendar(db), code);
}

/**
 * The calendar of a body: its region (bodies.region_code, from its charter) and that region's
 * ancestors. A body without a region uses the national calendar; a body whose stored region code is
 * not a known GB/T 2260 code uses the national calendar and every answer is provisional, saying so.
 * Throws AppError 404 (field `bodyId`) when the body does not exist.
 */
export async function loadBodyCalendar(db: DbOrTx, bodyId: string): Promise<RegionCalendar> {
  const body = await findBodyById(db, bodyId);
  if (!body) throw new AppError('body_not_found', 404, '议事协调机构不存在', { field: 'bodyId' });
  const calendar = await loadWorkingDayCalendar(db);
  const stored = body.regionCode?.trim() ?? '';
  if (stored === '' || stored === 'national') return bindRegionCalendar(calendar, null);
  if (!getRegion(stored)) {
    return bindRegionCalendar(calendar, null, `机构所在地区代码“${stored}”不是有效的行政区划代码，暂按全国日历计算，未计入地方节假日`);
  }
  return bindRegionCalendar(calendar, stored);
}

// ---------------------------------------------------------------------------------------------
// Coverage and year view
// ---------------------------------------------------------------------------------------------

/**
 * The coverage warning for administrators on `today` (Asia/Shanghai date): from 1 November until
 * next year's national calendar is loaded, and any day while the current year's is not. Null when covered.
 */
export async function calendarCoverage(db: DbOrTx, today: IsoDate): Promise<CalendarFinding | null> {
  if (!parseIsoDate(today)) throw new AppError('invalid_calendar_input', 400, `日期“${today}”无效`, { field: 'today' });
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
  if (!parseIsoDate(options.today)) throw new AppError('invalid_calendar_input', 400, `日期“${options.today}”无效`, { field: 'today' });
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
    throw new AppError('invalid_calendar_input', 400, `年份“${options.year}”无效，应在 1900 至 2200 之间`, { field: 'year' });
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
  if (!first) throw new AppError('invalid_calendar_input', 400, `年份“${options.year}”无效`, { field: 'year' });
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

function regionChain(code: string): string[] {
  const chain: string[] = [];
  let current = getRegion(code);
  while (current) {
    chain.push(current.code);
    current = current.parent === null ? null : getRegion(current.parent);
  }
  return chain;
}

// ---------------------------------------------------------------------------------------------
// Notices: preview, apply, list
// ---------------------------------------------------------------------------------------------

/** SHA-256 of the notice text with line endings and surrounding blanks normalised. */
export function noticeTextHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim(), 'utf8').digest('hex');
}

/** A stored notice without its original text, as lists show it. */
export interface NoticeSummary {
  id: string;
  scope: string;
  scopeName: string;
  year: number;
  title: string;
  docNumber: string | null;
  holidays: string[];
  makeUpWorkingDays: string[];
  festivals: Record<string, string>;
  findings: CalendarFinding[];
  textHash: string;
  loadedBy: string | null;
  loadedAt: string;
  supersededAt: string | null;
  supersededBy: string | null;
}

export function scopeName(scope: string): string {
  return scope === 'national' ? '全国' : (getRegion(scope)?.name ?? scope);
}

export function toNoticeSummary(row: CalendarNoticeRow): NoticeSummary {
  return {
    id: row.id,
    scope: row.scope,
    scopeName: scopeName(row.scope),
    year: row.year,
    title: row.title,
    docNumber: row.docNumber,
    holidays: row.holidays,
    makeUpWorkingDays: row.makeUpWorkingDays,
    festivals: row.festivals,
    findings: row.findings,
    textHash: row.textHash,
    loadedBy: row.loadedBy,
    loadedAt: row.loadedAt.toISOString(),
    supersededAt: row.supersededAt ? row.supersededAt.toISOString() : null,
    supersededBy: row.supersededBy,
  };
}

export interface NoticePreview {
  /** Everything the parser read, with its findings (errors block applying). */
  parsed: ParsedHolidayNotice;
  /** The scope it would be applied to (the given one, else the one read from the issuer). */
  scope: string | null;
  scopeName: string | null;
  /** Sanity checks on the year with the notice applied (more than 6 consecutive working days …). */
  checks: CalendarFinding[];
  /** True when the notice can be applied (no error findings, a year and a scope). */
  canApply: boolean;
  /** The notice in force for the same scope and year, which applying would supersede. */
  current: NoticeSummary | null;
  /** True when the same text is already the notice in force (applying changes nothing). */
  unchanged: boolean;
}

interface Evaluated {
  parsed: ParsedHolidayNotice;
  scope: string | null;
  loaded: LoadedNotice | null;
  checks: CalendarFinding[];
}

/** Parses and checks a notice against the calendar in force, storing nothing. */
async function evaluateNotice(db: DbOrTx, options: { text: string; scope?: string | null; at: Date }): Promise<Evaluated> {
  const parsed = parseHolidayNotice(options.text);
  const given = options.scope === undefined || options.scope === null || options.scope.trim() === '' ? null : options.scope.trim();
  let scope: string | null = parsed.scope;
  if (given !== null) scope = given === 'national' ? 'national' : normalizeRegionCode(given, 'scope');
  if (!parsed.ok || parsed.year === null || scope === null) return { parsed, scope, loaded: null, checks: [] };
  const loaded = toLoadedNotice(parsed, { loadedAt: options.at.toISOString(), scope });
  const rows = await listCurrentCalendarNotices(db);
  const others = rows.filter((row) => !(row.scope === scope && row.year === loaded.year)).map(toDomainNotice);
  const calendar = createWorkingDayCalendar(defaultCalendarData([...others, loaded]));
  const checks = checkConsecutiveWorkingDays(calendar, loaded.year, scope === 'national' ? undefined : scope);
  return { parsed, scope, loaded, checks };
}

/**
 * Reads a pasted notice: the days read, the parser's findings and the sanity checks, for the
 * administrator to review. Stores nothing. `scope` overrides the scope read from the issuer.
 */
export async function previewNotice(db: DbOrTx, options: { text: string; scope?: string | null; clock?: Clock }): Promise<NoticePreview> {
  const at = (options.clock ?? systemClock).now();
  const { parsed, scope, loaded, checks } = await evaluateNotice(db, { text: options.text, scope: options.scope, at });
  const current = loaded ? await findCurrentCalendarNotice(db, loaded.scope, loaded.year) : null;
  return {
    parsed,
    scope,
    scopeName: scope === null ? null : scopeName(scope),
    checks,
    canApply: loaded !== null,
    current: current ? toNoticeSummary(current) : null,
    unchanged: current !== null && current.textHash === noticeTextHash(options.text),
  };
}

export interface ApplyNoticeResult {
  /** False when the same text was already the notice in force for its scope and year. */
  changed: boolean;
  notice: NoticeSummary;
  /** The notice this one superseded, if any. */
  superseded: NoticeSummary | null;
  checks: CalendarFinding[];
}

/**
 * Applies a reviewed notice, audited in the same transaction. The same text again changes nothing;
 * a different notice for the same scope and year supersedes the one in force (kept as history).
 * Refused (422, field `text`) when the notice has errors; (422, field `scope`) when its scope cannot
 * be told. Sanity-check warnings do not block; they are stored with the notice and returned.
 */
export async function applyNotice(
  db: Database,
  options: { text: string; scope?: string | null; origin: AuditOrigin; clock?: Clock },
): Promise<ApplyNoticeResult> {
  const at = options.origin.at ?? (options.clock ?? systemClock).now();
  const hash = noticeTextHash(options.text);
  return db.transaction(async (tx) => {
    const { parsed, scope, loaded, checks } = await evaluateNotice(tx, { text: options.text, scope: options.scope, at });
    if (!loaded) {
      const errors = parsed.findings.filter((finding) => finding.severity === 'error');
      if (errors.length > 0 || parsed.year === null) {
        throw new AppError('notice_unreadable', 422, `通知有错误，不能载入：${errors.map((error) => error.message).join('；') || '未读出年份'}`, {
          field: 'text',
          details: { findings: parsed.findings },
        });
      }
      throw new AppError('notice_scope_unknown', 422, '未能判断通知的适用范围，请指定（national 或行政区划代码）', {
        field: 'scope',
        details: { scope },
      });
    }
    await lockCalendarNoticeScope(tx, loaded.scope, loaded.year);
    const current = await findCurrentCalendarNotice(tx, loaded.scope, loaded.year);
    if (current && current.textHash === hash) {
      return { changed: false, notice: toNoticeSummary(current), superseded: null, checks: current.findings };
    }
    if (current) await supersedeCalendarNotice(tx, current.id, { supersededBy: null, supersededAt: at });
    const findings: CalendarFinding[] = [...parsed.findings.map(({ severity, code, message }) => ({ severity, code, message })), ...checks];
    const row = await insertCalendarNotice(tx, {
      scope: loaded.scope,
      year: loaded.year,
      title: loaded.sourceTitle,
      docNumber: loaded.docNumber ?? null,
      holidays: loaded.holidays,
      makeUpWorkingDays: loaded.makeUpWorkingDays,
      festivals: loaded.festivals ?? {},
      findings,
      originalText: options.text,
      textHash: hash,
      loadedBy: options.origin.actorId,
      loadedAt: at,
    });
    let superseded: NoticeSummary | null = null;
    if (current) {
      await supersedeCalendarNotice(tx, current.id, { supersededBy: row.id, supersededAt: at });
      superseded = toNoticeSummary({ ...current, supersededAt: at, supersededBy: row.id });
    }
    const notice = toNoticeSummary(row);
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'calendar.notice_apply',
      entityType: 'calendar_notice',
      entityId: row.id,
      before: superseded ? { id: superseded.id, title: superseded.title, holidays: superseded.holidays, makeUpWorkingDays: superseded.makeUpWorkingDays } : null,
      after: { ...notice, supersedes: superseded?.id ?? null },
    });
    return { changed: true, notice, superseded, checks };
  });
}

/** The applied notices, superseded ones included (newest first), optionally filtered. */
export async function listNotices(db: DbOrTx, options: { scope?: string; year?: number } = {}): Promise<NoticeSummary[]> {
  const scope = options.scope === undefined ? undefined : (normalizeRegionCode(options.scope, 'scope') ?? 'national');
  const rows = await listCalendarNoticeHistory(db, { ...(scope === undefined ? {} : { scope }), ...(options.year === undefined ? {} : { year: options.year }) });
  return rows.map(toNoticeSummary);
}
