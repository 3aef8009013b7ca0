/**
 * 我的工作台 in one read (issue 15 point 7): what the workspace's first screen shows, composed from
 * the services and repositories each part already has — so that the page makes one request
 * instead of one per body and section. Every part is limited to what the reader may see (the
 * `can` callback is the policy's answer for the reader), and the number of bodies, agendas and
 * dashboards read is bounded (WORKSPACE_LIMITS), so the number of statements is bounded too.
 */
import type { Clock } from '../config/clock.ts';
import type { WorkspaceResponse } from '../contracts/workspace.ts';
import { WORKSPACE_LIMITS } from '../contracts/workspace.ts';
import type { DbOrTx } from '../db/database.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';
import { listBodyGrantsOfAccount } from '../repositories/account-repository.ts';
import { findBodiesByIds } from '../repositories/body-repository.ts';
import { listMembershipsOfPerson } from '../repositories/membership-repository.ts';
import { listAgendaItemsOfMeetings, listMeetingsOfBodiesInStatus } from '../repositories/todo-repository.ts';
import type { MeetingStatus } from '../domain/meetings/meeting-types.ts';
import { summarizeBodies } from './body-service.ts';
import type { BodySummary } from './body-service.ts';
import { listUnitOpenDecisions } from './decisions/decision-views.ts';
import { getCalendarFeedStatus } from './document-service.ts';
import { getInbox } from './inbox-service.ts';
import { listIncomingDocuments } from './incoming-documents/incoming-views.ts';
import { listUnitObligations } from './incoming-documents/unit-obligations.ts';
import { toMeetingSummary } from './meetings/meeting-views.ts';
import { listOutgoingDocuments } from './outgoing-documents/outgoing-document-service.ts';
import { getPerson } from './person-service.ts';
import { getReportCompliance } from './reports/report-views.ts';
import { getEscalationDashboard } from './supervision/escalation-standing.ts';
import { getMeetingFrequency } from './supervision/meeting-frequency.ts';

/** The body actions the workspace asks the policy about (each part is shown only where allowed). */
export type WorkspaceBodyAction =
  | 'membership.read'
  | 'meeting.read'
  | 'decision.read'
  | 'body.read'
  | 'supervision.dashboard'
  | 'incoming_document.read'
  | 'outgoing_document.read'
  | 'info_report.compliance'
  | 'info_report.read_own';

export interface WorkspaceOptions {
  clock: Clock;
  reader: { accountId: string; personId: string | null };
  /** The policy's answer for the reader: may they take `action` on the body (for the unit, where given)? */
  may: (action: WorkspaceBodyAction, bodyId: string, unitId?: string) => Promise<boolean>;
  /** Resolves the reader's roles in all these bodies at once (one statement) before `may` is asked per body */
  primeReader: (bodyIds: readonly string[]) => Promise<void>;
}

type Membership = WorkspaceResponse['memberships'][number];
type OfficeDashboard = WorkspaceResponse['officeBodies'][number];

/** Meeting statuses still ahead (shown as coming up, their agendas read). */
const OPEN_MEETING_STATUSES = new Set<MeetingStatus>(['draft', 'scheduled', 'postponed']);
const OUTGOING_WAITING = new Set(['awaiting_review', 'awaiting_signature']);

function holdsOn(membership: Membership, today: string): boolean {
  return membership.validFrom <= today && (membership.validTo === null || membership.validTo > today);
}

/**
 * One office dashboard: the body's card with each line the reader may see (null where not). The
 * body's summary (member units, open and overdue items) was read for all the cards at once.
 */
