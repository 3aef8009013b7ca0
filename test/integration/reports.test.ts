/**
 * Information reports (信息报送) end to end through HTTP, on the 004 seed: its thematic groups must
 * each report at least one piece of information a month (第十三条). One group reports, one does not:
 * the office's compliance view shows it, the laggard's liaison is reminded once before the month
 * ends (the sweep run twice), and after the month a report for it is refused citing the clause. A
 * body whose charter says nothing has the feature off until its office enables a default.
 */
import { expect, it } from 'vitest';
import { SweepScheduler } from '../../src/services/sweep-scheduler.ts';
import { getAdoptedReportsByIds } from '../../src/services/reports/adopted-reports.ts';
import type { ReportComplianceResponse, ReportOfferResponse, ReportSettingsResponse, UnitReportTallyResponse } from '../../src/contracts/reports.ts';
import type { GroupResponse } from '../../src/contracts/groups.ts';
import { describeDatabases } from './harness.ts';
import type { TestContext } from './harness.ts';
import { MeetingScenario } from './factories/meetings.ts';

const quiet = { info() {}, warn() {}, error() {} };

async function reminderRows(t: TestContext, bodyId: string, reporterId: string): Promise<{ period: string; recipients: string }[]> {
  return t.sql<{ period: string; recipients: string }>(
    `SELECT payload->'data'->>'period' AS period, (payload->'recipients')::text AS recipients FROM outbox
      WHERE kind = 'notification' AND payload->>'event' = 'info_report.reminder' AND payload->>'bodyId' = $1 AND payload->'data'->>'reporterId' = $2 ORDER BY id`,
    [bodyId, reporterId],
  );
}

