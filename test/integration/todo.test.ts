/**
 * The to-do centre (待办 / 已办) and the month calendar of meetings through HTTP (issue 15 point 4):
 * a convener sees the minutes awaiting its sign-off until it signs, the office then sees them to
 * issue; a liaison sees its unit's overdue item, the office the items to close; nobody sees what
 * waits in a body they do not sit in; the calendar holds the month's meetings of my bodies only.
 */
import { expect, it } from 'vitest';
import type { TodoItemDto, TodoResponse } from '../../src/contracts/todo.ts';
import type { MeetingsMonthResponse } from '../../src/contracts/calendar.ts';
import { describeDatabases } from './harness.ts';
import { foundingText } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';
import { overdueItemScenario } from './factories/decisions.ts';
import { MeetingScenario } from './factories/meetings.ts';
import type { ScenarioUser } from './factories/meetings.ts';

const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张三', position: '省人民政府副省长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
  { title: '成员', person: '赵六', position: '省财政厅副厅长' },
];

describeDatabases('to-do centre and meetings calendar', (t) => {
  async function todoOf(cookie: string): Promise<TodoResponse> {
    const app = await t.app();
    const res = await app.inject({ method: 'GET', url: '/api/todo', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TodoResponse>();
  }
  const ofKind = (todo: TodoResponse, kind: TodoItemDto['kind']) => todo.items.filter((item) => item.kind === kind);

  it('shows a convener the minutes awaiting its sign-off until it signs, then the office sees them to issue; the month calendar holds my bodies’ meetings only', async () => {
    const s = await MeetingScenario.publish(t, { text: foundingText({ roster: ROSTER }).text, now: new Date('2024-05-06T01:00:00Z') });
    const roster = await s.memberships('?at=2024-05-06');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    if (!convenerPost?.personId) throw new Error('roster missing');
    const convener: ScenarioUser = await s.personUser(convenerPost.personId, 'convener');
    // Another body, with its own office and a meeting the same month
    const other = await MeetingScenario.publish(t, { text: foundingText({ roster: ROSTER }).text, now: new Date('2024-05-06T01:00:00Z') });
    const otherMeeting = await other.createMeeting({ kind: 'plenary', title: '另一机构的全体会议', startsAt: '2024-05-21T02:00:00.000Z' });
    await other.schedule(otherMeeting.id);

    const meeting = await s.heldMeeting({ kind: 'plenary', title: '第一次全体会议', startsAt: '2024-05-20T02:00:00.000Z', presiderMembershipId: convenerPost.id });
    const draft = await s.draftMinutes(meeting.id, { proceedings: '会议研究了有关事项。' });
    // The clock moved past the meeting: the other body's office signs in again
    other.office.cookie = await t.signIn(other.office.account);

    const before = await todoOf(convener.cookie);
    const signOff = ofKind(before, 'minutes_sign_off');
    expect(signOff.map((item) => item.id)).toEqual([draft.id]);
    expect(signOff[0]).toMatchObject({ kindName: '待审定纪要', bodyId: s.bodyId, bodyName: s.bodyName, overdue: false, link: `/bodies/${s.bodyId}/meetings/${meeting.id}` });
    // The charter is silent: the office does not sign off, and the other body's office sees nothing of this body
    expect(ofKind(await todoOf(s.office.cookie), 'minutes_sign_off')).toEqual([]);
    expect((await todoOf(other.office.cookie)).items.filter((item) => item.bodyId === s.bodyId)).toEqual([]);

    await s.signOff(convener, draft.id);
    const after = await todoOf(convener.cookie);
    expect(ofKind(after, 'minutes_sign_off')).toEqual([]);
    expect(after.done[0]).toMatchObject({ action: 'minutes.sign_off', actionName: '审定签发会议纪要' });
    const office = await todoOf(s.office.cookie);
    expect(ofKind(office, 'minutes_to_issue').map((item) => item.id)).toEqual([draft.id]);
    expect(ofKind(await todoOf(other.office.cookie), 'minutes_to_issue')).toEqual([]);

    // The month calendar: my bodies' meetings of the month, holidays and make-up working days marked
    const app = await t.app();
    const month = async (cookie: string, value: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/calendar/meetings?month=${value}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<MeetingsMonthResponse>();
    };
    const may = await month(convener.cookie, '2024-05');
    expect(may.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(may.meetings[0]).toMatchObject({ bodyName: s.bodyName, date: '2024-05-20', link: `/bodies/${s.bodyId}/meetings/${meeting.id}` });
    expect(may.days).toHaveLength(31);
    expect(may.days.find((d) => d.date === '2024-05-01')).toMatchObject({ isWorkingDay: false, kind: 'holiday' });
    expect(may.days.find((d) => d.date === '2024-05-11')).toMatchObject({ isWorkingDay: true, kind: 'make_up_working_day' });
    expect((await month(convener.cookie, '2024-06')).meetings).toEqual([]);
    expect((await month(other.office.cookie, '2024-05')).meetings.map((m) => m.id)).toEqual([otherMeeting.id]);
    const bad = await app.inject({ method: 'GET', url: '/api/calendar/meetings?month=2024-13', headers: { cookie: convener.cookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a liaison its unit’s overdue item and the office the items to close, never another body’s', async () => {
    const app = await t.app();
    const { body, stranger, liaison, overdueId, laterId } = await overdueItemScenario(t);
    const liaisonCookie = await t.signIn(liaison.account);
    const officeCookie = await t.signIn(body.office.account);
    const mine = ofKind(await todoOf(liaisonCookie), 'decision_progress');
    expect(mine.map((item) => item.id)).toEqual([overdueId]);
    expect(mine[0]).toMatchObject({ overdue: true, dayUnit: 'working', daysLeft: null, deadline: '2025-03-05', link: `/bodies/${body.id}/decisions/${overdueId}` });
    expect(mine[0]?.daysOverdue).toBeGreaterThan(0);

    const office = await todoOf(officeCookie);
    expect(ofKind(office, 'decision_overdue').map((item) => item.id)).toEqual([overdueId]);
    expect(office.items.some((item) => item.id === laterId)).toBe(false);
    expect(office.items.every((item) => item.bodyId === body.id)).toBe(true);
    expect(office.overdue).toBeGreaterThanOrEqual(1);
    expect(office.items[0]?.overdue).toBe(true);

    const completion = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/decisions/${overdueId}/completion`,
      headers: { cookie: liaisonCookie },
      payload: { text: '已办结' },
    });
    expect(completion.statusCode, completion.body).toBe(201);
    expect(ofKind(await todoOf(liaisonCookie), 'decision_progress')).toEqual([]);
    const toClose = ofKind(await todoOf(officeCookie), 'decision_to_close');
    expect(toClose.map((item) => item.id)).toEqual([overdueId]);
    expect(toClose[0]).toMatchObject({ kindName: '待销号事项', bodyName: body.name });

    // The other body's office sees only its own body's items
    const strangerTodo = await todoOf(await t.signIn(stranger.office.account));
    expect(strangerTodo.items.length).toBeGreaterThan(0);
    expect(strangerTodo.items.every((item) => item.bodyId === stranger.id)).toBe(true);
  });
});
