/**
 * The annual cycle (年度工作报告): the charter's `annual_report` rules create each year's collection —
 * a task for every member unit (and group) that must report, with a working-day deadline on the
 * body's regional calendar (a deadline after the body's sunset is refused, citing it); units submit
 * their 年度工作报告, the office accepts, returns with a reason or presses (催报), then compiles the
 * body's own report (DOCX) and starts the outgoing document that sends it where the charter says.
 * A charter that orders no annual report gets no collection: nothing is invented.
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import type { AnnualTaskResponse, AnnualYearResponse } from '../../contracts/annual-cycle.ts';
import { renderAnnualReportDocx } from '../../documents/annual-report-docx.ts';
import { annualPlan } from '../../domain/reports/annual-rules.ts';
import type { AnnualPlan } from '../../domain/reports/annual-rules.ts';
import type { CollectionStatus, TaskStatus } from '../../domain/reports/report-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { findCollection, findTask, insertCollection, insertTasks, listOpenTasksOfReporters, listTasks, updateCollection, updateTask } from '../../repositories/annual-cycle-repository.ts';
import { listGroupLinksOfUnit } from '../../repositories/group-repository.ts';
import type { AnnualCollectionRow, AnnualTaskRow } from '../../repositories/annual-cycle-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { loadBodyCharter } from '../body-service.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';
import { enqueueNotification } from '../notification-service.ts';
import { createOutgoingDraft } from '../outgoing-documents/outgoing-document-service.ts';
import { listReporters } from '../reports/report-context.ts';
import type { Reporter } from '../reports/report-context.ts';
import { getWorkPlan } from './work-plan.ts';

const TASK_STATUS_NAMES: Record<TaskStatus, string> = { pending: '待报送', submitted: '已报送', returned: '已退回', accepted: '已采用' };
const COLLECTION_STATUS_NAMES: Record<CollectionStatus, string> = { collecting: '征集中', compiled: '已汇总', adopted: '已审议通过' };

export type AnnualDeadlineSpec = { kind: 'working_days'; days: number } | { kind: 'date'; date: string };

function noAnnualRule(bodyName: string): AppError {
  return new AppError('annual_report_not_in_charter', `${bodyName}的制度未规定年度工作报告，不发起年度征集`);
}

function toTask(row: AnnualTaskRow, today: string): AnnualTaskResponse {
  return {
    id: row.id,
    reporterKind: row.reporterKind,
    reporterId: row.reporterId,
    reporterName: row.reporterName,
    deadline: row.deadline,
    status: row.status,
    statusName: TASK_STATUS_NAMES[row.status],
    overdue: (row.status === 'pending' || row.status === 'returned') && today > row.deadline,
    text: row.text,
    reason: row.reason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

function planView(plan: AnnualPlan | null): AnnualYearResponse['plan'] {
  if (plan === null) return null;
  return {
    memberUnits: plan.memberUnits,
    groups: plan.groups,
    reportTo: plan.reportTo,
    rules: plan.rules.map((r) => ({ reporter: r.rule.reporter, to: r.rule.to, via: r.rule.via ?? null, clause: r.clause })),
  };
}

/** Where a body's year stands: what its charter orders, the collection and each task. */
export async function getAnnualYear(db: DbOrTx, options: { bodyId: string; year: number; today: string }): Promise<AnnualYearResponse> {
  const { charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const plan = annualPlan(charter);
  const collection = await findCollection(db, { bodyId: options.bodyId, year: options.year, kind: 'annual_report' });
  const tasks = collection === null ? [] : (await listTasks(db, collection.id)).map((t) => toTask(t, options.today));
  const count = (status: TaskStatus) => tasks.filter((t) => t.status === status).length;
  return {
    bodyId: options.bodyId,
    year: options.year,
    today: options.today,
    plan: planView(plan),
    collection:
      collection === null
        ? null
        : {
            id: collection.id,
            status: collection.status,
            statusName: COLLECTION_STATUS_NAMES[collection.status],
            deadline: collection.deadline,
            reportTo: collection.reportTo,
            compiledText: collection.compiledText,
            compiledAt: collection.compiledAt?.toISOString() ?? null,
            outgoingDocumentId: collection.outgoingDocumentId,
            counts: { total: tasks.length, pending: count('pending'), submitted: count('submitted'), returned: count('returned'), accepted: count('accepted'), overdue: tasks.filter((t) => t.overdue).length },
          },
    tasks,
    workPlan: await getWorkPlan(db, { bodyId: options.bodyId, year: options.year }),
  };
}

/**
 * The office starts the year's collection: a task for each reporter the charter names, all due on
 * the deadline (`working_days` after today on the body's calendar, or a working-day `date`).
 * Refused: a charter without an annual report rule, a second collection for the year, a deadline
 * that is not a working day, in the past, or after the body's sunset (citing the sunset clause).
 */
export async function startAnnualCollection(db: Database, options: { bodyId: string; year: number; deadline: AnnualDeadlineSpec; origin: AuditOrigin }): Promise<AnnualYearResponse> {
  const today = shanghaiDateOf(options.origin.at);
  await db.transaction(async (tx) => {
    const { body, charter } = await loadBodyCharter(tx, { bodyId: options.bodyId });
    if (body.status !== 'active') throw new AppError('body_dissolved', '该机构已撤销，不能再发起年度征集');
    const plan = annualPlan(charter);
    if (plan === null) throw noAnnualRule(body.name);
    if (options.year < Number(today.slice(0, 4)) - 1 || options.year > Number(today.slice(0, 4)) + 1) {
      throw new AppError('annual_year_out_of_range', `只能发起上一年度、本年度或下一年度的征集（今天是${today}）`, { field: 'year' });
    }
    if ((await findCollection(tx, { bodyId: options.bodyId, year: options.year, kind: 'annual_report' })) !== null) {
      throw new AppError('annual_collection_exists', `${options.year}年度的年度工作报告征集已经发起`, { field: 'year' });
    }
    const calendar = await loadBodyCalendar(tx, { bodyId: options.bodyId });
    let deadline: string;
    if (options.deadline.kind === 'working_days') {
      deadline = calendar.addWorkingDays(today, options.deadline.days).result;
    } else {
      deadline = options.deadline.date;
      if (deadline <= today) throw new AppError('annual_deadline_in_past', `报送截止日期应晚于今天（${today}）`, { field: 'deadline.date' });
      const day = calendar.isWorkingDay(deadline);
      if (!day.isWorkingDay) throw new AppError('annual_deadline_not_working_day', `${deadline}不是工作日${day.festival === null ? '' : `（${day.festival}）`}，请选择工作日`, { field: 'deadline.date' });
    }
    if (body.sunsetDate !== null && deadline > body.sunsetDate) {
      const clause = charter.sunset === null ? undefined : { document: charter.foundingDocument.title, clause: null, text: charter.sunset.text };
      throw new AppError('annual_deadline_after_sunset', `报送截止日期${deadline}晚于本机构撤销日期${body.sunsetDate}（${charter.sunset?.text ?? '自行撤销'}）`, {
        field: 'deadline',
        ...(clause === undefined ? {} : { clause }),
        details: { deadline, sunsetDate: body.sunsetDate },
      });
    }
    const reporters: Reporter[] = [];
    if (plan.memberUnits) reporters.push(...(await listReporters(tx, { bodyId: options.bodyId, kind: 'member_unit', today })));
    if (plan.groups) reporters.push(...(await listReporters(tx, { bodyId: options.bodyId, kind: 'group', today })));
    const first = plan.rules[0];
    const collection = await insertCollection(tx, {
      bodyId: options.bodyId,
      year: options.year,
      kind: 'annual_report',
      clause: first?.clause.clause ?? null,
      ruleText: plan.rules.map((r) => r.clause.text).join('\n'),
      reportTo: plan.reportTo.join('、'),
      deadline,
      status: 'collecting',
      createdAt: options.origin.at,
      createdBy: options.origin.actorId,
    });
    const tasks = await insertTasks(
      tx,
      reporters.map((r) => ({ collectionId: collection.id, reporterKind: r.kind, reporterId: r.id, reporterName: r.name, deadline, status: 'pending' as const })),
    );
    await recordAudit(tx, { ...options.origin, action: 'annual_collection.start', entityType: 'annual_collection', entityId: collection.id, before: null, after: { ...collection, tasks: tasks.length } });
    const remindUnits = [...new Set(reporters.flatMap((r) => r.remindUnitIds))];
    if (remindUnits.length > 0) {
      await enqueueNotification(tx, {
        at: options.origin.at,
        bodyId: options.bodyId,
        event: 'annual_report.requested',
        title: `请报送${options.year}年度工作报告`,
        message: `${body.name}办公室请各单位于${deadline}前报送${options.year}年度工作报告（${first?.clause.clause ?? '制度'}：${first?.clause.text ?? ''}）`,
        link: `/bodies/${options.bodyId}/reports`,
        recipients: remindUnits.map((unitId) => ({ kind: 'unit' as const, unitId, roles: ['liaison' as const] })),
        data: { year: options.year, deadline },
      });
    }
  });
  return getAnnualYear(db, { bodyId: options.bodyId, year: options.year, today });
}

async function lockTask(tx: DbOrTx, bodyId: string, taskId: string): Promise<{ task: AnnualTaskRow; collection: AnnualCollectionRow }> {
  const found = await findTask(tx, { bodyId, taskId, forUpdate: true });
  if (found === null) throw new AppError('annual_task_not_found', '该年度工作报告任务不存在', { field: 'taskId' });
  return found;
}

/** The unit of the task (a member unit's own; for a group, the acting unit must be one of the group's). */
async function assertReportsFor(tx: DbOrTx, task: AnnualTaskRow, bodyId: string, unitId: string, today: string): Promise<void> {
  if (task.reporterKind === 'member_unit') {
    if (task.reporterId !== unitId) throw new AppError('annual_task_not_yours', '这不是本单位的年度工作报告任务', { field: 'unitId' });
    return;
  }
  const group = (await listReporters(tx, { bodyId, kind: 'group', today })).find((r) => r.id === task.reporterId);
  if (group === undefined || !group.unitIds.includes(unitId)) throw new AppError('annual_task_not_yours', `本单位不是${task.reporterName}的牵头或成员单位`, { field: 'unitId' });
}

/** The task of a body (for the route's authorization by the task's unit). */
export async function getAnnualTask(db: DbOrTx, options: { bodyId: string; taskId: string }): Promise<AnnualTaskRow> {
  const found = await findTask(db, options);
  if (found === null) throw new AppError('annual_task_not_found', '该年度工作报告任务不存在', { field: 'taskId' });
  return found.task;
}

/** A unit submits (or, after a return, resubmits) its 年度工作报告 while the collection is open. */
export async function submitAnnualTask(db: Database, options: { bodyId: string; taskId: string; unitId: string; text: string; origin: AuditOrigin }): Promise<AnnualTaskResponse> {
  const text = options.text.trim();
  if (text === '') throw new AppError('info_report_empty', '年度工作报告正文不能为空', { field: 'text' });
  const today = shanghaiDateOf(options.origin.at);
  return db.transaction(async (tx) => {
    const { task, collection } = await lockTask(tx, options.bodyId, options.taskId);
    if (collection.status !== 'collecting') throw new AppError('annual_collection_closed', `${collection.year}年度的年度工作报告已汇总，不能再报送`);
    if (task.status !== 'pending' && task.status !== 'returned') throw new AppError('annual_task_wrong_status', `该任务${TASK_STATUS_NAMES[task.status]}，不能再报送`);
    await assertReportsFor(tx, task, options.bodyId, options.unitId, today);
    const after = await updateTask(tx, task.id, { status: 'submitted', text, reason: null, submittedAt: options.origin.at, submittedBy: options.origin.actorId });
    await recordAudit(tx, { ...options.origin, action: 'annual_task.submit', entityType: 'annual_task', entityId: task.id, before: task, after });
    return toTask(after, today);
  });
}

/** The office accepts a submitted report, or returns it with a reason (the unit resubmits). */
export async function decideAnnualTask(db: Database, options: { bodyId: string; taskId: string; decision: 'accept' | 'return'; reason: string | null; origin: AuditOrigin }): Promise<AnnualTaskResponse> {
  const reason = options.reason?.trim() ?? '';
  if (options.decision === 'return' && reason === '') throw new AppError('reason_required', '退回须说明理由', { field: 'reason' });
  const today = shanghaiDateOf(options.origin.at);
  return db.transaction(async (tx) => {
    const { task, collection } = await lockTask(tx, options.bodyId, options.taskId);
    if (task.status !== 'submitted') throw new AppError('annual_task_wrong_status', `该任务${TASK_STATUS_NAMES[task.status]}，只能处理已报送的报告`);
    const after = await updateTask(tx, task.id, {
      status: options.decision === 'accept' ? 'accepted' : 'returned',
      reason: reason === '' ? null : reason,
      decidedAt: options.origin.at,
      decidedBy: options.origin.actorId,
    });
    await recordAudit(tx, { ...options.origin, action: `annual_task.${options.decision}`, entityType: 'annual_task', entityId: task.id, before: task, after });
    if (options.decision === 'return' && task.reporterKind === 'member_unit') {
      await enqueueNotification(tx, {
        at: options.origin.at,
        bodyId: options.bodyId,
        event: 'annual_report.returned',
        title: `${collection.year}年度工作报告被退回`,
        message: `办公室退回了本单位的${collection.year}年度工作报告，理由：${reason}`,
        link: `/bodies/${options.bodyId}/reports`,
        recipients: [{ kind: 'unit', unitId: task.reporterId, roles: ['liaison'] }],
        data: { taskId: task.id },
      });
    }
    return toTask(after, today);
  });
}

/** The office presses a unit that has not reported (催报): a message to its liaison, audited. */
export async function remindAnnualTask(db: Database, options: { bodyId: string; taskId: string; origin: AuditOrigin }): Promise<AnnualTaskResponse> {
  const today = shanghaiDateOf(options.origin.at);
  return db.transaction(async (tx) => {
    const { task, collection } = await lockTask(tx, options.bodyId, options.taskId);
    if (task.status !== 'pending' && task.status !== 'returned') throw new AppError('annual_task_wrong_status', `该任务${TASK_STATUS_NAMES[task.status]}，无须催报`);
    const units = task.reporterKind === 'member_unit' ? [task.reporterId] : ((await listReporters(tx, { bodyId: options.bodyId, kind: 'group', today })).find((r) => r.id === task.reporterId)?.remindUnitIds ?? []);
    await enqueueNotification(tx, {
      at: options.origin.at,
      bodyId: options.bodyId,
      event: 'annual_report.reminder',
      title: `催报：${collection.year}年度工作报告`,
      message: `请${task.reporterName}于${task.deadline}前报送${collection.year}年度工作报告${today > task.deadline ? '（已逾期）' : ''}`,
      link: `/bodies/${options.bodyId}/reports`,
      recipients: units.map((unitId) => ({ kind: 'unit' as const, unitId, roles: ['liaison' as const] })),
      data: { taskId: task.id, year: collection.year },
    });
    await recordAudit(tx, { ...options.origin, action: 'annual_task.remind', entityType: 'annual_task', entityId: task.id, before: null, after: { remindedAt: options.origin.at.toISOString() } });
    return toTask(task, today);
  });
}

function reportTitle(bodyName: string, year: number): string {
  return `${bodyName}关于${year}年度工作情况的报告`;
}

/**
 * The office compiles the body's annual report from its own summary and the units' reports, and
 * (unless `issue` is false) starts the outgoing document (发文, kind 报告) that sends it where the
 * charter says — the signing chain and the 不正式行文 rule are the outgoing documents' own.
 */
export async function compileAnnualReport(db: Database, options: { bodyId: string; year: number; text: string; issue: boolean; origin: AuditOrigin }): Promise<AnnualYearResponse> {
  const today = shanghaiDateOf(options.origin.at);
  await db.transaction(async (tx) => {
    const { body } = await loadBodyCharter(tx, { bodyId: options.bodyId });
    const collection = await findCollection(tx, { bodyId: options.bodyId, year: options.year, kind: 'annual_report', forUpdate: true });
    if (collection === null) throw new AppError('annual_collection_not_found', `${options.year}年度的年度工作报告征集尚未发起`, { field: 'year' });
    if (collection.status !== 'collecting') throw new AppError('annual_collection_closed', `${options.year}年度的年度工作报告已汇总`);
    const text = options.text.trim();
    let outgoingDocumentId: string | null = null;
    if (options.issue) {
      const draft = await createOutgoingDraft(tx, {
        bodyId: options.bodyId,
        input: { kind: 'report', issuedInNameOf: 'body', groupId: null, title: reportTitle(body.name, options.year), content: text, source: { kind: 'annual_collection', id: collection.id } },
        origin: options.origin,
      });
      outgoingDocumentId = draft.id;
    }
    const after = await updateCollection(tx, collection.id, { status: 'compiled', compiledText: text, compiledAt: options.origin.at, compiledBy: options.origin.actorId, outgoingDocumentId });
    await recordAudit(tx, { ...options.origin, action: 'annual_collection.compile', entityType: 'annual_collection', entityId: collection.id, before: collection, after });
  });
  return getAnnualYear(db, { bodyId: options.bodyId, year: options.year, today });
}

/** The compiled annual report as DOCX (submitted and accepted unit reports appended; the missing named). */
export async function renderAnnualReport(db: DbOrTx, options: { bodyId: string; year: number }): Promise<{ fileName: string; content: Buffer }> {
  const { body, charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const collection = await findCollection(db, { bodyId: options.bodyId, year: options.year, kind: 'annual_report' });
  if (collection === null || collection.compiledText === null || collection.compiledAt === null) {
    throw new AppError('annual_collection_not_found', `${options.year}年度的年度工作报告尚未汇总`, { field: 'year' });
  }
  const tasks = await listTasks(db, collection.id);
  const title = reportTitle(body.name, options.year);
  const content = await renderAnnualReportDocx({
    title,
    addressees: collection.reportTo === '' ? [] : [collection.reportTo],
    summary: collection.compiledText,
    parts: tasks.filter((t) => (t.status === 'accepted' || t.status === 'submitted') && t.text !== null).map((t) => ({ reporterName: t.reporterName, text: t.text ?? '' })),
    missing: tasks.filter((t) => t.status === 'pending' || t.status === 'returned').map((t) => t.reporterName),
    signature: { issuerName: body.name, date: shanghaiDateOf(collection.compiledAt), sealed: !charter.flags.noSeal },
  });
  return { fileName: `${title}.docx`, content };
}

/** An open annual-report task a unit owes (its own, or a group's it belongs to), for the unit's cross-body view. */
export interface UnitAnnualTask {
  taskId: string;
  bodyId: string;
  bodyName: string;
  year: number;
  reporterName: string;
  deadline: string;
  status: TaskStatus;
  statusName: string;
  overdue: boolean;
  link: string;
}

/** The annual-report tasks a unit still owes across bodies, earliest deadline first. Stable read for the cross-body view. */
export async function listUnitAnnualTasks(db: DbOrTx, options: { unitId: string; today: string }): Promise<UnitAnnualTask[]> {
  const groupIds = (await listGroupLinksOfUnit(db, options.unitId)).map((g) => g.groupId);
  const rows = await listOpenTasksOfReporters(db, [options.unitId, ...groupIds]);
  return rows
    .filter((r) => (r.task.reporterKind === 'member_unit' ? r.task.reporterId === options.unitId : groupIds.includes(r.task.reporterId)))
    .map((r) => ({
      taskId: r.task.id,
      bodyId: r.collection.bodyId,
      bodyName: r.bodyName,
      year: r.collection.year,
      reporterName: r.task.reporterName,
      deadline: r.task.deadline,
      status: r.task.status,
      statusName: TASK_STATUS_NAMES[r.task.status],
      overdue: options.today > r.task.deadline,
      link: `/bodies/${r.collection.bodyId}/reports`,
    }));
}
