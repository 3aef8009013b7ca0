/**
 * Builds the renderers' view models (src/documents/document-views.ts) from what the meetings and
 * decisions services return, with the body's charter for its flags and rules. Pure: the services
 * load, these only arrange. It sits with the services because it reads their result types; the
 * renderers in src/documents/ know only their view models. Nothing here knows any particular body:
 * names, units and recipients all come from the stored records.
 */
import type { Charter, HandlingDeadlineRule } from '../domain/charter/charter-types.ts';
import type { CircularForRendering } from './circular-service.ts';
import type { LedgerRow as DecisionLedgerRow } from './decisions/decision-ledger.ts';
import type { MeetingDetail } from './meetings/meeting-views.ts';
import type { MinutesForRendering } from './meetings/minutes-rendering.ts';
import type {
  AttendanceEntry,
  CalendarPerson,
  CircularView,
  DecidedItemView,
  LedgerRow,
  LedgerWorkbookView,
  MeetingInvitationView,
  MeetingNoticeView,
  MinutesDocumentView,
} from '../documents/document-views.ts';
import { formatChineseDate } from '../documents/chinese-format.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/** The office of a body, as documents name the issuer of minutes and the printing office. */
export function officeName(bodyName: string): string {
  return `${bodyName}办公室`;
}

/** A meeting's full name: the body's name before the meeting's title unless the title holds it. */
export function meetingFullName(bodyName: string, meetingTitle: string): string {
  return meetingTitle.includes(bodyName) ? meetingTitle : `${bodyName}${meetingTitle}`;
}

function handlingDeadlineRule(charter: Pick<Charter, 'rules'>): HandlingDeadlineRule | null {
  return charter.rules.find((rule): rule is HandlingDeadlineRule => rule.type === 'handling_deadline') ?? null;
}

/**
 * The minutes' view. `decisionDeadlines` holds the computed deadline of each assigned item by its
 * number (issued minutes); items of minutes not yet issued show their deadline as drafted, the
 * charter's default counted in working days.
 */
export function buildMinutesView(
  data: MinutesForRendering,
  options: { charter: Pick<Charter, 'rules'>; today: string; decisionDeadlines: ReadonlyMap<number, string> },
): MinutesDocumentView {
  const { minutes } = data;
  const rule = handlingDeadlineRule(options.charter);
  const decisions: DecidedItemView[] = data.decidedItems.map((item, index) => {
    const assigned = options.decisionDeadlines.get(index + 1);
    let deadline: DecidedItemView['deadline'] = null;
    if (assigned !== undefined) deadline = { kind: 'date', date: assigned };
    else if (item.deadline.kind === 'date') deadline = { kind: 'date', date: item.deadline.date };
    else if (item.deadline.kind === 'working_days') deadline = { kind: 'working_days', days: item.deadline.days };
    else if (rule !== null) {
      const days = item.coUnitNames.length > 0 && rule.coHandledWorkingDays !== null ? rule.coHandledWorkingDays : rule.workingDays;
      deadline = { kind: 'working_days', days };
    }
    return { text: item.text, leadUnit: item.leadUnitName === '' ? null : item.leadUnitName, coUnits: item.coUnitNames.filter((n) => n !== ''), deadline };
  });
  const lists = minutes.attendance;
  // 出席 as offices write it: the presider first (with the charter's title of the role)
  const presider = data.meeting.presider;
  const presiderEntry: AttendanceEntry[] =
    presider === null || presider.personName === null
      ? []
      : [{ unitName: null, personName: presider.personName, position: [presider.position, presider.title].filter((p) => p !== null && p !== '').join('、') || null }];
  // then the deputies who attended (副召集人 / 副组长), then the member units
  const deputyEntries: AttendanceEntry[] = data.meeting.deputies
    .filter((d) => d.personName !== null)
    .map((d) => ({ unitName: null, personName: d.personName, position: [d.position, d.title].filter((p) => p !== null && p !== '').join('、') || null }));
  const leaders = new Set([...presiderEntry, ...deputyEntries].map((e) => e.personName));
  const attended: AttendanceEntry[] = [
    ...presiderEntry,
    ...deputyEntries,
    ...lists.attended
      .filter((a) => a.personName === null || !leaders.has(a.personName))
      .map((a) => ({ unitName: a.unitName, personName: a.personName, position: a.position, note: a.substitute ? '代' : null })),
    ...lists.liaisonsWithOpinion.map((a) => ({ unitName: a.unitName, personName: null, note: '联络员，带书面意见' })),
  ];
  const issueDate = minutes.issuedOn ?? options.today;
  const office = officeName(data.body.name);
  const distribution = data.distribution;
  return {
    bodyName: data.body.name,
    issueNumber: minutes.number,
    issueYear: minutes.year ?? Number(issueDate.slice(0, 4)),
    issuingOffice: office,
    issueDate,
    meetingTitle: data.meeting.title,
    proceedings: withOpening(
      minutes.proceedings.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line !== ''),
      minutesOpening(data),
    ),
    attendance: {
      attended,
      absentWithLeave: lists.absentWithLeave.map((a) => ({ unitName: a.unitName, personName: a.personName, note: a.reason === '' ? null : a.reason })),
      observers: minutes.observers.map((o) => ({ unitName: o.unitName, personName: o.name === '' ? null : o.name })),
    },
    decisions,
    imprint: {
      reportCopyTo: distribution.reportCopyTo,
      distributeTo: distribution.memberUnits.map((u) => u.name),
      copyTo: distribution.copyTo,
      printingOffice: office,
      printDate: issueDate,
    },
    correctsIssueNumber: data.corrects?.number ?? null,
  };
}

