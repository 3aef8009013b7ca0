/**
 * Issue 15: the actions the API lists on a meeting, its minutes, a decided item and the body page
 * match what the server then does, for each role (office staff, convener, deputy convener, member,
 * liaison, viewer) — every action listed as allowed succeeds when performed, every one listed as
 * refused is refused (403/409/422) — and a deadline the issue step would refuse is refused already
 * when the minutes are drafted.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { foundingText } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';
import { MeetingScenario } from './factories/meetings.ts';
import type { DecidedItem, ScenarioUser } from './factories/meetings.ts';

const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张三', position: '省人民政府副省长' },
  { title: '副召集人', person: '李四', position: '省商务厅厅长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
  { title: '成员', person: '赵六', position: '省财政厅副厅长' },
];

interface Action {
  action: string;
  allowed: boolean;
  reason?: string;
  clause?: string;
}

type Method = 'GET' | 'POST' | 'PUT';
/** How an action is performed by `user`: the request (set up just before, where it needs a fresh object). */
type Performer = (user: ScenarioUser, allowed: boolean) => Promise<{ method: Method; url: string; payload?: unknown }>;

/** A refusal the UI could have known: by policy, status, charter (and a missing own unit, 400 unit_required). */
const REFUSED = [400, 403, 409, 422];