async function officeDashboard(
  db: DbOrTx,
  options: WorkspaceOptions,
  body: { summary: BodySummary; flags: OfficeDashboard['flags'] },
  today: string,
): Promise<OfficeDashboard> {
  const { clock, may } = options;
  const { summary } = body;
  const bodyId = summary.id;
  const escalation = (await may('supervision.dashboard', bodyId)) ? await getEscalationDashboard(db, { bodyId, clock }) : null;
  const incoming = (await may('incoming_document.read', bodyId)) ? await listIncomingDocuments(db, { clock, bodyId }) : null;
  const outgoing = (await may('outgoing_document.read', bodyId))
    ? await listOutgoingDocuments(db, { bodyId, viewerId: options.reader.accountId, at: clock.now() })
    : null;
  const compliance = (await may('info_report.compliance', bodyId)) ? await getReportCompliance(db, { bodyId, today }) : null;
  const frequency = (await may('body.read', bodyId)) ? await getMeetingFrequency(db, { bodyId, clock }) : null;
  const openIncoming = incoming?.filter((item) => item.status !== 'closed') ?? null;
  const behind = compliance?.lines.filter((line) => line.status !== 'met').length ?? 0;
  return {
    bodyId,
    name: summary.name,
    status: summary.status,
    sunsetDate: summary.sunsetDate,
    memberUnitCount: summary.memberUnitCount,
    flags: body.flags,
    // The registry's activity of the body (null where the reader may not see its decided items)
    decisions: summary.activity === null ? null : { open: summary.activity.openDecisions, overdue: summary.activity.overdueDecisions },
    escalationCounts: escalation?.counts ?? null,
    incoming: openIncoming === null ? null : { open: openIncoming.length, overdue: openIncoming.filter((item) => item.overdue).length },
    outgoing:
      outgoing === null
        ? null
        : { waiting: outgoing.filter((item) => OUTGOING_WAITING.has(item.status)).length, issued: outgoing.filter((item) => item.status === 'issued').length },
    reports:
      compliance === null
        ? null
        : { periodLabel: compliance.period?.label ?? null, met: compliance.period === null ? 0 : compliance.lines.length - behind, behind: compliance.period === null ? 0 : behind },
    frequency: frequency?.lines ?? null,
  };
}