/**
 * The opening sentence of minutes naming the date, the presider and the place (2026年12月2日，召集人
 * 张三在省政府第一会议室主持召开…。), or null when the meeting names neither presider nor place.
 */
export function minutesOpening(data: Pick<MinutesForRendering, 'body' | 'meeting'>): string | null {
  const { meeting } = data;
  if (meeting.presider === null && meeting.location === null) return null;
  const date = formatChineseDate(shanghaiDateOf(new Date(meeting.startsAt)));
  const presider = meeting.presider === null ? '' : `${meeting.presider.title}${meeting.presider.personName ?? ''}`;
  const place = meeting.location === null ? '' : `在${meeting.location}`;
  return `${date}，${presider}${place}主持召开${meetingFullName(data.body.name, meeting.title)}。`;
}

/** The proceedings with the opening first, unless the office's text already starts with the meeting's date. */
function withOpening(proceedings: string[], opening: string | null): string[] {
  if (opening === null) return proceedings;
  const date = opening.slice(0, opening.indexOf('，'));
  if (proceedings[0]?.startsWith(date) === true) return proceedings;
  return [opening, ...proceedings];
}

/**
 * The meeting notice, in the body's own name (the caller has checked 不正式行文). Addressed to 各成员单位
 * when every current member unit is invited, else to the invited units by name (各有关单位 when the
 * invitees name no unit).
 */
export function buildMeetingNoticeView(
  meeting: MeetingDetail,
  options: { bodyName: string; charter: Pick<Charter, 'flags'>; memberUnitCount: number; date: string },
): MeetingNoticeView {
  const members = meeting.invitees.filter((i) => i.kind === 'member' && i.unitName !== null);
  const unitNames = [...new Set(members.map((i) => i.unitName ?? ''))];
  const observers = meeting.invitees.filter(
    (i) => i.kind === 'observer' && (i.approvalStatus === 'approved' || i.approvalStatus === 'not_required'),
  );
  const name = meetingFullName(options.bodyName, meeting.title);
  const presider = meeting.presider === null ? null : `${meeting.presider.title}${meeting.presider.personName ?? ''}`;
  return {
    title: `关于召开${name}的通知`,
    addressees:
      unitNames.length === 0 ? ['各有关单位'] : unitNames.length >= options.memberUnitCount ? ['各成员单位'] : unitNames,
    meetingName: name,
    startsAt: new Date(meeting.startsAt),
    endsAt: meeting.endsAt === null ? null : new Date(meeting.endsAt),
    location: meeting.location,
    presider,
    agenda: meeting.agenda.filter((a) => a.status === 'approved').sort((a, b) => a.position - b.position).map((a) => a.title),
    attendeeInstructions: [],
    invitees: [
      ...members.map((i) => ({ unitName: i.unitName, personName: i.personName ?? i.name })),
      ...observers.map((i) => ({ unitName: i.unitName, personName: i.name ?? i.personName, note: '列席' })),
    ],
    otherRequirements: [],
    contact: null,
    signature: { issuerName: options.bodyName, date: options.date, sealed: !options.charter.flags.noSeal },
    // 7.4: the notice's 版记 — the office prints it on the notice's date
    imprint: { reportCopyTo: [], distributeTo: [], printingOffice: officeName(options.bodyName), printDate: options.date },
  };
}

function minutesLabel(year: number | null, number: number | null, title: string | null): string {
  if (year !== null && number !== null) return `${year}年第${number}期`;
  return title ?? '';
}

