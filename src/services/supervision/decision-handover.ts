/**
 * Handover (移交) of a dissolving body's open decided items: before a body is dissolved by its
 * office — or after it was dissolved at its sunset date — the office transfers each open item to a
 * successor body (the item moves there, keeps its history and stays open), to a successor unit (it
 * is closed here, handed to that unit), or closes it with a reason. Every handover is recorded and
 * audited; the lead unit is told.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { HandoverAction } from '../../db/schema/supervision.ts';
import { AppError } from '../../errors/app-error.ts';
import { findBodiesByIds, findBodyById } from '../../repositories/body-repository.ts';
import { insertProgressReport, listDecisionViews, lockDecision, updateDecision } from '../../repositories/decision-repository.ts';
import { insertHandover, listHandovers, moveDecisionToBody } from '../../repositories/supervision-repository.ts';
import { findUnitById, findUnitsByIds } from '../../repositories/unit-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { enqueueNotification } from '../notification-service.ts';
import { listEscalationStandings } from './escalation-standing.ts';
import type { EscalationStanding } from './escalation-standing.ts';

export const HANDOVER_ACTION_NAMES: Record<HandoverAction, string> = {
  transfer_body: '移交后续机构',
  transfer_unit: '移交有关单位',
  close: '说明理由办结',
};

export interface HandoverRecord {
  decisionId: string;
  itemNo: number;
  text: string;
  leadUnitName: string;
  action: HandoverAction;
  actionName: string;
  successorBody: { id: string; name: string } | null;
  successorUnit: { id: string; name: string } | null;
  reason: string;
  handedOverAt: string;
  handedOverBy: string | null;
}

export interface HandoverOverview {
  bodyId: string;
  status: 'active' | 'dissolved';
  sunsetDate: string | null;
  dissolvedOn: string | null;
  /** Open items still to hand over, with their rung */
  openItems: EscalationStanding[];
  handovers: HandoverRecord[];
}

/** What the office sees before (or after) a body dissolves: the open items and the handovers made. */
export async function getHandoverOverview(db: DbOrTx, options: { bodyId: string; clock: Clock }): Promise<HandoverOverview> {
  const body = await findBodyById(db, options.bodyId);
  if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
  const rows = await listHandovers(db, options.bodyId);
  const views = new Map((await listDecisionViews(db, { ids: rows.map((r) => r.decisionId) })).map((v) => [v.id, v]));
  const successorBodies = new Map((await findBodiesByIds(db, rows.flatMap((r) => (r.successorBodyId === null ? [] : [r.successorBodyId])))).map((b) => [b.id, b.name]));
  const successorUnits = new Map((await findUnitsByIds(db, rows.flatMap((r) => (r.successorUnitId === null ? [] : [r.successorUnitId])))).map((u) => [u.id, u.name]));
  return {
    bodyId: body.id,
    status: body.status,
    sunsetDate: body.sunsetDate,
    dissolvedOn: body.dissolvedOn,
    openItems: await listEscalationStandings(db, options),
    handovers: rows.map((r) => {
      const view = views.get(r.decisionId);
      return {
        decisionId: r.decisionId,
        itemNo: view?.itemNo ?? 0,
        text: view?.text ?? '',
        leadUnitName: view?.leadUnitName ?? '',
        action: r.action,
        actionName: HANDOVER_ACTION_NAMES[r.action],
        successorBody: r.successorBodyId === null ? null : { id: r.successorBodyId, name: successorBodies.get(r.successorBodyId) ?? '' },
        successorUnit: r.successorUnitId === null ? null : { id: r.successorUnitId, name: successorUnits.get(r.successorUnitId) ?? '' },
        reason: r.reason,
        handedOverAt: r.handedOverAt.toISOString(),
        handedOverBy: r.handedOverBy,
      };
    }),
  };
}

export interface HandOverDecisionOptions {
  clock: Clock;
  bodyId: string;
  decisionId: string;
  action: HandoverAction;
  /** For `transfer_body`: an active body other than this one */
  successorBodyId?: string | null;
  /** For `transfer_unit` */
  successorUnitId?: string | null;
  reason: string;
  origin: AuditOrigin;
}

