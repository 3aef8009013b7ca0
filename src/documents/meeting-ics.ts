/**
 * Meetings as iCalendar (RFC 5545), written by hand: the `ics` package writes METHOD but neither
 * VTIMEZONE nor TZID-qualified times, and an invitation to a meeting in 北京时间 should say so.
 *
 * - An invitation is one VCALENDAR with METHOD:REQUEST (or CANCEL for a cancelled meeting), the
 *   Asia/Shanghai VTIMEZONE and one VEVENT whose UID never changes and whose SEQUENCE is the
 *   meeting's ics_sequence (raised by each change of a scheduled meeting), with ORGANIZER and ATTENDEEs.
 * - A subscription feed is METHOD:PUBLISH with one VEVENT per meeting (cancelled ones STATUS:CANCELLED).
 * Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character. Pure.
 */
import type { CalendarFeedView, CalendarPerson, MeetingInvitationView } from './document-views.ts';

export const ICS_TIMEZONE = 'Asia/Shanghai';
const PRODUCT_ID = '-//Lianxi//Lianxi 联席//ZH';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped. */
export function escapeText(text: string): string {
  return text.replace(/\\/gu, '\\\\').replace(/;/gu, '\\;').replace(/,/gu, '\\,').replace(/\r\n|\r|\n/gu, '\\n');
}

/** A parameter value (CN=…): quoted; DQUOTE and control characters cannot appear and are dropped. */
function paramValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${text.replace(/["\u0000-\u001f\u007f]/gu, '')}"`;
}

/** RFC 5545 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 20240305T013000Z */
export function formatUtc(instant: Date): string {
  return (
    `${instant.getUTCFullYear()}${pad(instant.getUTCMonth() + 1)}${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}${pad(instant.getUTCMinutes())}${pad(instant.getUTCSeconds())}Z`
  );
}

/** 20240305T093000 — the wall-clock time in Asia/Shanghai, for DTSTART;TZID=Asia/Shanghai. */
export function formatShanghaiLocal(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return formatUtc(local).slice(0, -1);
}

/** Asia/Shanghai: UTC+8 all year since 1991, no daylight saving. */
function timezoneLines(): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${ICS_TIMEZONE}`,
    `X-LIC-LOCATION:${ICS_TIMEZONE}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

function personLine(property: 'ORGANIZER' | 'ATTENDEE', person: CalendarPerson, attendee: boolean): string {
  const params = [`CN=${paramValue(person.name)}`];
  // observers (列席) attend optionally; only an e-mail address can answer, so RSVP only there
  const role = person.role === 'optional' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT';
  const rsvp = person.address.startsWith('mailto:') ? 'TRUE' : 'FALSE';
  if (attendee) params.push('CUTYPE=INDIVIDUAL', `ROLE=${role}`, 'PARTSTAT=NEEDS-ACTION', `RSVP=${rsvp}`);
  return `${property};${params.join(';')}:${person.address}`;
}

function eventLines(event: MeetingInvitationView): string[] {
  const cancelled = event.method === 'CANCEL';
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${formatUtc(event.stamp)}`,
    `DTSTART;TZID=${ICS_TIMEZONE}:${formatShanghaiLocal(event.startsAt)}`,
    `DTEND;TZID=${ICS_TIMEZONE}:${formatShanghaiLocal(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location !== null) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description !== null) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE');
  lines.push(personLine('ORGANIZER', event.organizer, false));
  for (const attendee of event.attendees) lines.push(personLine('ATTENDEE', attendee, true));
  lines.push('END:VEVENT');
  return lines;
}

function calendar(method: 'REQUEST' | 'CANCEL' | 'PUBLISH', body: string[], name: string | null): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...(name === null ? [] : [`X-WR-CALNAME:${escapeText(name)}`, `X-WR-TIMEZONE:${ICS_TIMEZONE}`]),
    ...timezoneLines(),
    ...body,
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** One meeting's invitation (METHOD REQUEST, or CANCEL when the meeting is cancelled). */
export function renderMeetingInvitationIcs(event: MeetingInvitationView): string {
  return calendar(event.method, eventLines(event), null);
}

/** A subscription feed of many meetings (METHOD PUBLISH). */
export function renderCalendarFeedIcs(feed: CalendarFeedView): string {
  return calendar('PUBLISH', feed.events.flatMap(eventLines), feed.name);
}
