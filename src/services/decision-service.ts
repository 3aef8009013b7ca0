/**
 * Decisions and supervision (督办): the decided items (议定事项) of issued minutes, assigned to a
 * lead unit (主办) and co-handling units (协办) with a deadline on the body's working-day calendar,
 * then chased until the office closes them (销号).
 *
 * assigned → in_progress (first progress report) → completion_reported (lead unit, with evidence)
 * → closed by the office; or sent back (→ in_progress). Overdue and working days left are derived
 * from the deadline and today on the calendar, never stored. Every deadline a decision had is kept.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../config/clock.ts';
import type { DbOrTx, Database, Transaction } from '../db/database.ts';
import type { DeadlineBasis, DecisionStatus, ProgressReportKind } from '../db/schema/decisions.ts';
import type { Charter } from '../domain/charter/charter-types.ts';
import { isIsoDate, todayInShanghai } from '../domain/calendar/index.ts';
import {
  DECISION_STATUS_NAMES,
  deadlineStanding,
  handlingDeadlineRule,
  isOpen,
  nextStatus,
  ruleClause,
} from '../domain/decisions/decision-status.ts';
import type { DecisionStep } from '../domain/decisions/decision-status.ts';
import { AppError } from '../errors/app-error.ts';
import { findBodyById } from '../repositories/body-repository.ts';
import { findCharterVersionById } from '../repositories/charter-version-repository.ts';
import {
  countDecisionsOfMinutes,
  decideExtensionRequest,
  findAttachment,
  findPendingExtension,
  insertAttachment,
  insertCoUnits,
  insertDeadline,
  insertDecision,
  insertExtensionRequest,
  insertProgressReport,
  latestProgressOf,
  listDeadlines,
  listDecisionViews,
  listExtensionRequests,
  listProgressReports,
  listReminderSends,
  lockDecision,
  listDecisionSources,
  lockExtensionRequest,
  updateDecision,
} from '../repositories/decision-repository.ts';
import type { DecisionRow, DecisionView, ListDecisionsFilter, ProgressReportView } from '../repositories/decision-repository.ts';
import { listBodyUnits } from '../repositories/unit-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { loadBodyCalendar } from './calendar-service.ts';
import type { RegionCalendar } from './calendar-service.ts';
import { enqueueNotification } from './notification-service.ts';
import type { NotificationRecipient } from './notification-types.ts';

// ---------------------------------------------------------------------------------------------
// Assigning decided items (called by the meetings part inside the issue-minutes transaction)
// ---------------------------------------------------------------------------------------------

/** One decided item of minutes being issued. */
export type DecidedItemInput = {
  text: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: { kind: 'date'; date: string } | { kind: 'working_days'; days: number } | { kind: 'charter_default' };
};

/** The body's current charter. */
async function currentCharter(db: DbOrTx, bodyId: string): Promise<Charter> {
  const body = await findBodyById(db, bodyId);
  if (!body) throw new AppError('body_not_found', 404, '议事协调机构不存在', { field: 'bodyId' });
  if (!body.currentCharterVersionId) throw new Error(`body ${bodyId} has no current charter version`);
  const version = await findCharterVersionById(db, body.currentCharterVersionId);
  if (!version) throw new Error(`body ${bodyId}: current charter version is missing`);
  return version.charter;
}

interface ComputedDeadline {
  deadline: string;
  provisional: boolean;
  reasons: string[];
  basis: DeadlineBasis;
}

/** A deadline given as a date: on or after the issue date; provisional when that day's answer is. */
function dateDeadline(calendar: RegionCalendar, issuedOn: string, date: string, field: string): ComputedDeadline {
  if (!isIsoDate(date)) throw new AppError('invalid_date', 400, '日期格式应为 YYYY-MM-DD', { field });
  if (date < issuedOn) {
    throw new AppError('deadline_before_issue', 400, `办理时限（${date}）不能早于印发日期（${issuedOn}）`, { field });
  }
  const day = calendar.isWorkingDay(date);
  return { deadline: date, provisional: day.provisional, reasons: day.reasons, basis: { kind: 'date' } };
}

function workingDaysDeadline(calendar: RegionCalendar, issuedOn: string, days: number, basis: DeadlineBasis): ComputedDeadline {
  const answer = calendar.addWorkingDays(issuedOn, days);
  return { deadline: answer.result, provisional: answer.provisional, reasons: answer.reasons, basis };
}