describeDatabases('resource actions', (t) => {
  async function setup() {
    const s = await MeetingScenario.publish(t, { text: foundingText({ roster: ROSTER }).text, now: new Date('2024-05-06T01:00:00Z') });
    const roster = await s.memberships('?at=2024-05-06');
    const post = (name: string) => {
      const found = roster.find((m) => m.personName === name);
      if (!found?.personId) throw new Error(`${name} missing`);
      return found;
    };
    const convenerPost = post('张三');
    const deputyPost = post('李四');
    const memberPost = post('王五');
    const financeUnitId = post('赵六').unitId ?? '';
    const liaisonPost = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: financeUnitId, personName: '联络员钱', validFrom: '2024-05-01' });
    const users = {
      office: s.office,
      convener: await s.personUser(convenerPost.personId ?? '', 'convener'),
      deputy: await s.personUser(deputyPost.personId ?? '', 'deputy'),
      member: await s.personUser(memberPost.personId ?? '', 'member'),
      liaison: await s.personUser(liaisonPost.personId ?? '', 'liaison'),
      viewer: await s.grantUser('viewer', 'viewer'),
    };
    return { s, users, convenerPost, deputyPost, memberUnitId: memberPost.unitId ?? '', financeUnitId };
  }

  const actionsOf = async (s: MeetingScenario, user: ScenarioUser, url: string): Promise<Action[]> => {
    const body = await s.call<{ actions: Action[] }>(user, 'GET', url);
    expect(body.actions.length, url).toBeGreaterThan(0);
    return body.actions;
  };
  const find = (actions: Action[], name: string): Action => {
    const found = actions.find((a) => a.action === name);
    if (!found) throw new Error(`no action ${name}`);
    return found;
  };

  /**
   * For each user: reads the actions at `url`, performs every one it has a performer for — except the
   * `advancing` ones while allowed (the walk performs those itself) — and checks the server's answer
   * against the verdict listed. Returns the actions each user saw.
   */
  async function check(s: MeetingScenario, users: ScenarioUser[], url: string, performers: Record<string, Performer>, advancing: readonly string[]) {
    const seen = new Map<string, Action[]>();
    for (const user of users) {
      const actions = await actionsOf(s, user, url);
      seen.set(user.label, actions);
      for (const action of actions) {
        const perform = performers[action.action];
        if (perform === undefined || (action.allowed && advancing.includes(action.action))) continue;
        const request = await perform(user, action.allowed);
        const res = await s.request(user, request.method, request.url, request.payload);
        const what = `${user.label} ${action.action} (listed ${action.allowed ? 'allowed' : `refused: ${action.reason ?? ''}`}): ${res.statusCode} ${res.body.slice(0, 300)}`;
        if (action.allowed) expect(res.statusCode < 300, what).toBe(true);
        else expect(REFUSED, what).toContain(res.statusCode);
        if (!action.allowed) expect(action.reason, what).toBeTruthy();
      }
    }
    return seen;
  }

  it('lists for each role exactly what the server then does on a meeting, its minutes and its decided item', async () => {
    const { s, users, convenerPost, deputyPost, memberUnitId, financeUnitId } = await setup();
    const everyone = Object.values(users);
    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: '2024-05-20T02:00:00.000Z' });
    const url = (rest = '') => s.meetingUrl(meeting.id, rest);
    const unitOf = (user: ScenarioUser) => (user === users.member ? memberUnitId : user === users.liaison ? financeUnitId : undefined);
    const meetingPerformers: Record<string, Performer> = {
      'meeting.schedule': async () => ({ method: 'POST', url: url('/schedule'), payload: {} }),
      'meeting.postpone': async () => ({ method: 'POST', url: url('/postpone'), payload: { reason: '另行安排' } }),
      'meeting.cancel': async () => ({ method: 'POST', url: url('/cancel'), payload: { reason: '不再召开' } }),
      'meeting.mark_held': async () => ({ method: 'POST', url: url('/held') }),
      'meeting.set_presider': async () => ({ method: 'PUT', url: url('/presider'), payload: { membershipId: convenerPost.id } }),
      'meeting.delegate': async () => ({ method: 'POST', url: url('/delegations'), payload: { toMembershipId: deputyPost.id } }),
      'meeting.issue_notice': async () => ({ method: 'POST', url: url('/notice') }),
      'meeting.download_notice': async () => ({ method: 'GET', url: url('/notice-document?format=docx') }),
      'agenda.propose': async (user) => {
        const unitId = unitOf(user) ?? (user === users.office ? undefined : financeUnitId);
        return { method: 'POST', url: url('/agenda-items'), payload: { title: `${user.label}的议题`, ...(unitId === undefined ? {} : { unitId }) } };
      },
      'agenda.decide': async (_user, allowed) => {
        // A fresh item to decide; a refusal is checked on any item of the meeting.
        const item = allowed ? await s.proposeItem(s.office, meeting.id, { title: '待审核的议题' }) : (await s.getMeeting(meeting.id)).agenda[0];
        return { method: 'POST', url: url(`/agenda-items/${item?.id ?? ''}/decision`), payload: { approve: true } };
      },
      'observer.propose': async () => ({ method: 'POST', url: url('/observers'), payload: { name: '列席人员甲' } }),
      'observer.decide': async () => {
        const observer = (await s.getMeeting(meeting.id)).invitees.find((i) => i.kind === 'observer');
        return { method: 'POST', url: url(`/observers/${observer?.id ?? ''}/decision`), payload: { approve: true } };
      },
      'attendance.record': async () => ({ method: 'PUT', url: url('/attendance'), payload: { entries: [{ unitId: financeUnitId, status: 'attended' }] } }),
      'minutes.draft': async () => ({ method: 'POST', url: url('/minutes'), payload: { proceedings: '会议纪要正文' } }),
    };
    const advancing = ['meeting.schedule', 'meeting.postpone', 'meeting.cancel', 'meeting.mark_held', 'minutes.draft'];

    // Draft: the office schedules; nobody may mark it held; the notice is not the body's (不正式行文).
    let seen = await check(s, everyone, url(), meetingPerformers, advancing);
    expect(find(seen.get('office') ?? [], 'meeting.schedule').allowed).toBe(true);
    expect(find(seen.get('convener') ?? [], 'meeting.schedule').allowed).toBe(false);
    expect(find(seen.get('office') ?? [], 'meeting.download_notice')).toMatchObject({ allowed: false, clause: expect.stringContaining('不正式行文') });
    expect(find(seen.get('convener') ?? [], 'meeting.delegate').allowed).toBe(true);
    expect(find(seen.get('liaison') ?? [], 'agenda.propose').allowed).toBe(true);
    expect(find(seen.get('viewer') ?? [], 'agenda.propose').allowed).toBe(false);
    await s.schedule(meeting.id);

    // Scheduled, before the start: 标记为已召开 is refused until the meeting has started.
    seen = await check(s, [users.office, users.convener, users.liaison], url(), meetingPerformers, advancing);
    expect(find(seen.get('office') ?? [], 'meeting.mark_held')).toMatchObject({ allowed: false, reason: expect.stringContaining('尚未开始') });
    await s.moveClock(new Date('2024-05-20T03:00:00Z'));
    seen = await check(s, [users.office], url(), meetingPerformers, advancing);
    expect(find(seen.get('office') ?? [], 'meeting.mark_held').allowed).toBe(true);
    await s.markHeld(meeting.id);

    // Held: the office records attendance and drafts the minutes.
    seen = await check(s, [users.office, users.viewer], url(), meetingPerformers, advancing);
    expect(find(seen.get('office') ?? [], 'minutes.draft').allowed).toBe(true);
    const draft = await s.draftMinutes(meeting.id, {
      proceedings: '会议研究了有关事项。',
      decidedItems: [{ text: '抓紧落实有关工作', leadUnitId: financeUnitId, coUnitIds: [], deadline: { kind: 'working_days', days: 10 } }],
    });

    const minutesUrl = `${s.base}/minutes/${draft.id}`;
    const minutesPerformers: Record<string, Performer> = {
      'minutes.edit': async () => ({ method: 'PUT', url: minutesUrl, payload: { proceedings: '会议研究了有关事项，形成以下意见。' } }),
      'minutes.sign_off': async () => ({ method: 'POST', url: `${minutesUrl}/sign-off` }),
      'minutes.issue': async () => ({ method: 'POST', url: `${minutesUrl}/issue` }),
      'minutes.correct': async () => ({ method: 'POST', url: `${minutesUrl}/corrections`, payload: {} }),
    };
    const minutesAdvancing = Object.keys(minutesPerformers);
    // Draft minutes: 审定签发 for the convener (and the deputy the default names), never for office staff.
    seen = await check(s, everyone, minutesUrl, minutesPerformers, minutesAdvancing);
    expect(find(seen.get('office') ?? [], 'minutes.sign_off')).toMatchObject({ allowed: false });
    expect(find(seen.get('convener') ?? [], 'minutes.sign_off').allowed).toBe(true);
    expect(find(seen.get('office') ?? [], 'minutes.edit').allowed).toBe(true);
    await s.signOff(users.convener, draft.id);

    // Signed off: the office may still edit (withdrawing the sign-off) or issue.
    seen = await check(s, [users.office, users.convener], minutesUrl, minutesPerformers, minutesAdvancing);
    expect(find(seen.get('office') ?? [], 'minutes.edit').allowed).toBe(true);
    expect(find(seen.get('office') ?? [], 'minutes.issue').allowed).toBe(true);
    const withdrawn = await s.call<{ status: string }>(s.office, 'PUT', minutesUrl, { proceedings: '会议研究了有关事项，形成以下意见：' });
    expect(withdrawn.status).toBe('draft');
    await s.signOff(users.convener, draft.id);
    const issued = await s.issue(draft.id);

    // Issued: only a correction, by the office.
    seen = await check(s, [users.office, users.member], minutesUrl, minutesPerformers, minutesAdvancing);
    expect(find(seen.get('office') ?? [], 'minutes.correct').allowed).toBe(true);
    expect(find(seen.get('office') ?? [], 'minutes.edit').allowed).toBe(false);

    // The decided item: the liaison reports for the own unit; the office supervises.
    const decisionId = issued.decisionIds[0] ?? '';
    const decisionUrl = `${s.base}/decisions/${decisionId}`;
    const unitPayload = (user: ScenarioUser) => (user === users.office ? { unitId: financeUnitId } : {});
    const decisionPerformers: Record<string, Performer> = {
      'decision.report_progress': async (user) => ({ method: 'POST', url: `${decisionUrl}/progress-reports`, payload: { text: '正在办理', ...unitPayload(user) } }),
      'decision.report_completion': async (user) => ({ method: 'POST', url: `${decisionUrl}/completion`, payload: { text: '已经办结', ...unitPayload(user) } }),
      'decision.request_extension': async (user) => ({
        method: 'POST',
        url: `${decisionUrl}/extension-requests`,
        payload: { requestedDeadline: '2024-12-31', reason: '需要协调', ...unitPayload(user) },
      }),
      'decision.close': async () => ({ method: 'POST', url: `${decisionUrl}/close`, payload: { note: null } }),
      'decision.send_back': async () => ({ method: 'POST', url: `${decisionUrl}/send-back`, payload: { reason: '材料不全' } }),
    };
    const decisionAdvancing = ['decision.report_completion', 'decision.close', 'decision.send_back', 'decision.request_extension'];
    const decisionUsers = [users.liaison, users.member, users.convener, users.viewer, users.office];
    seen = await check(s, decisionUsers, decisionUrl, decisionPerformers, decisionAdvancing);
    expect(find(seen.get('liaison') ?? [], 'decision.report_completion').allowed).toBe(true);
    expect(find(seen.get('member') ?? [], 'decision.report_progress').allowed).toBe(false);
    expect(find(seen.get('office') ?? [], 'decision.close').allowed).toBe(false);
    await s.call(users.liaison, 'POST', `${decisionUrl}/completion`, { text: '已经办结' }, 201);
    seen = await check(s, [users.office, users.liaison], decisionUrl, decisionPerformers, decisionAdvancing);
    expect(find(seen.get('office') ?? [], 'decision.close').allowed).toBe(true);
    expect(find(seen.get('liaison') ?? [], 'decision.report_progress').allowed).toBe(false);

    // The body page: dissolve for the office only; no meeting notice in the body's name.
    const bodyActions = await actionsOf(s, users.office, `${s.base}/actions`);
    expect(find(bodyActions, 'body.dissolve').allowed).toBe(true);
    expect(find(bodyActions, 'meeting.download_notice').allowed).toBe(false);
    expect(find(await actionsOf(s, users.liaison, `${s.base}/actions`), 'body.dissolve').allowed).toBe(false);
  }, 120_000);

  it('offers postponing and cancelling only while the server allows them, and refuses in the draft a deadline the issue step would refuse', async () => {
    const { s, users, convenerPost, financeUnitId } = await setup();
    const meeting = await s.createMeeting({ kind: 'topical', title: '专题会议', startsAt: '2024-06-20T02:00:00.000Z' });
    const actions = async (user: ScenarioUser) => actionsOf(s, user, s.meetingUrl(meeting.id));
    expect(find(await actions(users.office), 'meeting.postpone').allowed).toBe(false);
    await s.schedule(meeting.id);
    expect(find(await actions(users.office), 'meeting.postpone').allowed).toBe(true);
    expect(find(await actions(users.convener), 'meeting.cancel').allowed).toBe(false);
    await s.call(users.office, 'POST', s.meetingUrl(meeting.id, '/postpone'), { reason: '另行安排' });
    expect(find(await actions(users.office), 'meeting.cancel').allowed).toBe(true);
    await s.call(users.office, 'POST', s.meetingUrl(meeting.id, '/cancel'), { reason: '不再召开' });
    const after = await actions(users.office);
    expect(after.filter((a) => a.allowed && a.action.startsWith('meeting.') && a.action !== 'meeting.download_invitation').map((a) => a.action)).toEqual([]);

    const held = await s.heldMeeting({ kind: 'plenary', title: '全体会议', startsAt: '2024-05-20T02:00:00.000Z', presiderMembershipId: convenerPost.id });
    const item = (deadline: DecidedItem['deadline']) => ({ proceedings: '正文', decidedItems: [{ text: '落实', leadUnitId: financeUnitId, coUnitIds: [] as string[], deadline }] });
    // This charter sets no handling deadline: "按制度规定的时限" cannot be computed — refused in the draft, not at issue.
    const noRule = await s.refused(s.office, 'POST', s.meetingUrl(held.id, '/minutes'), item({ kind: 'charter_default' }), 409, 'no_handling_deadline_rule');
    expect(noRule.field).toBe('decidedItems.0.deadline');
    const past = await s.refused(s.office, 'POST', s.meetingUrl(held.id, '/minutes'), item({ kind: 'date', date: '2024-05-01' }), 400, 'deadline_before_issue');
    expect(past.message).toContain('今天');
    const draft = await s.draftMinutes(held.id, item({ kind: 'working_days', days: 5 }));
    await s.refused(s.office, 'PUT', `${s.base}/minutes/${draft.id}`, { decidedItems: item({ kind: 'charter_default' }).decidedItems }, 409, 'no_handling_deadline_rule');
  }, 60_000);
});
