/**
 * The actions the reader may take on a meeting (issue 15), each decided by the checks its step
 * applies: the policy action the route authorizes, the status refusal the service throws, the
 * charter gate the service asks (with the roles held on the meeting day, as the service reads them).
 */
import type { DbOrTx } from '../../db/database.ts';
import { bodyResource } from '../../policy/policy.ts';
import type { Actor } from '../../policy/policy.ts';
import { AppError } from '../../errors/app-error.ts';
import { BEFORE_MEETING, meetingDay, statusRefusal, transitionRefusal } from '../meetings/meeting-context.ts';
import { markHeldRefusal } from '../meetings/meeting-lifecycle.ts';
import { noticeDocumentRefusal, formalDocumentRefusal } from '../meetings/meeting-notice.ts';
import type { MeetingDetail } from '../meetings/meeting-views.ts';
import { activeBodyRefusal, gateRefusal, loadReader, policyRefusal, verdict } from './action-verdicts.ts';
import type { Reader, ResourceAction } from './action-verdicts.ts';

/** Stable names of a meeting's actions (the web's buttons). */
export const MEETING_ACTION_NAMES = [
  'meeting.schedule',
  'meeting.postpone',
  'meeting.cancel',
  'meeting.mark_held',
  'meeting.set_presider',
  'meeting.delegate',
  'meeting.issue_notice',
  'meeting.download_notice',
  'meeting.download_invitation',
  'agenda.propose',
  'agenda.decide',
  'material.attach',
  'material.circulate',
  'observer.propose',
  'observer.decide',
  'attendance.record',
  'minutes.draft',
] as const;

