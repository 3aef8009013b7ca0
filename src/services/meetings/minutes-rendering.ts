/**
 * Minutes for rendering (the documents' DOCX, GB/T 9704): everything resolved to names.
 */
import type { DbOrTx } from '../../db/database.ts';
import { actedAsTitle, minutesDistributionRule } from '../../domain/meetings/meeting-rules.ts';
import type { DecidedItemDraft, MeetingKind, MeetingStatus, MinutesDistribution } from '../../domain/meetings/meeting-types.ts';
import { listAgendaItems, listInvitees } from '../../repositories/meeting-repository.ts';
import { findMembershipById, listMembershipsOfBody } from '../../repositories/membership-repository.ts';
import { findMinutes } from '../../repositories/minutes-repository.ts';
import { findOffice } from '../../repositories/office-repository.ts';
import { findPeopleByIds } from '../../repositories/person-repository.ts';
import { findUnitsByIds } from '../../repositories/unit-repository.ts';
import { loadBodyCharter } from '../body-service.ts';
import { getMeetingRow, meetingDay } from './meeting-context.ts';
import { computeDistribution, getMinutesRow, toMinutesItem } from './minutes-views.ts';
import type { MinutesItem } from './minutes-views.ts';

/** Everything a minutes document (DOCX, GB/T 9704) needs, resolved to names. */
export interface MinutesForRendering {
  body: { id: string; name: string; regionName: string | null; noFormalDocuments: boolean; officeHostUnitName: string | null };
  meeting: {
    id: string;
    kind: MeetingKind;
    kindName: string;
    title: string;
    startsAt: string;
    endsAt: string | null;
    location: string | null;
    status: MeetingStatus;
    presider: { personName: string | null; title: string; position: string | null } | null;
    /** The deputies (副召集人 / 副组长) invited who held the role on the meeting day, other than the presider, in invitation order */
    deputies: { personName: string | null; title: string; position: string | null }[];
    agenda: { position: number; title: string }[];
  };
  minutes: MinutesItem;
  /** Decided items with unit names */
  decidedItems: { text: string; leadUnitName: string; coUnitNames: string[]; deadline: DecidedItemDraft['deadline'] }[];
  /** Who signed off, with the charter's title of their role (组长 …) */
  signedOff: { personName: string | null; role: string | null; title: string | null; at: string | null } | null;
  /** The issue this one corrects */
  corrects: { id: string; year: number | null; number: number | null } | null;
  /** For drafts not yet issued: the distribution it would have if issued today */
  distribution: MinutesDistribution;
}

/** Loads minutes (`today`: the Asia/Shanghai date a draft's distribution is computed for) with their meeting, attendance lists, observers, decided items and distribution for rendering. */
export async function getMinutesForRendering(db: DbOrTx, options: { bodyId: string; minutesId: string; today: string }): Promise<MinutesForRendering> {
  const row = await getMinutesRow(db, options);
  const minutesItem = await toMinutesItem(db, { row });
  const meeting = await getMeetingRow(db, { bodyId: options.bodyId, meetingId: row.meetingId });
  const { body, charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const office = await findOffice(db, options.bodyId);
  const presiderMembership = meeting.presiderMembershipId === null ? null : await findMembershipById(db, meeting.presiderMembershipId);
  const personIds = [meeting.presiderPersonId, row.signedOffPersonId].filter((id): id is string => id !== null);
  const people = new Map((await findPeopleByIds(db, personIds)).map((p) => [p.id, p.name]));
  const unitIds = [...new Set(row.decidedItems.flatMap((i) => [i.leadUnitId, ...i.coUnitIds]))];
  const units = new Map((await findUnitsByIds(db, unitIds)).map((u) => [u.id, u.name]));
  const agenda = (await listAgendaItems(db, meeting.id)).filter((i) => i.status === 'approved');
  // 出席 after the presider: the invited deputies whose deputy membership held on the meeting day
  const deputyPosts = new Map(
    (await listMembershipsOfBody(db, options.bodyId, { at: meetingDay(meeting), roleKind: 'deputy_convener' })).map((m) => [m.id, m]),
  );
  const deputies = (await listInvitees(db, meeting.id)).flatMap((invitee) => {
    const post = invitee.kind === 'member' && invitee.membershipId !== null ? deputyPosts.get(invitee.membershipId) : undefined;
    if (post === undefined || post.id === meeting.presiderMembershipId || (invitee.personId !== null && invitee.personId === meeting.presiderPersonId)) return [];
    return [{ personName: invitee.personName ?? post.personName, title: invitee.title ?? post.title, position: post.position }];
  });
  const corrected = row.correctsMinutesId === null ? null : await findMinutes(db, row.correctsMinutesId);
  return {
    body: {
      id: body.id,
      name: body.name,
      regionName: body.regionName,
      noFormalDocuments: body.flags.noFormalDocuments,
      officeHostUnitName: office?.hostUnitDirectoryName ?? office?.hostUnitName ?? null,
    },
    meeting: {
      id: meeting.id,
      kind: meeting.kind,
      kindName: meeting.kindName,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      location: meeting.location,
      status: meeting.status,
      presider: presiderMembership
        ? {
            personName: meeting.presiderPersonId === null ? null : (people.get(meeting.presiderPersonId) ?? null),
            title: presiderMembership.title,
            position: presiderMembership.position,
          }
        : null,
      deputies,
      agenda: agenda.map((i) => ({ position: i.position, title: i.title })),
    },
    minutes: minutesItem,
    decidedItems: row.decidedItems.map((i) => ({
      text: i.text,
      leadUnitName: units.get(i.leadUnitId) ?? '',
      coUnitNames: i.coUnitIds.map((id) => units.get(id) ?? ''),
      deadline: i.deadline,
    })),
    signedOff:
      row.signedOffAt === null
        ? null
        : {
            personName: row.signedOffPersonId === null ? null : (people.get(row.signedOffPersonId) ?? null),
            role: row.signedOffAs,
            title: row.signedOffAs === null ? null : actedAsTitle(charter, row.signedOffAs),
            at: row.signedOffAt.toISOString(),
          },
    corrects: corrected ? { id: corrected.id, year: corrected.year, number: corrected.number } : null,
    distribution:
      row.distribution ?? (await computeDistribution(db, { bodyId: options.bodyId, day: options.today, rule: minutesDistributionRule(charter) })),
  };
}
