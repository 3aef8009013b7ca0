/**
 * Holiday notices (节假日安排通知) an administrator pastes: preview (the days read, the parser's
 * findings, the sanity checks), apply (audited; a new notice supersedes the one in force, kept as
 * history) and list.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { CalendarNoticeRow } from '../../db/schema/calendar.ts';
import {
  type CalendarFinding,
  type LoadedNotice,
  type ParsedHolidayNotice,
  checkConsecutiveWorkingDays,
  createWorkingDayCalendar,
  defaultCalendarData,
  parseHolidayNotice,
  toLoadedNotice,
} from '../../domain/calendar/index.ts';
import { getRegion } from '../../domain/region/regions.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  findCurrentCalendarNotice,
  insertCalendarNotice,
  listCalendarNoticeHistory,
  listCurrentCalendarNotices,
  lockCalendarNoticeScope,
  supersedeCalendarNotice,
} from '../../repositories/calendar-notice-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { normalizeRegionCode, toDomainNotice } from './region-calendar.ts';

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

/** 全国, or the region's full name, for a notice scope. */
export function scopeName(scope: string): string {
  return scope === 'national' ? '全国' : (getRegion(scope)?.name ?? scope);
}

/** The list view of a stored notice. */
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
export async function previewNotice(db: DbOrTx, options: { text: string; scope?: string | null; clock: Clock }): Promise<NoticePreview> {
  const at = options.clock.now();
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
  options: { text: string; scope?: string | null; origin: AuditOrigin; clock: Clock },
): Promise<ApplyNoticeResult> {
  const at = options.origin.at ?? options.clock.now();
  const hash = noticeTextHash(options.text);
  return db.transaction(async (tx) => {
    const { parsed, scope, loaded, checks } = await evaluateNotice(tx, { text: options.text, scope: options.scope, at });
    if (!loaded) {
      const errors = parsed.findings.filter((finding) => finding.severity === 'error');
      if (errors.length > 0 || parsed.year === null) {
        throw new AppError('notice_unreadable', `通知有错误，不能载入：${errors.map((error) => error.message).join('；') || '未读出年份'}`, {
          field: 'text',
          details: { findings: parsed.findings },
        });
      }
      throw new AppError('notice_scope_unknown', '未能判断通知的适用范围，请指定（national 或行政区划代码）', {
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