/** The signed-in reader's workspace: see the contract (src/contracts/workspace.ts) for each part. */
export async function getWorkspace(db: DbOrTx, options: WorkspaceOptions): Promise<WorkspaceResponse> {
  const { clock, reader, may } = options;
  const today = shanghaiDateOf(clock.now());

  const grants = await listBodyGrantsOfAccount(db, reader.accountId);
  const officeBodyIds = [...new Set(grants.filter((grant) => grant.role === 'office_staff').map((grant) => grant.bodyId))];
  // The reader's roles in every body they sit in or work for, resolved at once before the policy is asked body by body
  const personBodyIds = reader.personId === null ? [] : (await listMembershipsOfPerson(db, reader.personId)).map((membership) => membership.bodyId);
  await options.primeReader([...new Set([...personBodyIds, ...officeBodyIds])]);
  const person = reader.personId === null ? null : await getPerson(db, { personId: reader.personId, mayRead: (bodyId) => may('membership.read', bodyId) });
  const memberships = (person?.memberships ?? []).filter((membership) => holdsOn(membership, today));
  const memberBodyIds = [...new Set(memberships.map((membership) => membership.bodyId))];
  await options.primeReader([...new Set([...memberBodyIds, ...officeBodyIds])]);

  // The units the reader speaks for (member or liaison): what they owe, across their bodies.
  const units = new Map<string, string>();
  for (const membership of memberships) {
    if ((membership.roleKind === 'liaison' || membership.roleKind === 'member') && membership.unitId !== null) units.set(membership.unitId, membership.unitName ?? '');
  }
  const unitDecisions: WorkspaceResponse['unitDecisions'] = [];
  const unitObligations: WorkspaceResponse['unitObligations'] = [];
  const seenDecisions = new Set<string>();
  for (const [unitId, unitName] of units) {
    const decisions = await listUnitOpenDecisions(db, { clock, unitId, mayRead: (bodyId) => may('decision.read', bodyId), primeReader: options.primeReader });
    for (const item of decisions) {
      if (seenDecisions.has(item.id)) continue;
      seenDecisions.add(item.id);
      unitDecisions.push(item);
    }
    const obligations = await listUnitObligations(db, {
      clock,
      unitId,
      mayRead: (bodyId, kind) => {
        if (kind === 'incoming_document') return may('incoming_document.read', bodyId);
        if (kind === 'information_report') return may('info_report.read_own', bodyId, unitId);
        return may('decision.read', bodyId);
      },
      primeReader: options.primeReader,
    });
    for (const item of obligations) unitObligations.push({ ...item, unitName });
  }
  unitObligations.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));

  // Meetings of the bodies the reader sits in or works for: open ones with their agendas, and minutes to sign off.
  const bodyNames = new Map<string, string>();
  for (const membership of memberships) bodyNames.set(membership.bodyId, membership.bodyName);
  for (const grant of grants) bodyNames.set(grant.bodyId, grant.bodyName);
  const meetingBodyIds = [...new Set([...memberBodyIds, ...officeBodyIds])];
  const approverBodyIds = [...new Set(memberships.filter((m) => m.roleKind === 'convener' || m.roleKind === 'deputy_convener').map((m) => m.bodyId))];
  // The meetings of every shown body in one read, and the agendas of the first open ones in one more
  const meetingShown: string[] = [];
  for (const bodyId of meetingBodyIds.slice(0, WORKSPACE_LIMITS.meetingBodies)) if (await may('meeting.read', bodyId)) meetingShown.push(bodyId);
  const meetingRows = await listMeetingsOfBodiesInStatus(db, meetingShown, [...OPEN_MEETING_STATUSES, 'minutes_drafted']);
  const ordered = meetingShown.flatMap((bodyId) => meetingRows.filter((row) => row.bodyId === bodyId));
  const agendaMeetingIds = ordered.filter((row) => OPEN_MEETING_STATUSES.has(row.status)).slice(0, WORKSPACE_LIMITS.agendas).map((row) => row.id);
  const agendaItems = await listAgendaItemsOfMeetings(db, agendaMeetingIds);
  const meetings: WorkspaceResponse['meetings'] = ordered.map((row) => ({
    ...toMeetingSummary(row),
    bodyName: bodyNames.get(row.bodyId) ?? '',
    agenda: agendaMeetingIds.includes(row.id)
      ? agendaItems.filter((item) => item.meetingId === row.id).map((item) => ({ id: item.id, title: item.title, status: item.status, proposedBy: item.proposedBy }))
      : null,
  }));

  const officeBodies: OfficeDashboard[] = [];
  const officeShown: string[] = [];
  for (const bodyId of officeBodyIds.slice(0, WORKSPACE_LIMITS.officeBodies)) if (await may('body.read', bodyId)) officeShown.push(bodyId);
  const officeRows = await findBodiesByIds(db, officeShown);
  const summaries = new Map(
    (await summarizeBodies(db, { rows: officeRows, at: today, mayReadInternals: (bodyId) => may('decision.read', bodyId) })).map((summary) => [summary.id, summary]),
  );
  const flagsOf = new Map(officeRows.map((row) => [row.id, { noSeal: row.flags.noSeal, noFormalDocuments: row.flags.noFormalDocuments, notRegisteredBody: row.flags.notRegisteredBody }]));
  for (const bodyId of officeShown) {
    const summary = summaries.get(bodyId);
    const flags = flagsOf.get(bodyId);
    if (summary !== undefined && flags !== undefined) officeBodies.push(await officeDashboard(db, options, { summary, flags }, today));
  }

  return {
    today,
    memberships,
    units: [...units].map(([unitId, name]) => ({ unitId, name })),
    unitDecisions,
    unitObligations,
    approverBodyIds,
    meetings,
    worksInBodies: meetingBodyIds.length > 0,
    officeBodyCount: officeBodyIds.length,
    officeBodies,
    inbox: await getInbox(db, { accountId: reader.accountId, unreadOnly: false, limit: WORKSPACE_LIMITS.inboxItems }),
    calendarFeed: await getCalendarFeedStatus(db, { accountId: reader.accountId }),
  };
}
