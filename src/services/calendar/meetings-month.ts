/**
 * The month calendar of meetings (issue 15 point 4, engineer H): the meetings of a month in every
 * body the reader sits in today (drafts only where the reader is the body's office), with the days of
 * the month marked on the working-day calendar — the bodies' region when they all share one, else
 * the national calendar.
 */
import type { DbOrTx } from '../../db/database.ts';
import { daysInMonth, makeIsoDate } from '../../domain/calendar/iso-date.ts';
import { MEETING_STATUS_LABELS } from '../../domain/meetings/meeting-status.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { listMeetingsStartingBetween } from '../../repositories/todo-repository.ts';
import type { MeetingsMonthResponse } from '../../contracts/calendar.ts';
import { myBodies } from '../todo/my-bodies.ts';
import { bindBodyCalendar, loadWorkingDayCalendar } from './region-calendar.ts';

/** The instant a Shanghai day starts (UTC+8, no daylight saving). */
function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The meetings of `month` (YYYY-MM) in the reader's bodies and the month's days on their calendar. */
export async function getMeetingsMonth(db: DbOrTx, options: { accountId: string; month: string; at: Date }): Promise<MeetingsMonthResponse> {
  const year = Number(options.month.slice(0, 4));
  const monthNumber = Number(options.month.slice(5, 7));
  const dates: string[] = [];
  for (let day = 1; day <= daysInMonth(year, monthNumber); day += 1) {
    const date = makeIsoDate(year, monthNumber, day);
    if (date !== null) dates.push(date);
  }
  const first = dates[0] ?? `${options.month}-01`;
  const next = monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  const bodies = await myBodies(db, { accountId: options.accountId, at: options.at });
  const bodyIds = [...bodies.keys()];
  const draftBodyIds = [...bodies.values()].filter((body) => body.roles.some((role) => role.role === 'office_staff')).map((body) => body.id);
  const rows = await listMeetingsStartingBetween(db, { bodyIds, draftBodyIds, from: shanghaiMidnight(first), to: shanghaiMidnight(next) });
  const regions = new Set([...bodies.values()].map((body) => body.regionCode ?? ''));
  const sharedRegion = regions.size === 1 ? [...regions][0] ?? '' : '';
  const calendar = bindBodyCalendar(await loadWorkingDayCalendar(db), sharedRegion === '' ? null : sharedRegion);
  return {
    month: options.month,
    regionCode: calendar.regionCode,
    regionName: calendar.regionName,
    days: dates.map((date) => {
      const answer = calendar.isWorkingDay(date);
      return { date, isWorkingDay: answer.isWorkingDay, kind: answer.kind, festival: answer.festival, provisional: answer.provisional };
    }),
    meetings: rows.map((row) => ({
      id: row.id,
      bodyId: row.bodyId,
      bodyName: bodies.get(row.bodyId)?.name ?? '',
      title: row.title,
      kindName: row.kindName,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt?.toISOString() ?? null,
      location: row.location,
      date: shanghaiDateOf(row.startsAt),
      status: row.status,
      statusName: MEETING_STATUS_LABELS[row.status],
      link: `/bodies/${row.bodyId}/meetings/${row.id}`,
    })),
  };
}
