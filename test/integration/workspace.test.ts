/**
 * GET /api/workspace (issue 15 point 7): the workspace's first screen in one request. A convener sees
 * its membership, the minutes waiting for its sign-off and the agenda item waiting for its approval; the office
 * sees its body's dashboard; a liaison sees its unit's open decided item and what the unit owes;
 * nobody sees a body they do not sit in or work for. The session probe answers 200 signed out.
 */
import { expect, it } from 'vitest';
import type { SessionProbeResponse } from '../../src/contracts/auth.ts';
import type { WorkspaceResponse } from '../../src/contracts/workspace.ts';
import { describeDatabases } from './harness.ts';
import { foundingText } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';
import { overdueItemScenario } from './factories/decisions.ts';
import { MeetingScenario } from './factories/meetings.ts';

const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张三', position: '省人民政府副省长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
];

describeDatabases('workspace in one request', (t) => {
  async function workspaceOf(cookie: string): Promise<WorkspaceResponse> {
    const app = await t.app();
    const res = await app.inject({ method: 'GET', url: '/api/workspace', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<WorkspaceResponse>();
  }

  it('gives the convener its minutes to sign off and the agenda to approve, the office its dashboard, and another office nothing of the body', async () => {
    const s = await MeetingScenario.publish(t, { text: foundingText({ roster: ROSTER }).text, now: new Date('2024-05-06T01:00:00Z') });
    const roster = await s.memberships('?at=2024-05-06');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    if (!convenerPost?.personId) throw new Error('roster missing');
    const convener = await s.personUser(convenerPost.personId, 'convener');
    const other = await MeetingScenario.publish(t, { text: foundingText({ roster: ROSTER }).text, now: new Date('2024-05-06T01:00:00Z') });

    const held = await s.heldMeeting({ kind: 'plenary', title: '第一次全体会议', startsAt: '2024-05-20T02:00:00.000Z', presiderMembershipId: convenerPost.id });
    await s.draftMinutes(held.id, { proceedings: '会议研究了有关事项。' });
    const next = await s.createMeeting({ kind: 'plenary', title: '第二次全体会议', startsAt: '2024-06-20T02:00:00.000Z' });
    const proposal = await s.proposeItem(s.office, next.id, { title: '审议年度工作要点' });
    other.office.cookie = await t.signIn(other.office.account);

    const mine = await workspaceOf(convener.cookie);
    expect(mine.today).toBe('2024-05-20');
    expect(mine.memberships.map((m) => [m.bodyId, m.roleKind])).toEqual([[s.bodyId, 'convener']]);
    expect(mine.approverBodyIds).toEqual([s.bodyId]);
    expect(mine.worksInBodies).toBe(true);
    expect(mine.units).toEqual([]);
    expect(mine.officeBodies).toEqual([]);
    const drafted = mine.meetings.find((m) => m.id === held.id);
    expect(drafted).toMatchObject({ status: 'minutes_drafted', bodyName: s.bodyName, agenda: null });
    const open = mine.meetings.find((m) => m.id === next.id);
    // The office's proposal waits for the convener's approval: the agenda comes with the meeting
    expect(open?.agenda).toEqual([{ id: proposal.id, title: '审议年度工作要点', status: 'proposed', proposedBy: s.office.account.id }]);

    const office = await workspaceOf(s.office.cookie);
    expect(office.memberships).toEqual([]);
    expect(office.officeBodyCount).toBe(1);
    expect(office.officeBodies).toHaveLength(1);
    expect(office.officeBodies[0]).toMatchObject({
      bodyId: s.bodyId,
      name: s.bodyName,
      status: 'active',
      decisions: { open: 0, overdue: 0 },
      incoming: { open: 0, overdue: 0 },
      outgoing: { waiting: 0, issued: 0 },
    });
    expect(office.officeBodies[0]?.memberUnitCount).toBeGreaterThan(0);
    expect(office.officeBodies[0]?.frequency?.length).toBeGreaterThan(0);
    expect(office.meetings.map((m) => m.id).sort()).toEqual([held.id, next.id].sort());
    // The office is no approver: nothing waits for it
    expect(office.approverBodyIds).toEqual([]);

    const stranger = await workspaceOf(other.office.cookie);
    expect(JSON.stringify(stranger)).not.toContain(s.bodyId);
    expect(stranger.officeBodies.map((b) => b.bodyId)).toEqual([other.bodyId]);

    // Signed out: the workspace refuses, the session probe answers 200 (no 401 for the web app to show)
    const app = await t.app();
    expect((await app.inject({ method: 'GET', url: '/api/workspace' })).statusCode).toBe(401);
    const anonymous = await app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json<SessionProbeResponse>()).toEqual({ signedIn: false, me: null });
    const signedIn = (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: convener.cookie } })).json<SessionProbeResponse>();
    expect(signedIn.signedIn).toBe(true);
    expect(signedIn.me?.account.id).toBe(convener.account.id);
  });

  it("gives a liaison its unit's open decided items and obligations, once each, never another body's", async () => {
    const { body, stranger, lead, liaison, overdueId } = await overdueItemScenario(t);

    const mine = await workspaceOf(await t.signIn(liaison.account));
    expect(mine.units).toEqual([{ unitId: lead.unitId, name: lead.name }]);
    expect(mine.unitDecisions.map((d) => d.id)).toEqual([overdueId]);
    expect(mine.unitDecisions[0]).toMatchObject({ overdue: true, bodyId: body.id });
    expect(mine.unitObligations.filter((o) => o.kind === 'decision').map((o) => o.id)).toEqual([overdueId]);
    expect(mine.unitObligations[0]).toMatchObject({ unitName: lead.name, bodyName: body.name, overdue: true });
    expect(JSON.stringify(mine)).not.toContain(stranger.id);

    const office = await workspaceOf(await t.signIn(body.office.account));
    expect(office.officeBodies[0]?.decisions).toEqual({ open: 2, overdue: 1 });
    expect(Object.values(office.officeBodies[0]?.escalationCounts ?? {}).reduce((sum, n) => sum + n, 0)).toBe(2);
  });
});
