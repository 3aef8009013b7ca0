/**
 * The annual work plan (年度工作要点) where the charter asks for one (…年度工作要点，提交协调小组会议审议):
 * the office drafts it, links it to an agenda item of a plenary meeting, and records its adoption
 * once that meeting was held with the item approved. A charter that does not mention one has none.
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import { workPlanClause } from '../../domain/reports/annual-rules.ts';
import { AppError } from '../../errors/app-error.ts';
import { findCollection, insertCollection, updateCollection } from '../../repositories/annual-cycle-repository.ts';
import type { AnnualCollectionRow } from '../../repositories/annual-cycle-repository.ts';
import { findAgendaItem, findMeeting } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { loadBodyCharter } from '../body-service.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import type { RuleClause } from '../../domain/meetings/meeting-rules.ts';

/** The meeting statuses after which a plenary has been held. */
const HELD = new Set(['held', 'minutes_drafted', 'minutes_signed_off', 'minutes_issued']);

export interface WorkPlanView {
  clause: RuleClause;
  status: 'not_drafted' | 'compiled' | 'adopted';
  text: string | null;
  agendaItemId: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
}

/** The work plan of a body's year; null when the charter asks for none. */
export async function getWorkPlan(db: DbOrTx, options: { bodyId: string; year: number }): Promise<WorkPlanView | null> {
  const { charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const clause = workPlanClause(charter);
  if (clause === null) return null;
  const row = await findCollection(db, { bodyId: options.bodyId, year: options.year, kind: 'work_plan' });
  if (row === null) return { clause, status: 'not_drafted', text: null, agendaItemId: null, meetingId: null, meetingTitle: null };
  const item = row.agendaItemId === null ? null : await findAgendaItem(db, row.agendaItemId);
  const meeting = item === null ? null : await findMeeting(db, item.meetingId);
  return { clause, status: row.status === 'adopted' ? 'adopted' : 'compiled', text: row.compiledText, agendaItemId: row.agendaItemId, meetingId: meeting?.id ?? null, meetingTitle: meeting?.title ?? null };
}

async function agendaItemOfPlenary(db: DbOrTx, bodyId: string, agendaItemId: string) {
  const item = await findAgendaItem(db, agendaItemId);
  const meeting = item === null ? null : await findMeeting(db, item.meetingId);
  if (item === null || meeting === null || meeting.bodyId !== bodyId) throw new AppError('agenda_item_not_found', '议题不存在', { field: 'agendaItemId' });
  if (meeting.kind !== 'plenary') throw new AppError('work_plan_agenda_not_plenary', '年度工作要点须提交全体会议审议：请选择全体会议的议题', { field: 'agendaItemId' });
  return { item, meeting };
}

/** The office drafts or revises the year's work plan and (optionally) links it to a plenary's agenda item. */
export async function draftWorkPlan(db: Database, options: { bodyId: string; year: number; text: string; agendaItemId: string | null; origin: AuditOrigin }): Promise<WorkPlanView> {
  const text = options.text.trim();
  if (text === '') throw new AppError('info_report_empty', '年度工作要点正文不能为空', { field: 'text' });
  await db.transaction(async (tx) => {
    const { body, charter } = await loadBodyCharter(tx, { bodyId: options.bodyId });
    const clause = workPlanClause(charter);
    if (clause === null) throw new AppError('work_plan_not_in_charter', `${body.name}的制度未要求制定年度工作要点`);
    if (options.agendaItemId !== null) await agendaItemOfPlenary(tx, options.bodyId, options.agendaItemId);
    const before = await findCollection(tx, { bodyId: options.bodyId, year: options.year, kind: 'work_plan', forUpdate: true });
    if (before?.status === 'adopted') throw new AppError('work_plan_already_adopted', `${options.year}年度工作要点已经全体会议审议通过，不能再修改`);
    let after: AnnualCollectionRow;
    if (before === null) {
      after = await insertCollection(tx, {
        bodyId: options.bodyId,
        year: options.year,
        kind: 'work_plan',
        clause: clause.clause,
        ruleText: clause.text,
        reportTo: '全体会议',
        deadline: shanghaiDateOf(options.origin.at),
        status: 'compiled',
        compiledText: text,
        compiledAt: options.origin.at,
        compiledBy: options.origin.actorId,
        agendaItemId: options.agendaItemId,
        createdAt: options.origin.at,
        createdBy: options.origin.actorId,
      });
    } else {
      after = await updateCollection(tx, before.id, { compiledText: text, compiledAt: options.origin.at, compiledBy: options.origin.actorId, agendaItemId: options.agendaItemId ?? before.agendaItemId });
    }
    await recordAudit(tx, { ...options.origin, action: 'work_plan.draft', entityType: 'annual_collection', entityId: after.id, before, after });
  });
  const view = await getWorkPlan(db, options);
  if (view === null) throw new Error('work plan vanished');
  return view;
}

/** The office records the plenary's adoption: the linked agenda item was approved and its plenary held. */
export async function adoptWorkPlan(db: Database, options: { bodyId: string; year: number; origin: AuditOrigin }): Promise<WorkPlanView> {
  await db.transaction(async (tx) => {
    const before = await findCollection(tx, { bodyId: options.bodyId, year: options.year, kind: 'work_plan', forUpdate: true });
    if (before === null) throw new AppError('annual_collection_not_found', `${options.year}年度工作要点尚未起草`, { field: 'year' });
    if (before.status === 'adopted') throw new AppError('work_plan_already_adopted', `${options.year}年度工作要点已经审议通过`);
    if (before.agendaItemId === null) throw new AppError('work_plan_not_adopted_yet', '年度工作要点尚未列入全体会议议题', { field: 'agendaItemId' });
    const { item, meeting } = await agendaItemOfPlenary(tx, options.bodyId, before.agendaItemId);
    if (item.status !== 'approved' || !HELD.has(meeting.status)) {
      throw new AppError('work_plan_not_adopted_yet', `全体会议“${meeting.title}”尚未召开或该议题未获审核通过，不能记为审议通过`);
    }
    const after = await updateCollection(tx, before.id, { status: 'adopted' });
    await recordAudit(tx, { ...options.origin, action: 'work_plan.adopt', entityType: 'annual_collection', entityId: before.id, before, after: { ...after, meetingId: meeting.id } });
  });
  const view = await getWorkPlan(db, options);
  if (view === null) throw new Error('work plan vanished');
  return view;
}
