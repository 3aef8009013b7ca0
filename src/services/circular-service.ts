/**
 * Status circulars (通报): a stored snapshot, on a day, of every open decided item of a body with
 * its status and working days left or overdue, sent to all members. Items that stood on the ladder's
 * top rung (overdue past the body's limit, reported to the convener) form the circular's 通报 list
 * (`rung: 'overdue_convener'`, counted in `escalatedCount`). H4's documents part renders it (DOCX)
 * from `getCircularForRendering`.
 */
import { assertBodyActive } from './dissolution-service.ts';
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { findBodyById } from '../repositories/body-repository.ts';
import { findCircular, insertCircular, listCirculars as listCircularRows, nextCircularNumber } from '../repositories/decision-repository.ts';
import type { CircularRow } from '../repositories/decision-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { listLedgerRows } from './decisions/decision-ledger.ts';
import type { LedgerRow } from './decisions/decision-ledger.ts';
import { enqueueNotification } from './notification-service.ts';
import { listedInCircular } from '../domain/decisions/escalation-ladder.ts';
import type { EscalationRung } from '../domain/decisions/escalation-ladder.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/** One open item as the circular lists it (frozen on the circular's day). */
export interface CircularItem {
  decisionId: string;
  itemNo: number;
  text: string;
  leadUnitName: string;
  coUnitNames: string[];
  meetingTitle: string | null;
  minutesTitle: string | null;
  minutesYear: number | null;
  minutesNumber: number | null;
  issuedOn: string;
  deadline: string;
  deadlineProvisional: boolean;
  status: LedgerRow['status'];
  statusName: string;
  overdue: boolean;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  latestProgress: string | null;
  /** The item's rung on the escalation ladder that day (absent in circulars made before the ladder) */
  rung?: EscalationRung;
}

export interface CircularSummary {
  id: string;
  bodyId: string;
  year: number;
  /** 第N期 of the year */
  number: number;
  asOf: string;
  createdAt: string;
  createdBy: string | null;
  openCount: number;
  overdueCount: number;
  /** Items in the 通报 list: overdue past the body's limit and reported to the convener */
  escalatedCount: number;
}

export interface CircularForRendering extends CircularSummary {
  bodyName: string;
  items: CircularItem[];
}

function toItem(row: LedgerRow): CircularItem {
  return {
    rung: row.escalationRung,
    decisionId: row.id,
    itemNo: row.itemNo,
    text: row.text,
    leadUnitName: row.leadUnit.name,
    coUnitNames: row.coUnits.map((u) => u.name),
    meetingTitle: row.meetingTitle,
    minutesTitle: row.minutesTitle,
    minutesYear: row.minutesYear,
    minutesNumber: row.minutesNumber,
    issuedOn: row.issuedOn,
    deadline: row.deadline,
    deadlineProvisional: row.deadlineProvisional,
    status: row.status,
    statusName: row.statusName,
    overdue: row.overdue,
    workingDaysLeft: row.workingDaysLeft,
    workingDaysOverdue: row.workingDaysOverdue,
    latestProgress: row.latestProgress?.text ?? null,
  };
}

function toSummary(row: CircularRow): CircularSummary {
  const items = row.items as CircularItem[];
  return {
    id: row.id,
    bodyId: row.bodyId,
    year: row.year,
    number: row.number,
    asOf: row.asOf,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    openCount: items.length,
    overdueCount: items.filter((i) => i.overdue).length,
    escalatedCount: items.filter((i) => i.rung !== undefined && listedInCircular(i.rung)).length,
  };
}

/** The office generates a circular of every open item today; all members are notified. */
export async function createCircular(options: { db: Database; clock: Clock; bodyId: string; origin: AuditOrigin }): Promise<CircularSummary> {
  return options.db.transaction(async (tx) => {
    const body = await findBodyById(tx, options.bodyId);
    if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
    assertBodyActive(body);
    const at = options.origin.at ?? options.clock.now();
    const asOf = shanghaiDateOf(at);
    const rows = (await listLedgerRows(tx, { bodyId: options.bodyId, clock: { now: () => at } })).filter((r) => r.status !== 'closed');
    if (rows.length === 0) throw new AppError('no_open_decisions', '本机构没有未销号的督办事项，无需通报', { field: 'bodyId' });
    const year = Number(asOf.slice(0, 4));
    const number = await nextCircularNumber(tx, options.bodyId, year);
    const items = rows.map(toItem);
    const circular = await insertCircular(tx, { bodyId: options.bodyId, year, number, asOf, items, createdBy: options.origin.actorId, createdAt: at });
    const summary = toSummary(circular);
    await recordAudit(tx, { ...options.origin, at, action: 'circular.create', entityType: 'circular', entityId: circular.id, before: null, after: summary });
    await enqueueNotification(tx, {
      at,
      bodyId: options.bodyId,
      event: 'circular.created',
      title: `督办事项通报（${year}年第${number}期）`,
      message: `截至 ${asOf}，未销号事项 ${summary.openCount} 项，其中逾期 ${summary.overdueCount} 项${summary.escalatedCount > 0 ? `，逾期较久报召集人通报 ${summary.escalatedCount} 项` : ''}。`,
      link: `/bodies/${options.bodyId}/circulars/${circular.id}`,
      recipients: [{ kind: 'body_roles', roles: ['convener', 'deputy_convener', 'member', 'liaison'] }, { kind: 'office' }],
      data: { circularId: circular.id, year, number, asOf },
    });
    return summary;
  });
}

export async function listCirculars(db: DbOrTx, options: { bodyId: string }): Promise<CircularSummary[]> {
  return (await listCircularRows(db, options.bodyId)).map(toSummary);
}

/** A stored circular with the body's name and its items, for the DOCX rendering. */
export async function getCircularForRendering(db: DbOrTx, options: { bodyId: string; circularId: string }): Promise<CircularForRendering> {
  const row = await findCircular(db, options.bodyId, options.circularId);
  if (!row) throw new AppError('circular_not_found', '通报不存在', { field: 'circularId' });
  const body = await findBodyById(db, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  return { ...toSummary(row), bodyName: body.name, items: row.items as CircularItem[] };
}
