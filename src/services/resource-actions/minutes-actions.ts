/**
 * The actions the reader may take on minutes (issue 15): edit (a signed-off draft too, which
 * withdraws the sign-off), sign off (only the role the charter names, on the day of signing),
 * issue, correct, download — each by the checks of its step.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { MinutesStatus } from '../../domain/meetings/meeting-types.ts';
import { bodyResource } from '../../policy/policy.ts';
import type { Actor } from '../../policy/policy.ts';
import { listMinutesOfMeeting } from '../../repositories/minutes-repository.ts';
import { editMinutesRefusal } from '../meetings/draft-minutes.ts';
import { transitionRefusal } from '../meetings/meeting-context.ts';
import type { MeetingDetail } from '../meetings/meeting-views.ts';
import { correctionRefusal } from '../meetings/minutes-corrections.ts';
import { minutesStatusRefusal } from '../meetings/minutes-views.ts';
import type { MinutesItem } from '../meetings/minutes-views.ts';
import { activeBodyRefusal, gateRefusal, loadReader, policyRefusal, verdict } from './action-verdicts.ts';
import type { Reader, ResourceAction } from './action-verdicts.ts';

/** What the minutes' actions read of the meeting and of the meeting's other minutes. */
export interface MinutesActionContext {
  meeting: Pick<MeetingDetail, 'kind' | 'status'>;
  /** Every minutes of the meeting (the corrections' open drafts) */
  siblings: readonly { id: string; status: MinutesStatus; correctsMinutesId: string | null }[];
}

/** The actions on minutes already read, for a reader already resolved. */
export async function minutesActionsOf(reader: Reader, minutes: MinutesItem, context: MinutesActionContext): Promise<ResourceAction[]> {
  const { actor, bodyId, charter } = reader;
  const body = bodyResource(bodyId);
  const active = activeBodyRefusal(reader.body);
  const original = minutes.correctsMinutesId === null;
  return Promise.all([
    verdict('minutes.edit', () => policyRefusal(actor, 'minutes.draft', body), editMinutesRefusal(minutes), active),
    verdict('minutes.sign_off', () => policyRefusal(actor, 'minutes.sign_off', body), minutesStatusRefusal(minutes, 'draft', '审定'), active, async () =>
      gateRefusal(charter, { step: 'sign_off_minutes', meetingKind: context.meeting.kind, roles: (await reader.rolesToday()).gateRoles }),
    ),
    verdict(
      'minutes.issue',
      () => policyRefusal(actor, 'minutes.issue', body),
      minutesStatusRefusal(minutes, 'signed_off', '印发（须先审定）'),
      original ? transitionRefusal(context.meeting, 'minutes_issued') : null,
      active,
    ),
    verdict('minutes.correct', () => policyRefusal(actor, 'minutes.draft', body), correctionRefusal(minutes, context.siblings)),
    verdict('minutes.download', () => policyRefusal(actor, 'document.minutes', body)),
  ]);
}

/** The actions the reader may take on the minutes (the charter loaded once, the meeting's minutes listed once). */
export async function minutesActions(
  db: DbOrTx,
  options: { actor: Actor | null; bodyId: string; minutes: MinutesItem; meeting: Pick<MeetingDetail, 'kind' | 'status'>; now: Date },
): Promise<ResourceAction[]> {
  const [reader, siblings] = await Promise.all([
    loadReader(db, { actor: options.actor, bodyId: options.bodyId, now: options.now }),
    listMinutesOfMeeting(db, options.minutes.meetingId),
  ]);
  return minutesActionsOf(reader, options.minutes, { meeting: options.meeting, siblings });
}
