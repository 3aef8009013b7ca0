/**
 * Correcting issued minutes: a new draft that references them, signed off and issued like any
 * minutes with its own number.
 */
import type { Database } from '../../db/database.ts';
import type { MinutesStatus } from '../../domain/meetings/meeting-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { insertMinutes, listMinutesOfMeeting } from '../../repositories/minutes-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import type { MinutesInput } from './draft-minutes.ts';
import { nowOf } from './meeting-context.ts';
import { getMinutes, getMinutesRow, minutesStatusRefusal } from './minutes-views.ts';
import type { MinutesItem } from './minutes-views.ts';

/**
 * Why a correction of these minutes may not be started, or null: only issued minutes are corrected,
 * and only one correction at a time is open (`siblings`: the meeting's minutes). Pure.
 */
export function correctionRefusal(
  original: { id: string; status: MinutesStatus },
  siblings: readonly { id: string; status: MinutesStatus; correctsMinutesId: string | null }[],
): AppError | null {
  const status = minutesStatusRefusal(original, 'issued', '更正（只能更正已印发的纪要）');
  if (status !== null) return status;
  const open = siblings.find((m) => m.correctsMinutesId === original.id && m.status !== 'issued');
  return open ? new AppError('correction_in_progress', '该纪要已有一份未印发的更正', { details: { minutesId: open.id } }) : null;
}

/**
 * Starts a correction of issued minutes: a new draft that references them, with their content to
 * edit; it is signed off and issued like any minutes and gets its own number. The decided items of
 * the original stay assigned (a correction does not assign them again).
 */
export async function issueCorrection(
  db: Database,
  options: { bodyId: string; minutesId: string; input: Partial<MinutesInput>; origin: AuditOrigin },
): Promise<MinutesItem> {
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const original = await getMinutesRow(tx, { ...options, forUpdate: true });
    const refusal = correctionRefusal(original, await listMinutesOfMeeting(tx, original.meetingId));
    if (refusal !== null) throw refusal;
    const row = await insertMinutes(tx, {
      meetingId: original.meetingId,
      bodyId: options.bodyId,
      status: 'draft',
      title: options.input.title?.trim() || original.title,
      proceedings: options.input.proceedings ?? original.proceedings,
      decidedItems: original.decidedItems,
      correctsMinutesId: original.id,
      createdBy: options.origin.actorId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, { ...options.origin, action: 'minutes.correction', entityType: 'minutes', entityId: row.id, before: null, after: row });
    return row.id;
  });
  return getMinutes(db, { bodyId: options.bodyId, minutesId: id });
}