function computeDeadline(
  calendar: RegionCalendar,
  charter: Charter,
  issuedOn: string,
  item: DecidedItemInput,
  field: string,
): ComputedDeadline {
  const spec = item.deadline;
  if (spec.kind === 'date') return dateDeadline(calendar, issuedOn, spec.date, `${field}.date`);
  if (spec.kind === 'working_days') {
    if (!Number.isInteger(spec.days) || spec.days < 1 || spec.days > 1000) {
      throw new AppError('invalid_working_days', 400, '办理时限的工作日数应为 1 至 1000 的整数', { field: `${field}.days` });
    }
    return workingDaysDeadline(calendar, issuedOn, spec.days, { kind: 'working_days', days: spec.days });
  }
  const rule = handlingDeadlineRule(charter);
  if (rule === null) {
    throw new AppError('no_handling_deadline_rule', 409, '本机构制度未规定办理时限，请为该事项指定日期或工作日数', { field });
  }
  const coHandled = item.coUnitIds.length > 0;
  const days = coHandled && rule.coHandledWorkingDays !== null ? rule.coHandledWorkingDays : rule.workingDays;
  return workingDaysDeadline(calendar, issuedOn, days, { kind: 'charter_default', days, coHandled, clause: ruleClause(charter, rule).clause });
}

/** Who a decision's units are told through: their liaisons (and members, escalating). */
function unitRecipients(leadUnitId: string, coUnitIds: readonly string[], roles: ('member' | 'liaison')[]): NotificationRecipient[] {
  return [leadUnitId, ...coUnitIds].map((unitId) => ({ kind: 'unit' as const, unitId, roles }));
}

/**
 * Assigns the decided items of minutes being issued, in the caller's transaction: one decision per
 * item, its first deadline in the history, an audit row each, and a notification to the units.
 * Units must be member units of the body on the issue date; a co-handling unit may not be the lead.
 * `charter_default` takes the charter's handling-deadline rule (its co-handled days when there are
 * co-handling units) and is refused (409 `no_handling_deadline_rule`) when the charter has none.
 */