/** The actions on a meeting already read, for a reader already resolved. */
export async function meetingActionsOf(reader: Reader, meeting: MeetingDetail): Promise<ResourceAction[]> {
  const { actor, bodyId, charter, now } = reader;
  const body = bodyResource(bodyId);
  const row = { status: meeting.status, startsAt: new Date(meeting.startsAt), presiderMembershipId: meeting.presider?.membershipId ?? null };
  const onDay = () => reader.rolesOn(meetingDay(row));
  const active = activeBodyRefusal(reader.body);
  const before = statusRefusal(row, BEFORE_MEETING, '在会前办理此事项');
  const manage = () => policyRefusal(actor, 'meeting.manage', body);
  // The units the reader acts for (liaison or member), for the steps the policy scopes by unit.
  const units = async () =>
    (await reader.rolesToday()).roles.flatMap((r) => ((r.role === 'liaison' || r.role === 'member') && r.unitId !== null ? [r.unitId] : []));
  const byUnit = async (action: 'agenda.propose' | 'material.attach') => {
    const office = await policyRefusal(actor, action, body);
    if (office === null) return null;
    for (const unitId of await units()) if ((await policyRefusal(actor, action, bodyResource(bodyId, unitId))) === null) return null;
    return office;
  };
  const uncirculated = meeting.agenda.filter((i) => i.status === 'approved').some((i) => i.materials.some((m) => m.circulatedAt === null));

  return Promise.all([
    verdict('meeting.schedule', manage, transitionRefusal(row, 'scheduled'), () =>
      row.startsAt.getTime() <= now.getTime() ? new AppError('meeting_in_past', '会议开始时间应晚于现在，请先改期', { field: 'startsAt' }) : null,
    ),
    verdict('meeting.postpone', manage, transitionRefusal(row, 'postponed')),
    verdict('meeting.cancel', manage, transitionRefusal(row, 'cancelled')),
    verdict('meeting.mark_held', manage, markHeldRefusal(row, now)),
    verdict('meeting.set_presider', manage, before, active),
    verdict('meeting.delegate', () => policyRefusal(actor, 'meeting.delegate', body), before, active, async () => {
      const held = await onDay();
      const refused = gateRefusal(charter, { step: 'delegate_presiding', meetingKind: meeting.kind, roles: held.gateRoles, toRoles: ['deputy_convener'] });
      if (refused !== null) return refused;
      return held.roles.some((r) => r.role === 'convener' && r.membership !== null)
        ? null
        : new AppError('delegation_by_convener_only', '只有会议当日在任的召集人本人可以委托副召集人主持会议');
    }),
    verdict(
      'meeting.issue_notice',
      () => policyRefusal(actor, 'meeting.issue_notice', body),
      active,
      formalDocumentRefusal(charter, 'notice'),
      statusRefusal(row, ['scheduled'], '印发会议通知'),
      async () => gateRefusal(charter, { step: 'sign_document', document: { issuedInNameOf: 'body', initiatedBy: meeting.kind === 'group' ? 'group' : null }, roles: (await reader.rolesToday()).gateRoles }),
    ),
    verdict('meeting.download_notice', () => policyRefusal(actor, 'document.notice', body), noticeDocumentRefusal(charter, row)),
    verdict('meeting.download_invitation', () => policyRefusal(actor, 'document.meeting_calendar', body), () =>
      row.status === 'draft' ? new AppError('meeting_not_scheduled', '会议尚未确定（草稿），没有日历邀请', { field: 'meetingId' }) : null,
    ),
    verdict('agenda.propose', () => byUnit('agenda.propose'), before, active, async () => {
      const held = await onDay();
      const proposer = held.gateRoles.includes('office_staff') ? 'office_staff' : held.roles.some((r) => r.role === 'member' && r.unitId !== null) ? 'member' : 'liaison';
      return gateRefusal(charter, { step: 'propose_agenda', meetingKind: meeting.kind, roles: [proposer] });
    }),
    verdict('agenda.decide', () => policyRefusal(actor, 'agenda.decide', body), before, active, async () =>
      gateRefusal(charter, { step: 'approve_agenda', meetingKind: meeting.kind, roles: (await onDay()).gateRoles }),
    ),
    verdict('material.attach', () => byUnit('material.attach'), before),
    verdict('material.circulate', manage, statusRefusal(row, ['scheduled'], '印发会议材料（请先发出会议通知）'), () => {
      if (now.getTime() >= row.startsAt.getTime()) return new AppError('meeting_already_started', '会议已经开始，材料应在会前印发');
      return uncirculated ? null : new AppError('no_materials_to_circulate', '没有待印发的已列入议程的材料');
    }),
    verdict('observer.propose', manage, statusRefusal(row, BEFORE_MEETING, '再增加列席人员')),
    verdict('observer.decide', () => policyRefusal(actor, 'observer.decide', body), active, () =>
      meeting.invitees.some((i) => i.kind === 'observer' && i.approvalStatus === 'proposed')
        ? null
        : new AppError('observer_already_decided', '没有待确定的列席人员'),
    async () => {
      const held = await onDay();
      const mine = held.roles.filter((r) => r.role === 'deputy_convener').map((r) => r.membership?.id);
      const delegated = mine.length > 0 && meeting.delegations.some((d) => mine.includes(d.toMembershipId));
      return gateRefusal(charter, { step: 'approve_observers', meetingKind: meeting.kind, roles: held.gateRoles, delegated });
    }),
    verdict('attendance.record', manage, statusRefusal(row, ['held', 'minutes_drafted'], '登记出席情况（会议召开后、纪要审定前登记）')),
    verdict('minutes.draft', () => policyRefusal(actor, 'minutes.draft', body), transitionRefusal(row, 'minutes_drafted'), active),
  ]);
}

/** The actions the reader may take on the meeting (the body's charter loaded once). */
export async function meetingActions(db: DbOrTx, options: { actor: Actor | null; bodyId: string; meeting: MeetingDetail; now: Date }): Promise<ResourceAction[]> {
  return meetingActionsOf(await loadReader(db, { actor: options.actor, bodyId: options.bodyId, now: options.now }), options.meeting);
}