describeDatabases('information reports', (t) => {
  it('seed 004: one thematic group reports, one does not — tally, compliance, reminder once, closed month', { timeout: 180_000 }, async () => {
    const { s, units } = await MeetingScenario.seed004WithUnits(t, ['市政务服务管理办公室', '市市场监督管理局', '市司法局']);
    const [a, b] = units;
    if (!a || !b) throw new Error('units missing');
    const thematic = (await s.groups()).filter((g) => g.kind === 'thematic');
    expect(thematic.length).toBe(6);
    const [gA, gB] = thematic as [GroupResponse, GroupResponse];
    // The office names each group's lead unit; each unit has a liaison
    await s.call(s.office, 'PUT', `${s.base}/groups/${gA.id}`, { leadUnitIds: [a.unitId], reason: '明确牵头单位' });
    await s.call(s.office, 'PUT', `${s.base}/groups/${gB.id}`, { leadUnitIds: [b.unitId], reason: '明确牵头单位' });
    const liaisonA = await s.personUser((await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: a.unitId, personName: '联络员甲', validFrom: '2021-03-01' })).personId ?? '', 'liaisonA');
    const liaisonB = await s.personUser((await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: b.unitId, personName: '联络员乙', validFrom: '2021-03-01' })).personId ?? '', 'liaisonB');

    // The charter's rule binds: by group, monthly, at least one, 第十三条
    const settings = await s.call<ReportSettingsResponse>(s.office, 'GET', `${s.base}/info-reports/settings`);
    expect(settings.quota).toMatchObject({ source: 'charter', reporter: 'group', count: 1, periodMonths: 1 });
    expect(settings.quota.clause?.clause).toBe('第十三条');
    expect(settings.quota.text).toContain('每月不得少于一篇');

    await s.moveClock(new Date('2021-03-10T02:00:00Z'));
    const report = { unitId: a.unitId, title: '精简审批事项进展', text: '本月取消审批事项三项。', category: '工作动态', offers: [{ bodyId: s.bodyId, groupId: gA.id }] };
    // Bad input: an empty text, a group the unit does not lead, another unit's name
    const empty = await s.refused(liaisonA, 'POST', '/api/info-reports', { ...report, text: '   ' }, 400, 'validation_failed');
    expect(JSON.stringify(empty)).toContain('信息正文不能为空');
    const notInGroup = await s.refused(liaisonA, 'POST', '/api/info-reports', { ...report, offers: [{ bodyId: s.bodyId, groupId: gB.id }] }, 403, 'unit_not_in_group');
    expect(notInGroup.message).toContain(gB.name);
    await s.refused(liaisonB, 'POST', '/api/info-reports', report, 403, 'forbidden');
    const noGroup = await s.refused(liaisonA, 'POST', '/api/info-reports', { ...report, offers: [{ bodyId: s.bodyId, groupId: null }] }, 400, 'info_report_group_required');
    expect(noGroup.clause?.clause).toBe('第十三条');

    const submitted = await s.call<{ reportId: string; offers: ReportOfferResponse[] }>(liaisonA, 'POST', '/api/info-reports', report, 201);
    expect(submitted.offers.map((o) => [o.reporterName, o.period, o.status])).toEqual([[gA.name, '2021-03', 'submitted']]);
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 OR entity_id = $2 ORDER BY seq`, [submitted.reportId, submitted.offers[0]?.id ?? '']);
    expect(audit.map((r) => r.action)).toEqual(['info_report.create', 'info_report.submit']);

    // The liaison's own tally
    const tallyA = await s.call<UnitReportTallyResponse>(liaisonA, 'GET', `${s.base}/info-reports/tally?unitId=${a.unitId}`);
    expect(tallyA.reporters.map((r) => [r.reporterName, r.current.counted, r.current.due, r.current.status])).toEqual([[gA.name, 1, 1, 'met']]);
    expect(tallyA.reporters[0]?.months).toHaveLength(12);
    await s.refused(liaisonB, 'GET', `${s.base}/info-reports/tally?unitId=${a.unitId}`, undefined, 403, 'forbidden');

    // Ten days before the month ends: no reminder yet; two days before: the laggard's liaison, once
    const sweeper = new SweepScheduler({ db: t.db, config: { smtp: null, sweep: t.config.sweep }, clock: t.clock, logger: quiet });
    try {
      await s.moveClock(new Date('2021-03-21T02:00:00Z'));
      await sweeper.runOnce();
      expect(await reminderRows(t, s.bodyId, gB.id)).toEqual([]);
      await s.moveClock(new Date('2021-03-29T02:00:00Z'));
      await sweeper.runOnce();
      await sweeper.runOnce();
      const rows = await reminderRows(t, s.bodyId, gB.id);
      expect(rows.map((r) => r.period)).toEqual(['2021-03']);
      expect(rows[0]?.recipients).toContain(b.unitId);
      expect(await reminderRows(t, s.bodyId, gA.id)).toEqual([]);
    } finally {
      await sweeper.stop();
    }
    const inbox = await s.call<{ items: { event: string; title: string }[] }>(liaisonB, 'GET', '/api/me/inbox');
    expect(inbox.items.filter((i) => i.event === 'info_report.reminder').map((i) => i.title)).toEqual([`信息报送提醒：${gB.name}2021年3月尚差 1 篇`]);

    // The office's compliance view: the laggard first, reminded; the other met
    const compliance = await s.call<ReportComplianceResponse>(s.office, 'GET', `${s.base}/info-reports/compliance`);
    expect(compliance.period?.key).toBe('2021-03');
    const line = (id: string) => compliance.lines.find((l) => l.reporterId === id);
    expect(line(gA.id)).toMatchObject({ counted: 1, status: 'met', remindedAt: null });
    expect(line(gB.id)).toMatchObject({ counted: 0, missing: 1, status: 'due' });
    expect(line(gB.id)?.remindedAt).not.toBeNull();
    expect(compliance.lines.map((l) => l.status).slice(-1)).toEqual(['met']);
    expect(compliance.heatmap).toHaveLength(6);
    expect(compliance.heatmapPeriods.map((p) => p.key).slice(-2)).toEqual(['2021-02', '2021-03']);
    await s.refused(liaisonA, 'GET', `${s.base}/info-reports/compliance`, undefined, 403, 'forbidden');

    // The office adopts the report for a bulletin; the bulletins read it by id
    const offerId = submitted.offers[0]?.id ?? '';
    await s.refused(s.office, 'POST', `${s.base}/info-reports/${offerId}/decision`, { decision: 'return' }, 400, 'validation_failed');
    const adopted = await s.call<ReportOfferResponse>(s.office, 'POST', `${s.base}/info-reports/${offerId}/decision`, { decision: 'adopt' });
    expect(adopted.status).toBe('adopted');
    await s.refused(s.office, 'POST', `${s.base}/info-reports/${offerId}/decision`, { decision: 'accept' }, 409, 'info_report_wrong_status');
    await s.refused(liaisonA, 'POST', `${s.base}/info-reports/${offerId}/decision`, { decision: 'adopt' }, 403, 'forbidden');
    const forBulletin = await getAdoptedReportsByIds(t.db, { bodyId: s.bodyId, ids: [offerId, submitted.reportId] });
    expect(forBulletin.map((r) => [r.title, r.reporterName, r.unitName])).toEqual([['精简审批事项进展', gA.name, a.name]]);

    // April: March is closed — a late report for it is refused citing 第十三条; March shows missing
    await s.moveClock(new Date('2021-04-02T02:00:00Z'));
    const closed = await s.refused(liaisonB, 'POST', '/api/info-reports', { ...report, unitId: b.unitId, period: '2021-03', offers: [{ bodyId: s.bodyId, groupId: gB.id }] }, 409, 'info_report_period_closed');
    expect(closed.message).toContain('2021年3月的报送期已于2021-03-31结束');
    expect(closed.message).toContain('第十三条');
    expect(closed.clause?.clause).toBe('第十三条');
    const april = await s.call<ReportComplianceResponse>(s.office, 'GET', `${s.base}/info-reports/compliance`);
    const march = april.heatmap.find((h) => h.reporterId === gB.id)?.cells.find((c) => c.period === '2021-03');
    expect(march).toMatchObject({ status: 'missing', missing: 1 });
  });

  it('a body whose charter states no quota: off until the office enables a default it chooses', async () => {
    const s = await MeetingScenario.seed(t, '000', new Date('2024-05-06T02:00:00Z'));
    const settings = await s.call<ReportSettingsResponse>(s.office, 'GET', `${s.base}/info-reports/settings`);
    expect(settings.quota.source).toBe('off');
    const compliance = await s.call<ReportComplianceResponse>(s.office, 'GET', `${s.base}/info-reports/compliance`);
    expect([compliance.period, compliance.lines, compliance.heatmap]).toEqual([null, [], []]);
    const unit = (await s.units('2024-05-06'))[0];
    if (!unit) throw new Error('no unit');
    const liaison = await s.personUser((await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: unit.unitId, personName: '联络员丙', validFrom: '2024-05-01' })).personId ?? '', 'liaison');
    const report = { unitId: unit.unitId, title: '季度动态', text: '本季度开展调研两次。', category: '工作动态', offers: [{ bodyId: s.bodyId, groupId: null }] };
    const off = await s.refused(liaison, 'POST', '/api/info-reports', report, 409, 'info_reports_off');
    expect(off.message).toContain('制度未规定信息报送');
    // Only the office changes the settings; it enables one report a quarter by member unit
    await s.refused(liaison, 'PUT', `${s.base}/info-reports/settings`, { enabled: true }, 403, 'forbidden');
    const enabled = await s.call<ReportSettingsResponse>(s.office, 'PUT', `${s.base}/info-reports/settings`, { enabled: true, reporter: 'member_unit', quotaCount: 1, periodMonths: 3 });
    expect(enabled.quota).toMatchObject({ source: 'office_default', reporter: 'member_unit', count: 1, periodMonths: 3, clause: null, text: '各成员单位每季度报送工作信息不少于1篇' });
    const submitted = await s.call<{ offers: ReportOfferResponse[] }>(liaison, 'POST', '/api/info-reports', report, 201);
    expect(submitted.offers[0]?.period).toBe('2024-Q2');
    const view = await s.call<ReportComplianceResponse>(s.office, 'GET', `${s.base}/info-reports/compliance`);
    expect(view.lines.find((l) => l.reporterId === unit.unitId)).toMatchObject({ counted: 1, status: 'met' });
    expect(view.heatmapPeriods.map((p) => p.key)).toEqual(['2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
    const unknownCategory = await s.refused(liaison, 'POST', '/api/info-reports', { ...report, category: '其他' }, 400, 'info_report_category_unknown');
    expect(unknownCategory.message).toContain('工作动态、经验做法、问题建议');
  });
});