export async function assignDecidedItems(
  tx: Transaction,
  options: {
    bodyId: string;
    meetingId: string;
    minutesId: string;
    /** ISO date, Asia/Shanghai */
    issuedOn: string;
    items: DecidedItemInput[];
    origin: AuditOrigin;
  },
): Promise<{ decisionIds: string[] }> {
  if (!isIsoDate(options.issuedOn)) throw new AppError('invalid_date', 400, '日期格式应为 YYYY-MM-DD', { field: 'issuedOn' });
  if (options.items.length === 0) return { decisionIds: [] };
  const charter = await currentCharter(tx, options.bodyId);
  const calendar = await loadBodyCalendar(tx, options.bodyId);
  const memberUnits = new Set((await listBodyUnits(tx, options.bodyId, options.issuedOn)).map((u) => u.unitId));
  const at = options.origin.at ?? new Date();
  const already = await countDecisionsOfMinutes(tx, options.minutesId);
  const decisionIds: string[] = [];
  for (const [index, item] of options.items.entries()) {
    const field = `items.${index}`;
    const text = item.text.trim();
    if (text === '') throw new AppError('decision_text_required', 400, '议定事项内容不能为空', { field: `${field}.text` });
    if (!memberUnits.has(item.leadUnitId)) {
      throw new AppError('lead_unit_not_member', 409, '主办单位不是本机构在印发日期的成员单位', { field: `${field}.leadUnitId` });
    }
    const coUnitIds = [...new Set(item.coUnitIds)];
    for (const [i, unitId] of coUnitIds.entries()) {
      if (unitId === item.leadUnitId) {
        throw new AppError('co_unit_is_lead', 400, '协办单位不能同时是主办单位', { field: `${field}.coUnitIds.${i}` });
      }
      if (!memberUnits.has(unitId)) {
        throw new AppError('co_unit_not_member', 409, '协办单位不是本机构在印发日期的成员单位', { field: `${field}.coUnitIds.${i}` });
      }
    }
    const deadline = computeDeadline(calendar, charter, options.issuedOn, { ...item, coUnitIds }, `${field}.deadline`);
    const decision = await insertDecision(tx, {
      bodyId: options.bodyId,
      meetingId: options.meetingId,
      minutesId: options.minutesId,
      itemNo: already + index + 1,
      text,
      leadUnitId: item.leadUnitId,
      issuedOn: options.issuedOn,
      status: 'assigned',
      deadline: deadline.deadline,
      deadlineProvisional: deadline.provisional,
      deadlineReasons: deadline.reasons,
      createdAt: at,
      updatedAt: at,
    });
    await insertCoUnits(tx, decision.id, coUnitIds);
    await insertDeadline(tx, {
      decisionId: decision.id,
      deadline: deadline.deadline,
      provisional: deadline.provisional,
      reasons: deadline.reasons,
      basis: deadline.basis,
      setAt: at,
      setBy: options.origin.actorId,
    });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'decision.assign',
      entityType: 'decision',
      entityId: decision.id,
      before: null,
      after: { ...decision, coUnitIds, basis: deadline.basis },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: options.bodyId,
      event: 'decision.assigned',
      title: `交办事项：${truncate(text, 40)}`,
      message: `会议议定事项已交办，请于 ${deadline.deadline} 前办结。\n${text}`,
      link: `/bodies/${options.bodyId}/decisions/${decision.id}`,
      recipients: unitRecipients(item.leadUnitId, coUnitIds, ['liaison']),
      data: { decisionId: decision.id, minutesId: options.minutesId, meetingId: options.meetingId, deadline: deadline.deadline },
    });
    decisionIds.push(decision.id);
  }
  return { decisionIds };
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length)}…`;
}

// ---------------------------------------------------------------------------------------------
// Reading: items with their derived standing
// ---------------------------------------------------------------------------------------------

export interface DecisionItem {
  id: string;
  bodyId: string;
  meetingId: string;
  minutesId: string;
  itemNo: number;
  text: string;
  leadUnit: { unitId: string; name: string };
  coUnits: { unitId: string; name: string }[];
  issuedOn: string;
  deadline: string;
  /** The deadline rests on a calendar answer that is not final (e.g. a regional holiday not yet announced) */
  deadlineProvisional: boolean;
  deadlineProvisionalReasons: string[];
  status: DecisionStatus;
  statusName: string;
  /** Derived from the deadline and today on the body's working-day calendar (open items only) */
  overdue: boolean;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  /** The count of working days rests on provisional calendar answers */
  standingProvisional: boolean;
  completionReportedAt: string | null;
  closedAt: string | null;
}

/** Decorates decision rows with today's standing on each body's calendar. */
async function toItems(db: DbOrTx, views: readonly DecisionView[], today: string): Promise<DecisionItem[]> {
  const calendars = new Map<string, RegionCalendar>();
  const items: DecisionItem[] = [];
  for (const view of views) {
    let calendar = calendars.get(view.bodyId);
    if (calendar === undefined) {
      calendar = await loadBodyCalendar(db, view.bodyId);
      calendars.set(view.bodyId, calendar);
    }
    items.push(toItem(view, today, calendar));
  }
  return items;
}

function toItem(view: DecisionView, today: string, calendar: RegionCalendar): DecisionItem {
  const open = isOpen(view.status);
  const between = open ? calendar.workingDaysBetween(today, view.deadline) : null;
  const standing = between === null ? null : deadlineStanding(today, view.deadline, between.workingDays);
  return {
    id: view.id,
    bodyId: view.bodyId,
    meetingId: view.meetingId,
    minutesId: view.minutesId,
    itemNo: view.itemNo,
    text: view.text,
    leadUnit: { unitId: view.leadUnitId, name: view.leadUnitName },
    coUnits: view.coUnits,
    issuedOn: view.issuedOn,
    deadline: view.deadline,
    deadlineProvisional: view.deadlineProvisional,
    deadlineProvisionalReasons: view.deadlineReasons,
    status: view.status,
    statusName: DECISION_STATUS_NAMES[view.status],
    overdue: standing?.overdue ?? false,
    workingDaysLeft: standing?.workingDaysLeft ?? null,
    workingDaysOverdue: standing?.workingDaysOverdue ?? null,
    standingProvisional: between?.provisional ?? false,
    completionReportedAt: view.completionReportedAt?.toISOString() ?? null,
    closedAt: view.closedAt?.toISOString() ?? null,
  };
}

/** Today in Asia/Shanghai by the clock. */
export function today(clock: Clock): string {
  return todayInShanghai(clock.now());
}

/** A body's decisions, filtered by unit (lead or co-handling), status and derived overdue. */
export async function listDecisions(
  db: DbOrTx,
  options: { clock: Clock; bodyId: string; unitId?: string; status?: DecisionStatus; overdue?: boolean; minutesId?: string },
): Promise<DecisionItem[]> {
  const filter: ListDecisionsFilter = { bodyId: options.bodyId };
  if (options.unitId !== undefined) filter.unitId = options.unitId;
  if (options.status !== undefined) filter.status = options.status;
  if (options.minutesId !== undefined) filter.minutesId = options.minutesId;
  if (options.overdue !== undefined) filter.openOnly = true;
  const items = await toItems(db, await listDecisionViews(db, filter), today(options.clock));
  return options.overdue === undefined ? items : items.filter((item) => item.overdue === options.overdue);
}

/**
 * Open decisions of one unit (lead or co-handling) across every body it sits in, limited to the
 * bodies `mayRead` allows (the reader's bodies).
 */
export async function listUnitOpenDecisions(
  db: DbOrTx,
  options: { clock: Clock; unitId: string; mayRead: (bodyId: string) => Promise<boolean> },
): Promise<DecisionItem[]> {
  const views = await listDecisionViews(db, { unitId: options.unitId, openOnly: true });
  const readable = new Map<string, boolean>();
  for (const bodyId of new Set(views.map((v) => v.bodyId))) readable.set(bodyId, await options.mayRead(bodyId));
  return toItems(db, views.filter((v) => readable.get(v.bodyId) === true), today(options.clock));
}

async function getView(db: DbOrTx, bodyId: string, decisionId: string): Promise<DecisionView> {
  const [view] = await listDecisionViews(db, { bodyId, ids: [decisionId] });
  if (!view) throw new AppError('decision_not_found', 404, '督办事项不存在', { field: 'decisionId' });
  return view;
}

export interface TimelineEntry {
  at: string;
  kind: 'assigned' | ProgressReportKind | 'extension_requested' | 'extension_approved' | 'extension_refused' | 'deadline_set' | 'reminder';
  text: string;
  unitId: string | null;
  unitName: string | null;
  actorId: string | null;
  attachments: ProgressReportView['attachments'];
  /** The deadline after this entry, for deadline_set and extension entries */
  deadline: string | null;
  /** The reminder kind, for reminder entries */
  reminderKind: 'before' | 'due' | 'overdue' | null;
  /** Id of the progress report or extension request */
  refId: string | null;
}

export interface DecisionDetail extends DecisionItem {
  deadlines: { deadline: string; provisional: boolean; reasons: string[]; basis: DeadlineBasis; setAt: string; setBy: string | null }[];
  extensionRequests: {
    id: string;
    unitId: string;
    requestedBy: string | null;
    requestedDeadline: string;
    reason: string;
    status: 'pending' | 'approved' | 'refused';
    decidedBy: string | null;
    decidedAt: string | null;
    decisionNote: string | null;
    createdAt: string;
  }[];
  progressReports: {
    id: string;
    kind: ProgressReportKind;
    unitId: string | null;
    unitName: string | null;
    authorId: string | null;
    text: string;
    createdAt: string;
    attachments: ProgressReportView['attachments'];
  }[];
  reminders: { kind: 'before' | 'due' | 'overdue'; dueDate: string; sentAt: string }[];
  /** Everything above in time order */
  timeline: TimelineEntry[];
}

/** One decision with its deadline history, extension requests, progress reports, reminders and timeline. */
export async function getDecision(db: DbOrTx, options: { clock: Clock; bodyId: string; decisionId: string }): Promise<DecisionDetail> {
  const view = await getView(db, options.bodyId, options.decisionId);
  const [item] = await toItems(db, [view], today(options.clock));
  if (!item) throw new Error('decision item missing');
  const deadlines = await listDeadlines(db, view.id);
  const extensions = await listExtensionRequests(db, view.id);
  const reports = await listProgressReports(db, [view.id]);
  const reminders = await listReminderSends(db, view.id);
  const timeline: TimelineEntry[] = [];
  const blank = { unitId: null, unitName: null, actorId: null, attachments: [], deadline: null, reminderKind: null, refId: null };
  for (const [i, d] of deadlines.entries()) {
    timeline.push({
      ...blank,
      at: d.setAt.toISOString(),
      kind: i === 0 ? 'assigned' : 'deadline_set',
      text: i === 0 ? view.text : `办理时限调整为 ${d.deadline}`,
      actorId: d.setBy,
      deadline: d.deadline,
    });
  }
  for (const e of extensions) {
    timeline.push({ ...blank, at: e.createdAt.toISOString(), kind: 'extension_requested', text: e.reason, unitId: e.unitId, actorId: e.requestedBy, deadline: e.requestedDeadline, refId: e.id });
    if (e.status !== 'pending' && e.decidedAt !== null) {
      timeline.push({
        ...blank,
        at: e.decidedAt.toISOString(),
        kind: e.status === 'approved' ? 'extension_approved' : 'extension_refused',
        text: e.decisionNote ?? '',
        unitId: e.unitId,
        actorId: e.decidedBy,
        deadline: e.requestedDeadline,
        refId: e.id,
      });
    }
  }
  for (const r of reports) {
    timeline.push({ ...blank, at: r.createdAt.toISOString(), kind: r.kind, text: r.text, unitId: r.unitId, unitName: r.unitName, actorId: r.authorId, attachments: r.attachments, refId: r.id });
  }
  for (const s of reminders) {
    timeline.push({ ...blank, at: s.sentAt.toISOString(), kind: 'reminder', text: `提醒（${s.dueDate}）`, deadline: s.dueDate, reminderKind: s.kind });
  }
  timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    ...item,
    deadlines: deadlines.map((d) => ({ deadline: d.deadline, provisional: d.provisional, reasons: d.reasons, basis: d.basis, setAt: d.setAt.toISOString(), setBy: d.setBy })),
    extensionRequests: extensions.map((e) => ({
      id: e.id,
      unitId: e.unitId,
      requestedBy: e.requestedBy,
      requestedDeadline: e.requestedDeadline,
      reason: e.reason,
      status: e.status,
      decidedBy: e.decidedBy,
      decidedAt: e.decidedAt?.toISOString() ?? null,
      decisionNote: e.decisionNote,
      createdAt: e.createdAt.toISOString(),
    })),
    progressReports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      unitId: r.unitId,
      unitName: r.unitName,
      authorId: r.authorId,
      text: r.text,
      createdAt: r.createdAt.toISOString(),
      attachments: r.attachments,
    })),
    reminders: reminders.map((s) => ({ kind: s.kind, dueDate: s.dueDate, sentAt: s.sentAt.toISOString() })),
    timeline,
  };
}

/** The units of a decision: lead first. */
export async function decisionUnitIds(db: DbOrTx, options: { bodyId: string; decisionId: string }): Promise<{ leadUnitId: string; coUnitIds: string[] }> {
  const view = await getView(db, options.bodyId, options.decisionId);
  return { leadUnitId: view.leadUnitId, coUnitIds: view.coUnits.map((u) => u.unitId) };
}

// ---------------------------------------------------------------------------------------------
// Workflow steps
// ---------------------------------------------------------------------------------------------

const STEP_REFUSALS: Record<DecisionStep, { code: string; message: (status: DecisionStatus) => string }> = {
  report_progress: { code: 'decision_not_in_progress', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，不能再报送进展` },
  report_completion: { code: 'decision_not_in_progress', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，不能报送办结` },
  close: { code: 'decision_not_completion_reported', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，主办单位报送办结后才能销号` },
  send_back: { code: 'decision_not_completion_reported', message: (s) => `事项${DECISION_STATUS_NAMES[s]}，只有已报办结的事项才能退回` },
};

