/**
 * The annual cycle through HTTP on the 004 seed: its charter orders the districts and departments to
 * report each year through the office (第十四条) and the office to compile the groups' and units'
 * reports (office rules 第四条). The office starts the year's collection with a working-day deadline,
 * units submit, the office returns, presses and accepts, then compiles the body's report (DOCX) and
 * starts the outgoing document that sends it. A deadline after the sunset is refused citing it; a
 * charter without an annual report rule gets no collection.
 */
import { expect, it } from 'vitest';
import type { AnnualTaskResponse, AnnualYearResponse, WorkPlanResponse } from '../../src/contracts/annual-cycle.ts';
import { listUnitAnnualTasks } from '../../src/services/annual-cycle/annual-cycle.ts';
import { describeDatabases } from './harness.ts';
import { MeetingScenario, seedText } from './factories/meetings.ts';

describeDatabases('annual cycle', (t) => {
  it('seed 004: collection by the charter, submissions, return, reminder, compilation and DOCX', { timeout: 180_000 }, async () => {
    const { s, units, leader } = await MeetingScenario.seed004WithUnits(t, ['市政务服务管理办公室', '市市场监督管理局']);
    const [a, b] = units;
    if (!a || !b) throw new Error('units missing');
    const liaisonA = await s.personUser((await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: a.unitId, personName: '联络员甲', validFrom: '2021-03-01' })).personId ?? '', 'liaisonA');
    const liaisonB = await s.personUser((await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: b.unitId, personName: '联络员乙', validFrom: '2021-03-01' })).personId ?? '', 'liaisonB');
    await s.moveClock(new Date('2021-12-01T02:00:00Z'));

    const before = await s.call<AnnualYearResponse>(liaisonA, 'GET', `${s.base}/annual-cycle/2021`);
    expect(before.collection).toBeNull();
    expect(before.plan).toMatchObject({ memberUnits: true, groups: true });
    expect(before.plan?.reportTo).toContain('协调小组');
    expect(before.plan?.rules.map((r) => r.clause.clause)).toEqual(['第十四条', '第四条']);

    await s.refused(liaisonA, 'POST', `${s.base}/annual-cycle/2021/collection`, { deadline: { kind: 'working_days', days: 15 } }, 403, 'forbidden');
    const notWorking = await s.refused(s.office, 'POST', `${s.base}/annual-cycle/2021/collection`, { deadline: { kind: 'date', date: '2021-12-25' } }, 400, 'annual_deadline_not_working_day');
    expect(notWorking.message).toContain('2021-12-25不是工作日');
    // 15 working days from Wednesday 2021-12-01 on the 江苏 calendar: Wednesday 2021-12-22
    const started = await s.call<AnnualYearResponse>(s.office, 'POST', `${s.base}/annual-cycle/2021/collection`, { deadline: { kind: 'working_days', days: 15 } }, 201);
    expect(started.collection).toMatchObject({ status: 'collecting', deadline: '2021-12-22' });
    expect(started.collection?.counts).toMatchObject({ total: 8, pending: 8 });
    expect(started.tasks.filter((x) => x.reporterKind === 'member_unit').map((x) => x.reporterName).sort()).toEqual([a.name, b.name].sort());
    expect(started.tasks.filter((x) => x.reporterKind === 'group')).toHaveLength(6);
    await s.refused(s.office, 'POST', `${s.base}/annual-cycle/2021/collection`, { deadline: { kind: 'working_days', days: 15 } }, 409, 'annual_collection_exists');

    const taskA = started.tasks.find((x) => x.reporterId === a.unitId);
    const taskB = started.tasks.find((x) => x.reporterId === b.unitId);
    if (!taskA || !taskB) throw new Error('tasks missing');
    const submit = (user: typeof liaisonA, taskId: string, unitId: string, text: string) => s.request(user, 'POST', `${s.base}/annual-tasks/${taskId}/submission`, { unitId, text });
    expect((await submit(liaisonA, taskA.id, a.unitId, '  ')).statusCode).toBe(400);
    await s.refused(liaisonB, 'POST', `${s.base}/annual-tasks/${taskA.id}/submission`, { unitId: b.unitId, text: '冒名报送' }, 403, 'annual_task_not_yours');
    await s.refused(liaisonB, 'POST', `${s.base}/annual-tasks/${taskA.id}/submission`, { unitId: a.unitId, text: '冒名报送' }, 403, 'forbidden');
    expect((await submit(liaisonA, taskA.id, a.unitId, '全年取消审批事项十二项。')).statusCode).toBe(200);
    const returned = await s.call<AnnualTaskResponse>(s.office, 'POST', `${s.base}/annual-tasks/${taskA.id}/decision`, { decision: 'return', reason: '请补充数据来源' });
    expect(returned).toMatchObject({ status: 'returned', reason: '请补充数据来源' });
    await s.call(liaisonA, 'POST', `${s.base}/annual-tasks/${taskA.id}/submission`, { unitId: a.unitId, text: '全年取消审批事项十二项（据市审批局统计）。' });
    await s.call(s.office, 'POST', `${s.base}/annual-tasks/${taskA.id}/decision`, { decision: 'accept' });
    await s.call(s.office, 'POST', `${s.base}/annual-tasks/${taskB.id}/reminder`);
    await s.moveClock(new Date('2021-12-23T02:00:00Z'));
    const late = await s.call<AnnualYearResponse>(s.office, 'GET', `${s.base}/annual-cycle/2021`);
    expect(late.tasks.find((x) => x.id === taskB.id)).toMatchObject({ status: 'pending', overdue: true });
    expect(late.collection?.counts).toMatchObject({ accepted: 1, overdue: 7 });
    // What unit B owes across bodies (the cross-body view reads it); unit A owes nothing more
    expect((await listUnitAnnualTasks(t.db, { unitId: b.unitId, today: '2021-12-23' })).map((x) => [x.year, x.deadline, x.statusName, x.overdue])).toEqual([[2021, '2021-12-22', '待报送', true]]);
    expect(await listUnitAnnualTasks(t.db, { unitId: a.unitId, today: '2021-12-23' })).toEqual([]);

    const compiled = await s.call<AnnualYearResponse>(s.office, 'POST', `${s.base}/annual-cycle/2021/compilation`, { text: '一年来，协调小组统筹推进改革。\n明年将继续深化。' });
    expect(compiled.collection?.status).toBe('compiled');
    const outgoingId = compiled.collection?.outgoingDocumentId ?? '';
    const drafts = await t.sql<{ kind: string; status: string; title: string }>(`SELECT kind, status, title FROM outgoing_documents WHERE id = $1`, [outgoingId]);
    expect(drafts).toEqual([{ kind: 'report', status: 'draft', title: `${s.bodyName}关于2021年度工作情况的报告` }]);
    await s.refused(liaisonA, 'POST', `${s.base}/annual-tasks/${taskB.id}/submission`, { unitId: b.unitId, text: '迟报' }, 403, 'forbidden');
    await s.refused(liaisonB, 'POST', `${s.base}/annual-tasks/${taskB.id}/submission`, { unitId: b.unitId, text: '迟报' }, 409, 'annual_collection_closed');

    const docx = await s.request(liaisonA, 'GET', `${s.base}/annual-cycle/2021/annual-report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toBe(`attachment; filename="annual-report.docx"; filename*=UTF-8''${encodeURIComponent(`${s.bodyName}关于2021年度工作情况的报告.docx`)}`);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 OR entity_id = $2 ORDER BY seq`, [started.collection?.id ?? '', taskA.id]);
    expect(audit.map((r) => r.action)).toEqual(['annual_collection.start', 'annual_task.submit', 'annual_task.return', 'annual_task.submit', 'annual_task.accept', 'annual_collection.compile']);

    // The office rules (第四条) ask for next year's work plan, adopted by the plenary through an agenda item
    expect(late.workPlan).toMatchObject({ status: 'not_drafted', clause: { clause: '第四条' } });
    expect(late.workPlan?.clause.text).toContain('年度工作要点，提交协调小组会议审议');
    const topical = await s.createMeeting({ kind: 'topical', title: '专题会议', startsAt: '2021-12-27T01:00:00.000Z' });
    const topicalItem = await s.proposeItem(s.office, topical.id, { title: '其他议题' });
    await s.refused(s.office, 'PUT', `${s.base}/annual-cycle/2022/work-plan`, { text: '2022年工作要点', agendaItemId: topicalItem.id }, 422, 'work_plan_agenda_not_plenary');
    let planItemId = '';
    await s.heldMeeting({
      kind: 'plenary',
      title: '协调小组全体会议',
      startsAt: '2021-12-24T01:00:00.000Z',
      presiderMembershipId: leader.membership.id,
      beforeHeld: async (meeting) => {
        const item = await s.proposeItem(s.office, meeting.id, { title: '审议2022年度工作要点' });
        await s.decideItem(leader.user, meeting.id, item.id, true);
        planItemId = item.id;
        const drafted = await s.call<WorkPlanResponse>(s.office, 'PUT', `${s.base}/annual-cycle/2022/work-plan`, { text: '一、深化审批制度改革。\n二、优化营商环境。', agendaItemId: item.id });
        expect(drafted).toMatchObject({ status: 'compiled', meetingTitle: '协调小组全体会议' });
        const early = await s.refused(s.office, 'POST', `${s.base}/annual-cycle/2022/work-plan/adoption`, undefined, 409, 'work_plan_not_adopted_yet');
        expect(early.message).toContain('尚未召开');
      },
    });
    const adopted = await s.call<WorkPlanResponse>(s.office, 'POST', `${s.base}/annual-cycle/2022/work-plan/adoption`);
    expect(adopted).toMatchObject({ status: 'adopted', agendaItemId: planItemId });
    await s.refused(s.office, 'PUT', `${s.base}/annual-cycle/2022/work-plan`, { text: '改', agendaItemId: null }, 409, 'work_plan_already_adopted');
  });

  it('a deadline after the body’s sunset is refused citing it', async () => {
    const text = seedText('004').replace('第四条协调小组下设', '第三条之一协调小组于2021年12月底自行撤销。\n第四条协调小组下设');
    const s = await MeetingScenario.publish(t, { text, now: new Date('2021-12-10T02:00:00Z') });
    const refused = await s.refused(s.office, 'POST', `${s.base}/annual-cycle/2021/collection`, { deadline: { kind: 'working_days', days: 20 } }, 409, 'annual_deadline_after_sunset');
    expect(refused.message).toContain('晚于本机构撤销日期2021-12-31');
    expect(refused.clause?.text).toContain('2021年12月底自行撤销');
  });

  it('seed 003: the convener reports to the city government — a yearly collection for the office with no unit tasks', { timeout: 120_000 }, async () => {
    // 三、（二）1.定期向市人民政府汇报工作进展情况 … 由召集人代表联席会议汇报
    const s = await MeetingScenario.seed(t, '003', new Date('2024-11-04T02:00:00Z'));
    const before = await s.call<AnnualYearResponse>(s.office, 'GET', `${s.base}/annual-cycle/2024`);
    expect(before.plan).toMatchObject({ memberUnits: false, groups: false, reportTo: ['市人民政府'] });
    expect(before.plan?.rules.map((r) => [r.reporter, r.to])).toEqual([['召集人', '市人民政府']]);
    expect(before.plan?.rules[0]?.clause.text).toContain('定期向市人民政府汇报工作进展情况');
    const started = await s.call<AnnualYearResponse>(s.office, 'POST', `${s.base}/annual-cycle/2024/collection`, { deadline: { kind: 'working_days', days: 10 } }, 201);
    expect(started.collection).toMatchObject({ status: 'collecting' });
    expect(started.collection?.counts).toMatchObject({ total: 0, pending: 0 });
    expect(started.tasks).toEqual([]);
    const compiled = await s.call<AnnualYearResponse>(s.office, 'POST', `${s.base}/annual-cycle/2024/compilation`, { text: '一年来，联席会议统筹推进政务服务工作。' });
    expect(compiled.collection?.status).toBe('compiled');
    const drafts = await t.sql<{ kind: string; title: string }>(`SELECT kind, title FROM outgoing_documents WHERE id = $1`, [compiled.collection?.outgoingDocumentId ?? '']);
    expect(drafts).toEqual([{ kind: 'report', title: `${s.bodyName}关于2024年度工作情况的报告` }]);
  });

  it('a charter that orders no annual report: no collection is invented', async () => {
    const s = await MeetingScenario.seed(t, '000', new Date('2024-05-06T02:00:00Z'));
    const year = await s.call<AnnualYearResponse>(s.office, 'GET', `${s.base}/annual-cycle/2024`);
    expect([year.plan, year.collection, year.tasks, year.workPlan]).toEqual([null, null, [], null]);
    await s.refused(s.office, 'PUT', `${s.base}/annual-cycle/2024/work-plan`, { text: '要点', agendaItemId: null }, 409, 'work_plan_not_in_charter');
    const refused = await s.refused(s.office, 'POST', `${s.base}/annual-cycle/2024/collection`, { deadline: { kind: 'working_days', days: 10 } }, 409, 'annual_report_not_in_charter');
    expect(refused.message).toContain('制度未规定年度工作报告');
  });
});
