/**
 * Incoming documents (收文 / 批办 / 转办) end to end through HTTP, on PGlite and PostgreSQL.
 *
 * Seed 004 (启东市…“放管服”改革协调小组): its office rules (第十六条) give documents the group or its
 * office 批办/转办 7 working days, 10 when co-handled. A document forwarded to a lead unit and two
 * co-handling units gets 10 working days on the body's calendar, is not overdue on its last day and
 * is overdue the next; the reminder sweep (run twice, one effect) tells the lead unit's liaison; the
 * liaison sees it in its unit's cross-body view and replies; the office closes it (closing twice is
 * refused). Every step is audited; the ledger XLSX carries the incoming-documents sheet.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { MeetingScenario } from './factories/meetings.ts';
import type { ApiError } from './factories/meetings.ts';
import { foundingText } from './factories/bodies.ts';
import type { IncomingDocumentItemResponse, UnitObligationResponse } from '../../src/contracts/incoming-documents.ts';
import { sweepIncomingDocumentReminders } from '../../src/services/incoming-documents/incoming-reminder-sweep.ts';
import { SweepScheduler } from '../../src/services/sweep-scheduler.ts';

const quiet = { info() {}, warn() {}, error() {} };
/** 10:00 in Shanghai on `day` */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describeDatabases('incoming documents', (t) => {
  // A long walk through HTTP (two documents, four days, two sweeps): more than the default 30 s on a busy machine
  it('seed 004: a document forwarded to a lead unit and two co-units gets 10 working days, is overdue on the right day, and its liaison is reminded', { timeout: 120_000 }, async () => {
    const { s, leader, units } = await MeetingScenario.seed004WithUnits(t, ['市政务服务管理办公室', '市市场监督管理局', '市司法局']);
    const [lead, coA, coB] = units;
    if (!lead || !coA || !coB) throw new Error('units missing');
    const liaisonPost = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: lead.unitId, personName: '联络员甲', validFrom: '2021-03-01' });
    const liaison = await s.personUser(liaisonPost.personId ?? '', 'lead-liaison');
    const otherPost = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: coA.unitId, personName: '联络员乙', validFrom: '2021-03-01' });
    const otherLiaison = await s.personUser(otherPost.personId ?? '', 'co-liaison');
    const url = `${s.base}/incoming-documents`;

    // Registered by the office on Tuesday 2021-03-16
    await s.moveClock(at('2021-03-16'));
    const registered = await s.call<{ documentId: string }>(s.office, 'POST', url, {
      sendingUnit: '市某区人民政府',
      sendingNumber: '某政发〔2021〕12号',
      title: '关于请求协调企业开办一窗通办事项的请示',
      receivedOn: '2021-03-15',
      attachments: [{ fileName: '请示.txt', mediaType: 'text/plain', contentBase64: Buffer.from('请示正文').toString('base64') }],
    }, 201);
    const id = registered.documentId;
    // A liaison may not register; a title is required; a received date in the future is refused
    expect((await s.request(liaison, 'POST', url, { sendingUnit: '甲', title: '乙', receivedOn: '2021-03-15' })).statusCode).toBe(403);
    const empty = await s.request(s.office, 'POST', url, { sendingUnit: '甲', title: '  ', receivedOn: '2021-03-15' });
    expect(empty.statusCode).toBe(400);
    const future = await s.request(s.office, 'POST', url, { sendingUnit: '甲', title: '乙', receivedOn: '2021-03-17' });
    expect(future.statusCode).toBe(400);
    expect(future.json<ApiError>().error.message).toContain('不能晚于今天');

    // Bad routing input: an unknown unit, the lead as co-unit — clear Chinese errors
    const unknown = await s.request(leader.user, 'POST', `${url}/${id}/assign`, { routing: 'forward', leadUnitId: '00000000-0000-4000-8000-000000000000', coUnitIds: [] });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json<ApiError>().error).toMatchObject({ code: 'lead_unit_not_member', field: 'leadUnitId' });
    expect(unknown.json<ApiError>().error.message).toContain('主办单位不是本机构的成员单位');
    const twice = await s.request(leader.user, 'POST', `${url}/${id}/assign`, { routing: 'forward', leadUnitId: lead.unitId, coUnitIds: [lead.unitId] });
    expect(twice.json<ApiError>().error.code).toBe('co_unit_is_lead');
    // A liaison may not forward
    expect((await s.request(liaison, 'POST', `${url}/${id}/assign`, { routing: 'forward', leadUnitId: lead.unitId })).statusCode).toBe(403);

    // The 组长 forwards it (转办) to the lead unit with two co-handling units: 10 working days (第十六条)
    const forwarded = await s.call<IncomingDocumentItemResponse>(leader.user, 'POST', `${url}/${id}/assign`, {
      routing: 'forward',
      leadUnitId: lead.unitId,
      coUnitIds: [coA.unitId, coB.unitId],
      instruction: '请市政务办牵头会同有关部门研究办理。',
    });
    expect(forwarded).toMatchObject({ status: 'assigned', routing: 'forward', routingName: '转办', assignedOn: '2021-03-16', deadline: '2021-03-30', workingDaysLeft: 10, overdue: false });
    expect(forwarded.deadlineBasis).toEqual({ kind: 'charter_default', days: 10, coHandled: true, clause: '第十六条' });
    expect(forwarded.coUnits.map((u) => u.unitId)).toEqual([coA.unitId, coB.unitId]);
    // Each reader is sent the steps it may take now: the lead unit's liaison replies, nobody else
    expect(forwarded.allowedActions).toEqual([]);
    expect((await s.call<IncomingDocumentItemResponse>(liaison, 'GET', `${url}/${id}`)).allowedActions).toEqual(['reply']);
    expect((await s.call<IncomingDocumentItemResponse>(otherLiaison, 'GET', `${url}/${id}`)).allowedActions).toEqual([]);
    expect((await s.call<{ allowedActions: string[] }>(liaison, 'GET', url)).allowedActions).toEqual([]);
    expect((await s.call<{ allowedActions: string[] }>(s.office, 'GET', url)).allowedActions).toEqual(['register']);
    // Forwarding again is refused
    const again = await s.request(s.office, 'POST', `${url}/${id}/assign`, { routing: 'assign', leadUnitId: lead.unitId });
    expect(again.statusCode).toBe(409);
    expect(again.json<ApiError>().error).toMatchObject({ code: 'incoming_document_wrong_status' });

    // A second document assigned (批办) by the office to one unit: 7 working days
    const single = await s.call<{ documentId: string }>(s.office, 'POST', url, { sendingUnit: '市某局', sendingNumber: null, title: '关于某事项的函', receivedOn: '2021-03-16' }, 201);
    const assigned = await s.call<IncomingDocumentItemResponse>(s.office, 'POST', `${url}/${single.documentId}/assign`, { routing: 'assign', leadUnitId: coB.unitId });
    expect(assigned).toMatchObject({ routingName: '批办', deadline: '2021-03-25' });
    expect(assigned.deadlineBasis).toEqual({ kind: 'charter_default', days: 7, coHandled: false, clause: '第十六条' });

    // The lead unit's liaison sees it in its unit's cross-body view: which body, by when
    const owed = await s.call<{ items: UnitObligationResponse[] }>(liaison, 'GET', `/api/units/${lead.unitId}/obligations`);
    expect(owed.items.filter((i) => i.kind === 'incoming_document')).toEqual([
      expect.objectContaining({ id, bodyId: s.bodyId, bodyName: s.bodyName, role: 'lead', deadline: '2021-03-30', overdue: false, kindName: '收文转办' }),
    ]);
    // The reports part's provider: the lead unit leads a thematic group, which owes a report a month (第十七条)
    const thematic = (await s.groups()).find((g) => g.kind === 'thematic');
    if (!thematic) throw new Error('no thematic group');
    await s.call(s.office, 'PUT', `${s.base}/groups/${thematic.id}`, { leadUnitIds: [lead.unitId], reason: '测试：明确牵头单位' });
    const withReports = await s.call<{ items: UnitObligationResponse[] }>(liaison, 'GET', `/api/units/${lead.unitId}/obligations`);
    expect(withReports.items.filter((i) => i.kind === 'information_report')).toEqual([
      expect.objectContaining({ bodyId: s.bodyId, deadline: '2021-03-31', overdue: false, statusName: '本期未完成', title: expect.stringContaining(thematic.name) as string }),
    ]);
    const coOwed = await s.call<{ items: UnitObligationResponse[] }>(otherLiaison, 'GET', `/api/units/${coA.unitId}/obligations`);
    expect(coOwed.items.find((i) => i.id === id)?.role).toBe('co');

    // The reminders: the sweep runs twice on each day and sends each rung once
    const sweepTwice = async (day: string) => {
      t.clock.set(at(day));
      const first = await sweepIncomingDocumentReminders({ db: t.db, clock: t.clock });
      const second = await sweepIncomingDocumentReminders({ db: t.db, clock: t.clock });
      return [first.enqueued, second.enqueued, second.alreadySent];
    };
    // On the 22nd the 批办 one (due the 25th) is 3 working days off: its `before` rung, once; the other none
    expect(await sweepTwice('2021-03-22')).toEqual([1, 0, 1]);
    await s.moveClock(at('2021-03-30'));
    const onTheDay = await s.call<IncomingDocumentItemResponse>(s.office, 'GET', `${url}/${id}`);
    expect(onTheDay).toMatchObject({ overdue: false, workingDaysLeft: 0, escalationRung: 'due' });
    await s.moveClock(at('2021-03-31'));
    const dayAfter = await s.call<IncomingDocumentItemResponse>(s.office, 'GET', `${url}/${id}`);
    expect(dayAfter).toMatchObject({ overdue: true, workingDaysOverdue: 1, escalationRung: 'overdue' });
    const overdueList = await s.call<{ items: IncomingDocumentItemResponse[] }>(s.office, 'GET', `${url}?overdue=true`);
    expect(overdueList.items.map((i) => i.id).sort()).toEqual([id, single.documentId].sort());
    // On the 31st both documents are overdue: one rung each, once
    expect(await sweepTwice('2021-03-31')).toEqual([2, 0, 2]);
    const sends = await t.sql<{ rung: string; due_date: string }>(
      "SELECT rung, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM incoming_document_reminder_sends WHERE document_id = $1",
      [id],
    );
    expect(sends).toEqual([{ rung: 'overdue', due_date: '2021-03-30' }]);
    // The outbox delivers: the lead unit's liaison and the office are reminded, the co-unit's liaison too
    const sweeper = new SweepScheduler({ db: t.db, config: { ...t.config, smtp: null }, clock: t.clock, logger: quiet, mailer: null });
    try {
      await sweeper.runOnce();
      await sweeper.runOnce();
    } finally {
      await sweeper.stop();
    }
    await s.moveClock(at('2021-03-31'));
    const inbox = await s.call<{ items: { event: string; link: string | null }[] }>(liaison, 'GET', '/api/me/inbox');
    expect(inbox.items.filter((i) => i.event === 'incoming_document.reminder_overdue').map((i) => i.link)).toEqual([`/bodies/${s.bodyId}/incoming?document=${id}`]);
    expect(inbox.items.some((i) => i.event === 'incoming_document.forwarded')).toBe(true);
    const officeInbox = await s.call<{ items: { event: string }[] }>(s.office, 'GET', '/api/me/inbox');
    expect(officeInbox.items.filter((i) => i.event === 'incoming_document.reminder_overdue')).toHaveLength(2);

    // Replying: the co-unit's liaison may not; the lead unit's liaison does; the office closes
    expect((await s.request(otherLiaison, 'POST', `${url}/${id}/reply`, { text: '已办理' })).statusCode).toBe(403);
    const early = await s.request(s.office, 'POST', `${url}/${id}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json<ApiError>().error.message).toContain('主办单位办复后才能办结');
    const replied = await s.call<IncomingDocumentItemResponse>(liaison, 'POST', `${url}/${id}/reply`, { text: '已会同市市场监督管理局、市司法局研究，拟于4月上线一窗通办。' });
    expect(replied).toMatchObject({ status: 'replied', overdue: false, escalationRung: 'none' });
    expect((await s.call<IncomingDocumentItemResponse>(s.office, 'GET', `${url}/${id}`)).allowedActions).toEqual(['close']);
    const closed = await s.call<IncomingDocumentItemResponse>(s.office, 'POST', `${url}/${id}/close`, { note: '同意办结' });
    expect(closed).toMatchObject({ status: 'closed', statusName: '已办结', closeNote: '同意办结' });
    const closeTwice = await s.request(s.office, 'POST', `${url}/${id}/close`, {});
    expect(closeTwice.statusCode).toBe(409);
    expect(closeTwice.json<ApiError>().error).toMatchObject({ code: 'incoming_document_wrong_status', message: '收文已办结，不能再次办结' });
    // Closed: no longer owed, no more reminders
    const after = await s.call<{ items: UnitObligationResponse[] }>(liaison, 'GET', `/api/units/${lead.unitId}/obligations`);
    expect(after.items.some((i) => i.id === id)).toBe(false);
    expect((await sweepIncomingDocumentReminders({ db: t.db, clock: t.clock })).alreadySent).toBe(1);

    // Every state change audited
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'incoming_document' AND entity_id = $1 ORDER BY seq", [id]);
    expect(audit.map((r) => r.action)).toEqual(['incoming_document.register', 'incoming_document.forward', 'incoming_document.reply', 'incoming_document.close']);

    // The attachment downloads; the ledger XLSX has the incoming-documents sheet
    const detail = await s.call<IncomingDocumentItemResponse>(liaison, 'GET', `${url}/${id}`);
    const file = await s.request(liaison, 'GET', `${url}/${id}/attachments/${detail.attachments[0]?.id ?? ''}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('请示正文');
    const ledger = await s.request(s.office, 'GET', `${s.base}/ledger-document`);
    expect(ledger.statusCode, ledger.body.slice(0, 200)).toBe(200);
    const workbook = new ExcelJS.Workbook();
    const bytes = ledger.rawPayload;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('收文办理');
    if (!sheet) throw new Error('no incoming-documents sheet');
    const rows = [3, 4].map((n) => sheet.getRow(n));
    const byTitle = new Map(rows.map((row) => [String(row.getCell(5).value), row]));
    const closedRow = byTitle.get('关于请求协调企业开办一窗通办事项的请示');
    expect(closedRow?.getCell(4).value).toBe('某政发〔2021〕12号');
    expect(closedRow?.getCell(6).value).toBe('转办');
    expect(closedRow?.getCell(7).value).toBe(lead.name);
    expect(closedRow?.getCell(8).value).toBe(`${coA.name}、${coB.name}`);
    expect(closedRow?.getCell(11).value).toBe('已办结');
    expect(byTitle.get('关于某事项的函')?.getCell(11).value).toBe('办理中（已逾期4个工作日）') // due 25th: 26, 29, 30, 31;
  });

  it('refuses a deadline past the body’s sunset, and charter_default when the charter states no handling deadline', async () => {
    const { text } = foundingText();
    const s = await MeetingScenario.publish(t, { text: text.replace('三、工作规则', '联席会议工作任务完成后（2025年12月底）自行撤销。\n三、工作规则'), now: at('2025-12-22') });
    const [lead] = await s.units('2025-12-22');
    if (!lead) throw new Error('units missing');
    const url = `${s.base}/incoming-documents`;
    const { documentId } = await s.call<{ documentId: string }>(s.office, 'POST', url, { sendingUnit: '省某厅', title: '关于某事项的函', receivedOn: '2025-12-22' }, 201);
    const pastSunset = await s.request(s.office, 'POST', `${url}/${documentId}/assign`, { routing: 'assign', leadUnitId: lead.unitId, deadline: { kind: 'working_days', days: 10 } });
    expect(pastSunset.statusCode).toBe(409);
    const error = pastSunset.json<ApiError>().error;
    expect(error).toMatchObject({ code: 'incoming_deadline_after_sunset', field: 'deadline' });
    expect(error.message).toContain('晚于本机构的撤销日期（2025-12-31）');
    expect(error.clause?.text).toContain('自行撤销');
    const noRule = await s.request(s.office, 'POST', `${url}/${documentId}/assign`, { routing: 'assign', leadUnitId: lead.unitId });
    expect(noRule.statusCode).toBe(409);
    expect(noRule.json<ApiError>().error).toMatchObject({ code: 'no_handling_deadline_rule', message: '本机构制度未规定公文办理时限，请指定工作日数或日期' });
    // Within the sunset, with the office's own count of working days
    const ok = await s.call<IncomingDocumentItemResponse>(s.office, 'POST', `${url}/${documentId}/assign`, { routing: 'assign', leadUnitId: lead.unitId, deadline: { kind: 'working_days', days: 5 } });
    expect(ok).toMatchObject({ deadline: '2025-12-29', deadlineBasis: { kind: 'working_days', days: 5 } });
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'incoming_document' AND entity_id = $1 ORDER BY seq", [documentId]);
    expect(audit.map((r) => r.action)).toEqual(['incoming_document.register', 'incoming_document.assign']);
  });
});