function checkStep(row: DecisionRow, step: DecisionStep): DecisionStatus {
  const to = nextStatus(row.status, step);
  if (to === null) {
    const refusal = STEP_REFUSALS[step];
    throw new AppError(refusal.code, 409, refusal.message(row.status), { details: { status: row.status, step } });
  }
  return to;
}

async function lockOrNotFound(tx: DbOrTx, bodyId: string, decisionId: string): Promise<DecisionRow> {
  const row = await lockDecision(tx, bodyId, decisionId);
  if (!row) throw new AppError('decision_not_found', 404, '督办事项不存在', { field: 'decisionId' });
  return row;
}

/** The unit reporting must be the lead or a co-handling unit of the decision. */
async function checkAssignedUnit(tx: DbOrTx, row: DecisionRow, unitId: string, leadOnly: boolean): Promise<void> {
  if (row.leadUnitId === unitId) return;
  if (leadOnly) throw new AppError('not_lead_unit', 403, '只有主办单位可以报送办结', { field: 'unitId' });
  const view = await getView(tx, row.bodyId, row.id);
  if (!view.coUnits.some((u) => u.unitId === unitId)) {
    throw new AppError('unit_not_assigned', 403, '该单位不是本事项的主办或协办单位', { field: 'unitId' });
  }
}

