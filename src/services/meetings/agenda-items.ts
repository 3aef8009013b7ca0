/**
 * The agenda (议题): member units (through their liaison or member) and the office propose items,
 * the role the charter allows approves or rejects them (a rejection with a reason) — each a single
 * call of the charter gate (`propose_agenda`, `approve_agenda`; src/domain/charter-gates/).
 * Materials attached to items are in materials.ts.
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import type { AgendaItemRow } from '../../db/schema/meetings.ts';
import type { GateRole } from '../../domain/charter-gates/gate-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { findAgendaItem, insertAgendaItem, updateAgendaItem } from '../../repositories/meeting-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { BEFORE_MEETING, actorRolesOnMeetingDay, assertStatus, getMeetingRow, loadActiveBodyCharter, meetingDay, nowOf } from './meeting-context.ts';
import { getMeeting } from './meeting-views.ts';
import type { AgendaItemView } from './meeting-views.ts';

/** One agenda item as the meeting detail shows it. */
async function agendaItemView(db: DbOrTx, options: { bodyId: string; meetingId: string; itemId: string }): Promise<AgendaItemView> {
  const detail = await getMeeting(db, { bodyId: options.bodyId, meetingId: options.meetingId });
  const item = detail.agenda.find((i) => i.id === options.itemId);
  if (!item) throw new Error(`agenda item ${options.itemId} vanished`);
  return item;
}

/** An agenda item of the meeting, or a 404 naming `itemId`. */
export async function getAgendaItemRow(db: DbOrTx, options: { bodyId: string; meetingId: string; itemId: string }): Promise<AgendaItemRow> {
  await getMeetingRow(db, options);
  const item = await findAgendaItem(db, options.itemId);
  if (!item || item.meetingId !== options.meetingId) throw new AppError('agenda_item_not_found', '议题不存在', { field: 'itemId' });
  return item;
}

export interface ProposeAgendaItemInput {
  title: string;
  description?: string | null;
  /** The member unit proposing (its liaison or member); null or absent: the office proposes */
  unitId?: string | null;
}

/**
 * Proposes an agenda item. The office proposes in its own right; a liaison or member proposes for
 * their own unit (a member unit of the body on the meeting day), unless the charter's
 * agenda_approval rule names only others as proposers (refused with its clause).
 */
export async function proposeAgendaItem(
  db: Database,
  options: { bodyId: string; meetingId: string; input: ProposeAgendaItemInput; origin: AuditOrigin },
): Promise<AgendaItemView> {
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, BEFORE_MEETING, '再提出议题');
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const day = meetingDay(meeting);
    const unitId = options.input.unitId ?? null;
    const held = await actorRolesOnMeetingDay(tx, { bodyId: options.bodyId, meeting, origin: options.origin });
    // Who proposes: the office in its own right, or the unit (through its own liaison or member; the
    // office may record a unit's proposal, which is then the unit's).
    let proposer: GateRole;
    if (unitId === null) {
      if (!held.gateRoles.includes('office_staff')) {
        throw new AppError('agenda_unit_required', '成员单位提出议题须指明本单位', { field: 'unitId' });
      }
      proposer = 'office_staff';
    } else {
      const units = await listBodyUnits(tx, options.bodyId, day);
      if (!units.some((u) => u.unitId === unitId)) {
        throw new AppError('unit_not_member', '该单位在会议当日不是本机构的成员单位', { field: 'unitId' });
      }
      const own = held.roles.find((r) => (r.role === 'liaison' || r.role === 'member') && r.unitId === unitId);
      if (!own && !held.gateRoles.includes('office_staff')) {
        throw new AppError('forbidden', '只能为本单位提出议题', { field: 'unitId' });
      }
      proposer = own?.role === 'member' ? 'member' : 'liaison';
    }
    requireCharterGate(charter, { step: 'propose_agenda', meetingKind: meeting.kind, roles: [proposer] }, { field: 'unitId' });
    const title = options.input.title.trim();
    if (title === '') throw new AppError('title_required', '请填写议题', { field: 'title' });
    const row = await insertAgendaItem(tx, {
      meetingId: meeting.id,
      title,
      description: options.input.description?.trim() || null,
      proposedByUnitId: unitId,
      proposedBy: options.origin.actorId,
      proposedAt: now,
      status: 'proposed',
      decisionReason: null,
      decidedBy: null,
      decidedAs: null,
      decidedAt: null,
    });
    await recordAudit(tx, { ...options.origin, action: 'agenda.propose', entityType: 'agenda_item', entityId: row.id, before: null, after: row });
    return row.id;
  });
  return agendaItemView(db, { bodyId: options.bodyId, meetingId: options.meetingId, itemId: id });
}

/**
 * Approves or rejects a proposed agenda item: only a role the charter gate allows (`approve_agenda`),
 * held on the meeting day. Only approved items reach the final agenda; a rejection needs a reason.
 */
export async function decideAgendaItem(
  db: Database,
  options: { bodyId: string; meetingId: string; itemId: string; approve: boolean; reason?: string | null; origin: AuditOrigin },
): Promise<AgendaItemView> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertStatus(meeting, BEFORE_MEETING, '再审核议题');
    const before = await getAgendaItemRow(tx, options);
    if (before.status !== 'proposed') throw new AppError('agenda_item_already_decided', '该议题已经审核');
    const reason = options.reason?.trim() ?? '';
    if (!options.approve && reason === '') throw new AppError('reason_required', '不同意列入议题须说明理由', { field: 'reason' });
    const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    const held = await actorRolesOnMeetingDay(tx, { bodyId: options.bodyId, meeting, origin: options.origin });
    const { as: role } = requireCharterGate(charter, { step: 'approve_agenda', meetingKind: meeting.kind, roles: held.gateRoles });
    const after = await updateAgendaItem(tx, before.id, {
      status: options.approve ? 'approved' : 'rejected',
      decisionReason: reason === '' ? null : reason,
      decidedBy: options.origin.actorId,
      decidedAs: role,
      decidedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'agenda.decide', entityType: 'agenda_item', entityId: after.id, before, after });
  });
  return agendaItemView(db, options);
}