/** The circular of open items, in the body's own name (the caller has checked 不正式行文). */
export function buildCircularView(circular: CircularForRendering, options: { charter: Pick<Charter, 'flags'> }): CircularView {
  const office = officeName(circular.bodyName);
  return {
    title: `关于${circular.bodyName}议定事项落实情况的通报`,
    number: circular.number,
    year: circular.year,
    addressees: ['各成员单位'],
    asOf: circular.asOf,
    items: circular.items.map((item) => ({
      text: item.text,
      leadUnit: item.leadUnitName,
      coUnits: item.coUnitNames,
      deadline: item.deadline,
      deadlineProvisional: item.deadlineProvisional,
      workingDaysLeft: item.overdue ? -(item.workingDaysOverdue ?? 0) : item.workingDaysLeft,
      statusLabel: item.statusName,
      latestProgress: item.latestProgress,
      source: `${item.meetingTitle ?? ''}（纪要${minutesLabel(item.minutesYear, item.minutesNumber, item.minutesTitle)}）`,
    })),
    signature: { issuerName: circular.bodyName, date: circular.asOf, sealed: !options.charter.flags.noSeal },
    imprint: { reportCopyTo: [], distributeTo: [], printingOffice: office, printDate: circular.asOf },
  };
}

/** One ledger row from a decision with its standing today. */
export function toLedgerRow(row: DecisionLedgerRow, bodyName: string): LedgerRow {
  const open = row.status !== 'closed';
  return {
    bodyName,
    meetingName: row.meetingTitle ?? '',
    issuedOn: row.issuedOn,
    minutesLabel: minutesLabel(row.minutesYear, row.minutesNumber, row.minutesTitle),
    itemNo: row.itemNo,
    text: row.text,
    leadUnit: row.leadUnit.name,
    coUnits: row.coUnits.map((u) => u.name),
    deadline: row.deadline,
    deadlineProvisional: row.deadlineProvisional,
    workingDaysLeft: !open ? null : row.overdue ? -(row.workingDaysOverdue ?? 0) : row.workingDaysLeft,
    statusLabel: row.statusName,
    latestProgress: row.latestProgress?.text ?? null,
    latestProgressAt: row.latestProgress === null ? null : shanghaiDateOf(new Date(row.latestProgress.at)),
  };
}

/**
 * The ledger workbook: one sheet per body, in the order of `bodies`; rows by source minutes and
 * item number.
 */
export function buildLedgerView(
  rows: readonly DecisionLedgerRow[],
  options: { title: string; asOf: string; bodies: ReadonlyArray<{ id: string; name: string }> },
): LedgerWorkbookView {
  return {
    title: options.title,
    asOf: options.asOf,
    sheets: options.bodies.map((body) => ({
      name: body.name,
      title: `${body.name}议定事项督办台账`,
      rows: rows
        .filter((row) => row.bodyId === body.id)
        .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.minutesId.localeCompare(b.minutesId) || a.itemNo - b.itemNo)
        .map((row) => toLedgerRow(row, body.name)),
    })),
  };
}

/** Default length of a meeting whose end is not set: two hours. */
export const DEFAULT_MEETING_MS = 2 * 60 * 60 * 1000;

/** A calendar address for a person: their e-mail when known, else a URN naming them in Lianxi. */
export function calendarAddress(kind: 'person' | 'invitee' | 'account' | 'body', id: string, email: string | null): string {
  return email === null ? `urn:lianxi:${kind}:${encodeURIComponent(id)}` : `mailto:${email}`;
}

/** A meeting as a calendar event: UID from the meeting's id, SEQUENCE from ics_sequence. */
export function buildInvitationView(
  meeting: MeetingDetail,
  options: { bodyName: string; uidDomain: string; stamp: Date; organizer: CalendarPerson; emailsByPerson: ReadonlyMap<string, string> },
): MeetingInvitationView {
  const startsAt = new Date(meeting.startsAt);
  const endsAt = meeting.endsAt === null ? new Date(startsAt.getTime() + DEFAULT_MEETING_MS) : new Date(meeting.endsAt);
  const attendees: CalendarPerson[] = meeting.invitees
    .filter((i) => i.kind === 'member' || i.approvalStatus === 'approved' || i.approvalStatus === 'not_required')
    .map((i) => {
      const person = i.personName ?? i.name ?? i.title ?? '';
      const name = i.unitName === null ? person : `${person}（${i.unitName}）`;
      const id = i.personId ?? i.id;
      // the same person keeps the same address across every SEQUENCE: the person's, else the invitee's id
      return {
        name,
        address: calendarAddress(i.personId === null ? 'invitee' : 'person', id, i.personId === null ? null : (options.emailsByPerson.get(i.personId) ?? null)),
        role: i.kind === 'observer' ? ('optional' as const) : ('required' as const),
      };
    });
  const agenda = meeting.agenda.filter((a) => a.status === 'approved').map((a, index) => `${index + 1}. ${a.title}`);
  return {
    uid: `meeting-${meeting.id}@${options.uidDomain}`,
    sequence: meeting.icsSequence,
    method: meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
    summary: meetingFullName(options.bodyName, meeting.title),
    description: agenda.length === 0 ? null : `会议议题：\n${agenda.join('\n')}`,
    location: meeting.location,
    startsAt,
    endsAt,
    stamp: options.stamp,
    organizer: options.organizer,
    attendees,
  };
}