export interface AttachmentInput {
  fileName: string;
  mediaType: string;
  /** Base64 of the file's bytes */
  contentBase64: string;
}

/** Largest attachment accepted (bytes). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

async function storeAttachments(tx: DbOrTx, reportId: string, attachments: readonly AttachmentInput[]): Promise<void> {
  for (const [i, a] of attachments.entries()) {
    const content = Buffer.from(a.contentBase64, 'base64');
    if (content.length === 0 || content.toString('base64').replace(/=+$/, '') !== a.contentBase64.replace(/\s/g, '').replace(/=+$/, '')) {
      throw new AppError('invalid_attachment', 400, '附件内容不是有效的 Base64 编码或为空', { field: `attachments.${i}.contentBase64` });
    }
    if (content.length > MAX_ATTACHMENT_BYTES) {
      throw new AppError('attachment_too_large', 400, '附件不能超过 10 MB', { field: `attachments.${i}.contentBase64` });
    }
    await insertAttachment(tx, {
      progressReportId: reportId,
      fileName: a.fileName,
      mediaType: a.mediaType,
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  }
}

interface StepOptions {
  db: Database;
  clock: Clock;
  bodyId: string;
  decisionId: string;
  origin: AuditOrigin;
}

/**
 * A progress report by an assigned unit (lead or co-handling; co-handling units report to the lead
 * unit's item). Moves an assigned decision to in_progress.
 */