/** The office hands over one open decided item of its body (active or dissolved). */
export async function handOverDecision(db: Database, options: HandOverDecisionOptions): Promise<HandoverRecord> {
  const reason = options.reason.trim();
  if (reason === '') throw new AppError('handover_reason_required', '请填写移交或办结的理由', { field: 'reason' });
  await db.transaction(async (tx) => {
    const body = await findBodyById(tx, options.bodyId);
    if (!body) throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
    const row = await lockDecision(tx, options.bodyId, options.decisionId);
    if (!row) throw new AppError('decision_not_found', '督办事项不存在', { field: 'decisionId' });
    if (row.status === 'closed') throw new AppError('decision_closed', '事项已销号，无需移交', { field: 'decisionId' });
    const at = options.origin.at ?? options.clock.now();
    let successorBodyId: string | null = null;
    let successorUnitId: string | null = null;
    let closingText: string | null = null;
    if (options.action === 'transfer_body') {
      const id = options.successorBodyId ?? null;
      const successor = id === null ? null : await findBodyById(tx, id);
      if (successor === null || id === null) throw new AppError('successor_body_required', '请选择承接事项的后续机构', { field: 'successorBodyId' });
      if (successor.id === body.id) throw new AppError('successor_body_invalid', '不能移交给本机构自身', { field: 'successorBodyId' });
      if (successor.status !== 'active') throw new AppError('successor_body_invalid', `后续机构“${successor.name}”已撤销，不能承接事项`, { field: 'successorBodyId' });
      successorBodyId = successor.id;
      await moveDecisionToBody(tx, row.id, successor.id, at);
      await enqueueNotification(tx, {
        at,
        bodyId: successor.id,
        event: 'decision.transferred_in',
        title: `承接督办事项：${row.text.length <= 40 ? row.text : `${row.text.slice(0, 40)}…`}`,
        message: `“${body.name}”撤销前将本事项移交本机构继续督办（办理时限 ${row.deadline}）。理由：${reason}`,
        link: `/bodies/${successor.id}/decisions/${row.id}`,
        recipients: [{ kind: 'office' }],
        data: { decisionId: row.id, fromBodyId: body.id },
      });
    } else if (options.action === 'transfer_unit') {
      const id = options.successorUnitId ?? null;
      const unit = id === null ? null : await findUnitById(tx, id);
      if (unit === null) throw new AppError('successor_unit_required', '请选择承接事项的单位', { field: 'successorUnitId' });
      successorUnitId = unit.id;
      closingText = `移交${unit.name}继续办理：${reason}`;
    } else {
      closingText = `机构撤销，说明理由办结：${reason}`;
    }
    if (closingText !== null) {
      // Handover closes the item here from any open status (not only after a completion report).
      await insertProgressReport(tx, { decisionId: row.id, kind: 'closed', unitId: null, authorId: options.origin.actorId, text: closingText, createdAt: at });
      await updateDecision(tx, row.id, { status: 'closed', closedAt: at, closedBy: options.origin.actorId, updatedAt: at });
    }
    const handover = await insertHandover(tx, {
      decisionId: row.id,
      fromBodyId: body.id,
      action: options.action,
      successorBodyId,
      successorUnitId,
      reason,
      handedOverAt: at,
      handedOverBy: options.origin.actorId,
    });
    await recordAudit(tx, {
      ...options.origin,
      at,
      action: 'decision.hand_over',
      entityType: 'decision',
      entityId: row.id,
      before: { bodyId: body.id, status: row.status },
      after: { handoverId: handover.id, action: options.action, successorBodyId, successorUnitId, reason, status: closingText === null ? row.status : 'closed' },
    });
    await enqueueNotification(tx, {
      at,
      bodyId: body.id,
      event: 'decision.handed_over',
      title: `督办事项已${HANDOVER_ACTION_NAMES[options.action]}`,
      message: `${closingText ?? `移交后续机构继续督办：${reason}`}\n${row.text}`,
      link: `/bodies/${body.id}/decisions/${row.id}`,
      recipients: [{ kind: 'unit', unitId: row.leadUnitId, roles: ['liaison'] }, { kind: 'office' }],
      data: { decisionId: row.id, action: options.action },
    });
  });
  const overview = await getHandoverOverview(db, { bodyId: options.bodyId, clock: options.clock });
  const record = overview.handovers.find((h) => h.decisionId === options.decisionId);
  if (!record) throw new Error('handover record missing after commit');
  return record;
}
