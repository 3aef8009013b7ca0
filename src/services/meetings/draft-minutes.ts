/**
 * Drafting minutes: the office drafts the minutes of a held meeting and edits them until issued
 * (editing signed-off minutes withdraws the sign-off). The decided items' time limits are checked
 * against the charter's handling deadline already in the draft (decided-item-deadlines.ts).
 */
import type { Database, DbOrTx } from '../../db/database.ts';
import type { DecidedItemDraft, MinutesStatus } from '../../domain/meetings/meeting-types.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { AppError } from '../../errors/app-error.ts';
import { updateMeeting } from '../../repositories/meeting-repository.ts';
import { insertMinutes, updateMinutes } from '../../repositories/minutes-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { assertDecidedItemDeadlines } from './decided-item-deadlines.ts';
import { assertTransition, getMeetingRow, loadActiveBodyCharter, nowOf } from './meeting-context.ts';
import { getMinutes, getMinutesRow, minutesStatusRefusal } from './minutes-views.ts';
import type { MinutesItem } from './minutes-views.ts';

/** Checks decided items' units: each a member unit of the body (at any time; issue checks the issue date). */
async function checkDecidedItems(db: DbOrTx, options: { bodyId: string; items: readonly DecidedItemDraft[] }): Promise<void> {
  const units = new Set((await listBodyUnits(db, options.bodyId)).map((u) => u.unitId));
  for (const [index, item] of options.items.entries()) {
    const field = `decidedItems.${index}`;
    if (item.text.trim() === '') throw new AppError('decision_text_required', '议定事项内容不能为空', { field: `${field}.text` });
    if (!units.has(item.leadUnitId)) throw new AppError('unit_not_member', '主办单位不是本机构的成员单位', { field: `${field}.leadUnitId` });
    for (const [i, unitId] of item.coUnitIds.entries()) {
      if (!units.has(unitId)) throw new AppError('unit_not_member', '协办单位不是本机构的成员单位', { field: `${field}.coUnitIds.${i}` });
      if (unitId === item.leadUnitId) throw new AppError('co_unit_is_lead', '协办单位不能同时是主办单位', { field: `${field}.coUnitIds.${i}` });
    }
  }
}

export interface MinutesInput {
  title?: string | undefined;
  proceedings: string;
  decidedItems: DecidedItemDraft[];
}

/** The office drafts the minutes of a held meeting (the meeting moves to minutes_drafted). */
export async function draftMinutes(db: Database, options: { bodyId: string; meetingId: string; input: MinutesInput; origin: AuditOrigin }): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const meeting = await getMeetingRow(tx, { ...options, forUpdate: true });
    assertTransition(meeting, 'minutes_drafted');
    const { body, charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    await checkDecidedItems(tx, { bodyId: options.bodyId, items: options.input.decidedItems });
    await assertDecidedItemDeadlines(tx, { bodyId: options.bodyId, charter, items: options.input.decidedItems, from: shanghaiDateOf(now), field: 'decidedItems', startLabel: '今天' });
    const row = await insertMinutes(tx, {
      meetingId: meeting.id,
      bodyId: options.bodyId,
      status: 'draft',
      title: options.input.title?.trim() || `${body.name}${meeting.kindName}纪要`,
      proceedings: options.input.proceedings,
      decidedItems: options.input.decidedItems,
      correctsMinutesId: null,
      createdBy: options.origin.actorId,
      createdAt: now,
      updatedAt: now,
    });
    const after = await updateMeeting(tx, meeting.id, { status: 'minutes_drafted', updatedAt: now });
    await recordAudit(tx, { ...options.origin, action: 'minutes.draft', entityType: 'minutes', entityId: row.id, before: null, after: row });
    await recordAudit(tx, { ...options.origin, action: 'meeting.minutes_drafted', entityType: 'meeting', entityId: meeting.id, before: meeting, after });
    return row.id;
  });
  return getMinutes(db, { bodyId: options.bodyId, minutesId: id });
}

/**
 * Why the minutes may not be edited, or null: a draft or signed-off minutes may (editing signed-off
 * minutes withdraws the sign-off); issued minutes only through a correction. Pure.
 */
export function editMinutesRefusal(row: { status: MinutesStatus }): AppError | null {
  return row.status === 'signed_off' ? null : minutesStatusRefusal(row, 'draft', '修改（已印发的纪要只能更正）');
}

/**
 * Edits minutes not yet issued. Editing signed-off minutes withdraws the sign-off: they go back to
 * draft (and the meeting to minutes_drafted) and need signing off again. Issued minutes never change.
 * `expectedVersion` guards against lost updates.
 */
export async function editMinutes(
  db: Database,
  options: { bodyId: string; minutesId: string; input: Partial<MinutesInput>; expectedVersion?: number | undefined; origin: AuditOrigin },
): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  await db.transaction(async (tx) => {
    const before = await getMinutesRow(tx, { ...options, forUpdate: true });
    const refusal = editMinutesRefusal(before);
    if (refusal !== null) throw refusal;
    if (options.expectedVersion !== undefined && options.expectedVersion !== before.version) {
      throw new AppError('minutes_version_conflict', '纪要已被他人修改，请刷新后再改', { field: 'version' });
    }
    if (options.input.decidedItems !== undefined) {
      await checkDecidedItems(tx, { bodyId: options.bodyId, items: options.input.decidedItems });
      const { charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
      await assertDecidedItemDeadlines(tx, { bodyId: options.bodyId, charter, items: options.input.decidedItems, from: shanghaiDateOf(now), field: 'decidedItems', startLabel: '今天' });
    }
    const after = await updateMinutes(tx, before.id, {
      ...(options.input.title !== undefined ? { title: options.input.title.trim() } : {}),
      ...(options.input.proceedings !== undefined ? { proceedings: options.input.proceedings } : {}),
      ...(options.input.decidedItems !== undefined ? { decidedItems: options.input.decidedItems } : {}),
      ...(before.status === 'signed_off' ? { status: 'draft' as const, signedOffBy: null, signedOffPersonId: null, signedOffAs: null, signedOffAt: null } : {}),
      updatedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'minutes.edit', entityType: 'minutes', entityId: after.id, before, after });
    if (before.status === 'signed_off' && before.correctsMinutesId === null) {
      const meeting = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: before.meetingId, forUpdate: true });
      assertTransition(meeting, 'minutes_drafted');
      const meetingAfter = await updateMeeting(tx, meeting.id, { status: 'minutes_drafted', updatedAt: now });
      await recordAudit(tx, { ...options.origin, action: 'meeting.minutes_drafted', entityType: 'meeting', entityId: meeting.id, before: meeting, after: meetingAfter });
    }
  });
  return getMinutes(db, options);
}
