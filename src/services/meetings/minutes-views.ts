/**
 * Minutes (会议纪要) as readers see them: the view with the attendance lists and observers, the
 * reads, and what every minutes step shares (the row or a 404, the status check, the distribution).
 */
import type { DbOrTx } from '../../db/database.ts';
import type { MinutesRow } from '../../db/schema/meetings.ts';
import { attendanceLists } from '../../domain/meetings/meeting-findings.ts';
import type { AttendanceLists } from '../../domain/meetings/meeting-findings.ts';
import type { minutesDistributionRule } from '../../domain/meetings/meeting-rules.ts';
import type { DecidedItemDraft, MinutesDistribution, MinutesStatus } from '../../domain/meetings/meeting-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { listAttendance, listInvitees } from '../../repositories/meeting-repository.ts';
import { findMinutes, listMinutesOfBody, listMinutesOfMeeting } from '../../repositories/minutes-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { loadBodyCharter } from '../body-service.ts';
import { invitedUnits } from './meeting-views.ts';

export interface MinutesItem {
  id: string;
  bodyId: string;
  meetingId: string;
  status: MinutesStatus;
  title: string;
  proceedings: string;
  decidedItems: DecidedItemDraft[];
  signedOffBy: string | null;
  signedOffAs: string | null;
  signedOffAt: string | null;
  year: number | null;
  number: number | null;
  issuedOn: string | null;
  issuedAt: string | null;
  distribution: MinutesDistribution | null;
  decisionIds: string[];
  correctsMinutesId: string | null;
  /** Issues that correct this one */
  correctedBy: string[];
  /** 出席 / 请假 / 列席, from the meeting's attendance and approved observers */
  attendance: AttendanceLists;
  observers: { name: string; unitName: string | null }[];
  version: number;
  updatedAt: string;
}

/** The attendance lists and the approved observers of the meeting, as minutes print them. */
async function attendanceOf(db: DbOrTx, meetingId: string): Promise<{ lists: AttendanceLists; observers: { name: string; unitName: string | null }[] }> {
  const [attendance, invitees] = await Promise.all([listAttendance(db, meetingId), listInvitees(db, meetingId)]);
  const invited = invitedUnits(invitees);
  const byUnit = new Map(attendance.map((a) => [a.unitId, a]));
  const entries = invited.flatMap((unit) => {
    const a = byUnit.get(unit.unitId);
    return a
      ? [
          {
            unitId: unit.unitId,
            unitName: unit.name,
            status: a.status,
            personName: unit.personName,
            substituteName: a.substituteName,
            substitutePosition: a.substitutePosition,
            opinion: a.opinion,
            leaveReason: a.leaveReason,
          },
        ]
      : [];
  });
  const observers = invitees
    .filter((i) => i.kind === 'observer' && (i.approvalStatus === 'approved' || i.approvalStatus === 'not_required'))
    .map((i) => ({ name: i.name ?? i.personName ?? '', unitName: i.unitName }));
  return { lists: attendanceLists(entries), observers };
}

/** The minutes view of a stored row. */
export async function toMinutesItem(db: DbOrTx, options: { row: MinutesRow }): Promise<MinutesItem> {
  const { row } = options;
  const [{ lists, observers }, siblings] = await Promise.all([attendanceOf(db, row.meetingId), listMinutesOfMeeting(db, row.meetingId)]);
  return {
    id: row.id,
    bodyId: row.bodyId,
    meetingId: row.meetingId,
    status: row.status,
    title: row.title,
    proceedings: row.proceedings,
    decidedItems: row.decidedItems,
    signedOffBy: row.signedOffBy,
    signedOffAs: row.signedOffAs,
    signedOffAt: row.signedOffAt?.toISOString() ?? null,
    year: row.year,
    number: row.number,
    issuedOn: row.issuedOn,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    distribution: row.distribution,
    decisionIds: row.decisionIds,
    correctsMinutesId: row.correctsMinutesId,
    correctedBy: siblings.filter((m) => m.correctsMinutesId === row.id).map((m) => m.id),
    attendance: lists,
    observers,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Minutes of the body, or a 404 naming `minutesId`. */
export async function getMinutesRow(db: DbOrTx, options: { bodyId: string; minutesId: string; forUpdate?: boolean }): Promise<MinutesRow> {
  const row = await findMinutes(db, options.minutesId, { forUpdate: options.forUpdate ?? false });
  if (!row || row.bodyId !== options.bodyId) throw new AppError('minutes_not_found', '会议纪要不存在', { field: 'minutesId' });
  return row;
}

/** One minutes of the body. */
export async function getMinutes(db: DbOrTx, options: { bodyId: string; minutesId: string }): Promise<MinutesItem> {
  return toMinutesItem(db, { row: await getMinutesRow(db, options) });
}

/** A body's minutes, newest issue first. */
export async function listMinutes(db: DbOrTx, options: { bodyId: string }): Promise<MinutesItem[]> {
  await loadBodyCharter(db, { bodyId: options.bodyId });
  const rows = await listMinutesOfBody(db, options.bodyId);
  const items: MinutesItem[] = [];
  for (const row of rows) items.push(await toMinutesItem(db, { row }));
  return items;
}

/** Why a step that needs the minutes in the `allowed` status may not happen now (409), or null. Pure. */
export function minutesStatusRefusal(row: Pick<MinutesRow, 'status'>, allowed: MinutesStatus, what: string): AppError | null {
  if (row.status === allowed) return null;
  const label: Record<MinutesStatus, string> = { draft: '草稿', signed_off: '已审定', issued: '已印发' };
  return new AppError('minutes_transition_not_allowed', `纪要当前状态为“${label[row.status]}”，不能${what}`, {
    details: { status: row.status },
  });
}

/** Refuses a step that needs the minutes in the `allowed` status (409 `minutes_transition_not_allowed`). */
export function assertMinutesStatus(row: Pick<MinutesRow, 'status'>, allowed: MinutesStatus, what: string): void {
  const refusal = minutesStatusRefusal(row, allowed, what);
  if (refusal !== null) throw refusal;
}

/** Every member unit on the day plus the report copies and copies the charter names. */
export async function computeDistribution(
  db: DbOrTx,
  options: { bodyId: string; day: string; rule: ReturnType<typeof minutesDistributionRule> },
): Promise<MinutesDistribution> {
  const { rule } = options;
  const units = await listBodyUnits(db, options.bodyId, options.day);
  return {
    memberUnits: units.map((u) => ({ unitId: u.unitId, name: u.unit.name })),
    reportCopyTo: rule?.reportCopyTo ?? [],
    copyTo: rule?.copyTo ?? [],
  };
}