export async function reportProgress(options: StepOptions & { unitId: string; text: string; attachments: AttachmentInput[] }): Promise<{ progressReportId: string }> {
  return options.db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options.bodyId, options.decisionId);
    const to = checkStep(row, 'report_progress');
    await checkAssignedUnit(tx, row, options.unitId, false);
    const at = options.origin.at ?? options.clock.now();
    const report = await insertProgressReport(tx, { decisionId: row.id, kind: 'progress', unitId: options.unitId, authorId: options.origin.actorId, text: options.text, createdAt: at });
    await storeAttachments(tx, report.id, options.attachments);
    if (to !== row.status) await updateDecision(tx, row.id, { status: to, updatedAt: at });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'decision.report_progress',
      entityType: 'decision',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, progressReportId: report.id, unitId: options.unitId, attachments: options.attachments.length },
    });
    return { progressReportId: report.id };
  });
}

/** The lead unit reports completion with evidence; the office is told to check and close. */
export async function reportCompletion(options: StepOptions & { unitId: string; text: string; attachments: AttachmentInput[] }): Promise<{ progressReportId: string }> {
  return options.db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options.bodyId, options.decisionId);
    const to = checkStep(row, 'report_completion');
    await checkAssignedUnit(tx, row, options.unitId, true);
    const at = options.origin.at ?? options.clock.now();
    const report = await insertProgressReport(tx, { decisionId: row.id, kind: 'completion', unitId: options.unitId, authorId: options.origin.actorId, text: options.text, createdAt: at });
    await storeAttachments(tx, report.id, options.attachments);
    await updateDecision(tx, row.id, { status: to, completionReportedAt: at, updatedAt: at });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'decision.report_completion',
      entityType: 'decision',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, progressReportId: report.id },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.completion_reported',
      title: `报送办结：${truncate(row.text, 40)}`,
      message: `主办单位已报送办结，请审核销号。\n${options.text}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'office' }],
      data: { decisionId: row.id },
    });
    return { progressReportId: report.id };
  });
}

/** The office closes (销号) a decision whose completion was reported. */
export async function closeDecision(options: StepOptions & { note: string | null }): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options.bodyId, options.decisionId);
    const to = checkStep(row, 'close');
    const at = options.origin.at ?? options.clock.now();
    await insertProgressReport(tx, { decisionId: row.id, kind: 'closed', unitId: null, authorId: options.origin.actorId, text: options.note ?? '', createdAt: at });
    await updateDecision(tx, row.id, { status: to, closedAt: at, closedBy: options.origin.actorId, updatedAt: at });
    await recordAudit(tx, { ...options.origin, at, action: 'decision.close', entityType: 'decision', entityId: row.id, before: { status: row.status }, after: { status: to, note: options.note } });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.closed',
      title: `已销号：${truncate(row.text, 40)}`,
      message: '办公室已审核办结情况，事项销号。',
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'unit', unitId: row.leadUnitId, roles: ['liaison'] }],
      data: { decisionId: row.id },
    });
  });
}

/** The office sends a completion report back (→ in_progress) with a reason. */
export async function sendBackDecision(options: StepOptions & { reason: string }): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options.bodyId, options.decisionId);
    const to = checkStep(row, 'send_back');
    const at = options.origin.at ?? options.clock.now();
    await insertProgressReport(tx, { decisionId: row.id, kind: 'sent_back', unitId: null, authorId: options.origin.actorId, text: options.reason, createdAt: at });
    await updateDecision(tx, row.id, { status: to, completionReportedAt: null, updatedAt: at });
    await recordAudit(tx, { ...options.origin, at, action: 'decision.send_back', entityType: 'decision', entityId: row.id, before: { status: row.status }, after: { status: to, reason: options.reason } });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.sent_back',
      title: `办结被退回：${truncate(row.text, 40)}`,
      message: `办公室退回了办结报告：${options.reason}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'unit', unitId: row.leadUnitId, roles: ['liaison'] }],
      data: { decisionId: row.id },
    });
  });
}

