/**
 * Creating a meeting in draft: the kind the charter provides, a group meeting's group, a liaison
 * meeting preparing a plenary (the charter's pre_meeting rule), times in the future.
 */
import type { Database } from '../../db/database.ts';
import { charterKindName, preMeetingRule } from '../../domain/meetings/meeting-rules.ts';
import type { MeetingKind } from '../../domain/meetings/meeting-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { findGroupById } from '../../repositories/group-repository.ts';
import { insertMeeting } from '../../repositories/meeting-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { checkTimes, getMeetingRow, loadActiveBodyCharter, nowOf, ruleRefusal } from './meeting-context.ts';
import { getMeeting } from './meeting-views.ts';
import type { MeetingDetail } from './meeting-views.ts';

export interface CreateMeetingInput {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt?: Date | null;
  location?: string | null;
  /** The group of a group meeting (专题组 / 协调类别) */
  groupId?: string | null;
  /** The plenary this liaison meeting prepares (the charter's pre_meeting rule) */
  preMeetingOf?: string | null;
  /** Overrides the charter's own name for the kind */
  kindName?: string | null;
}

/** Creates a meeting in draft; the office then collects the agenda and schedules it. */
export async function createMeeting(db: Database, options: { bodyId: string; input: CreateMeetingInput; origin: AuditOrigin }): Promise<MeetingDetail> {
  const { input } = options;
  const now = nowOf(options.origin);
  const id = await db.transaction(async (tx) => {
    const { body, charter } = await loadActiveBodyCharter(tx, { bodyId: options.bodyId });
    if (body.status !== 'active') throw new AppError('body_dissolved', '该机构已撤销，不能再召开会议');
    checkTimes(input.startsAt, input.endsAt, now);
    const groupId = input.groupId ?? null;
    if (input.kind === 'group') {
      if (groupId === null) throw new AppError('group_required', '工作组会议须指明工作组', { field: 'groupId' });
      const group = await findGroupById(tx, groupId);
      if (!group || group.bodyId !== options.bodyId) throw new AppError('group_not_found', '工作组不存在', { field: 'groupId' });
    } else if (groupId !== null) {
      throw new AppError('group_not_expected', '只有工作组会议才指明工作组', { field: 'groupId' });
    }
    const preMeetingOf = input.preMeetingOf ?? null;
    if (preMeetingOf !== null) {
      const rule = preMeetingRule(charter, input.kind);
      if (rule === null) {
        throw new AppError('pre_meeting_not_provided', '本机构制度未规定在会议之前召开此类会议', { field: 'preMeetingOf' });
      }
      const target = await getMeetingRow(tx, { bodyId: options.bodyId, meetingId: preMeetingOf }).catch(() => {
        throw new AppError('meeting_not_found', '所准备的会议不存在', { field: 'preMeetingOf' });
      });
      if (rule.before !== 'any' && target.kind !== rule.before) {
        throw ruleRefusal(charter, rule, 'pre_meeting_kind_mismatch', `制度规定此类会议在${charterKindName(charter, rule.before)}之前召开`, 'preMeetingOf');
      }
      if (target.startsAt.getTime() <= input.startsAt.getTime()) {
        throw ruleRefusal(charter, rule, 'pre_meeting_after_meeting', '会前会议应在所准备的会议之前召开', 'startsAt');
      }
    }
    const row = await insertMeeting(tx, {
      bodyId: options.bodyId,
      kind: input.kind,
      kindName: input.kindName?.trim() || charterKindName(charter, input.kind),
      groupId,
      title: input.title.trim(),
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      location: input.location ?? null,
      status: 'draft',
      statusReason: null,
      presiderMembershipId: null,
      presiderPersonId: null,
      preMeetingOf,
      icsSequence: 0,
      noticeSentAt: null,
      heldAt: null,
      createdBy: options.origin.actorId,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    await recordAudit(tx, { ...options.origin, action: 'meeting.create', entityType: 'meeting', entityId: row.id, before: null, after: row });
    return row.id;
  });
  return getMeeting(db, { bodyId: options.bodyId, meetingId: id });
}