/** An assigned unit asks for a later deadline, with a reason; one pending request at a time. */
export async function requestExtension(
  options: StepOptions & { unitId: string; requestedDeadline: string; reason: string },
): Promise<{ extensionRequestId: string }> {
  if (!isIsoDate(options.requestedDeadline)) throw new AppError('invalid_date', 400, '日期格式应为 YYYY-MM-DD', { field: 'requestedDeadline' });
  return options.db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options.bodyId, options.decisionId);
    if (!isOpen(row.status)) throw new AppError('decision_closed', 409, '事项已销号，不能申请延期', { details: { status: row.status } });
    await checkAssignedUnit(tx, row, options.unitId, false);
    if (options.requestedDeadline <= row.deadline) {
      throw new AppError('extension_not_later', 400, `申请的期限应晚于现行办理时限（${row.deadline}）`, { field: 'requestedDeadline' });
    }
    if (await findPendingExtension(tx, row.id)) throw new AppError('extension_pending', 409, '已有待审核的延期申请', { field: 'decisionId' });
    const at = options.origin.at ?? options.clock.now();
    const request = await insertExtensionRequest(tx, {
      decisionId: row.id,
      unitId: options.unitId,
      requestedBy: options.origin.actorId,
      requestedDeadline: options.requestedDeadline,
      reason: options.reason,
      status: 'pending',
      createdAt: at,
    });
    await recordAudit(tx, { ...options.origin, at, action: 'decision.request_extension', entityType: 'extension_request', entityId: request.id, before: null, after: request });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: 'decision.extension_requested',
      title: `延期申请：${truncate(row.text, 40)}`,
      message: `申请将办理时限由 ${row.deadline} 延至 ${options.requestedDeadline}。理由：${options.reason}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'office' }],
      data: { decisionId: row.id, extensionRequestId: request.id },
    });
    return { extensionRequestId: request.id };
  });
}

/** The office approves (the deadline moves, history kept) or refuses a pending extension request. */
export async function decideExtension(
  options: StepOptions & { extensionRequestId: string; approve: boolean; note: string | null },
): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await lockOrNotFound(tx, options.bodyId, options.decisionId);
    const request = await lockExtensionRequest(tx, row.id, options.extensionRequestId);
    if (!request) throw new AppError('extension_not_found', 404, '延期申请不存在', { field: 'extensionRequestId' });
    if (request.status !== 'pending') throw new AppError('extension_already_decided', 409, '该延期申请已审核', { details: { status: request.status } });
    if (!isOpen(row.status)) throw new AppError('decision_closed', 409, '事项已销号，不能再调整期限');
    const at = options.origin.at ?? options.clock.now();
    await decideExtensionRequest(tx, request.id, { status: options.approve ? 'approved' : 'refused', decidedBy: options.origin.actorId, decidedAt: at, decisionNote: options.note });
    if (options.approve) {
      const calendar = await loadBodyCalendar(tx, row.bodyId);
      const day = calendar.isWorkingDay(request.requestedDeadline);
      await insertDeadline(tx, {
        decisionId: row.id,
        deadline: request.requestedDeadline,
        provisional: day.provisional,
        reasons: day.reasons,
        basis: { kind: 'extension', extensionRequestId: request.id },
        setAt: at,
        setBy: options.origin.actorId,
      });
      await updateDecision(tx, row.id, { deadline: request.requestedDeadline, deadlineProvisional: day.provisional, deadlineReasons: day.reasons, updatedAt: at });
    }
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: options.approve ? 'decision.approve_extension' : 'decision.refuse_extension',
      entityType: 'extension_request',
      entityId: request.id,
      before: { status: 'pending', deadline: row.deadline },
      after: { status: options.approve ? 'approved' : 'refused', deadline: options.approve ? request.requestedDeadline : row.deadline, note: options.note },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: row.bodyId,
      event: options.approve ? 'decision.extension_approved' : 'decision.extension_refused',
      title: `${options.approve ? '延期已同意' : '延期未同意'}：${truncate(row.text, 40)}`,
      message: options.approve ? `办理时限调整为 ${request.requestedDeadline}。` : `办理时限仍为 ${row.deadline}。${options.note ?? ''}`,
      link: `/bodies/${row.bodyId}/decisions/${row.id}`,
      recipients: [{ kind: 'unit', unitId: request.unitId, roles: ['liaison'] }],
      data: { decisionId: row.id, extensionRequestId: request.id },
    });
  });
}

/** An attachment's bytes. */
export async function getAttachment(db: DbOrTx, options: { bodyId: string; decisionId: string; attachmentId: string }): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  await getView(db, options.bodyId, options.decisionId);
  const found = await findAttachment(db, options.decisionId, options.attachmentId);
  if (!found) throw new AppError('attachment_not_found', 404, '附件不存在', { field: 'attachmentId' });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Ledger (台账) rows for the XLSX export
// ---------------------------------------------------------------------------------------------

export interface LedgerRow extends DecisionItem {
  /** Source meeting title and minutes (title, 第N期 of year) */
  meetingTitle: string | null;
  minutesTitle: string | null;
  minutesYear: number | null;
  minutesNumber: number | null;
  latestProgress: { text: string; at: string; unitId: string | null } | null;
}

/**
 * Every decision of a body, or every decision of a unit across its bodies, with its source meeting
 * and minutes, units, deadline, working days left or overdue, status, latest progress and whether
 * the deadline is provisional: what the ledger (督办台账) XLSX shows.
 */
export async function listLedgerRows(db: DbOrTx, options: { bodyId: string; clock?: Clock } | { unitId: string; clock?: Clock }): Promise<LedgerRow[]> {
  const views = 'bodyId' in options ? await listDecisionViews(db, { bodyId: options.bodyId }) : await listDecisionViews(db, { unitId: options.unitId });
  const items = await toItems(db, views, today(options.clock ?? { now: () => new Date() }));
  const latest = await latestProgressOf(db, items.map((i) => i.id));
  const sources = await listDecisionSources(db, items.map((i) => i.minutesId));
  return items.map((item) => {
    const source = sources.get(item.minutesId);
    const progress = latest.get(item.id);
    return {
      ...item,
      meetingTitle: source?.meetingTitle ?? null,
      minutesTitle: source?.minutesTitle ?? null,
      minutesYear: source?.year ?? null,
      minutesNumber: source?.number ?? null,
      latestProgress: progress ? { text: progress.text, at: progress.createdAt.toISOString(), unitId: progress.unitId } : null,
    };
  });
}
