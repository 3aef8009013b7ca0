/**
 * The documents API through HTTP: minutes DOCX/PDF of minutes driven through the meetings flow,
 * the 不正式行文 refusal of notices and circulars, a sealed body's notice and circular, the
 * ledgers (XLSX read back), the meeting invitation (ICS parsed with ical.js) across updates and
 * cancellation, the calendar feed with its revocable token, and the refusals.
 */
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { calendarFeedTokens } from '../../src/db/schema/documents.ts';
import { findSoffice } from '../../src/adapters/pdf-conversion.ts';
import { describeDatabases } from './harness.ts';
import { foundingText, outsider } from './factories/bodies.ts';
import { MeetingScenario, isoAfter } from './factories/meetings.ts';
import type { Meeting, Minutes, ScenarioUser } from './factories/meetings.ts';
import { readDocx } from '../documents/docx-reader.ts';

const START = new Date('2024-03-01T01:00:00Z');

/** A body through one issued minutes: a held plenary presided by the convener, two decided items. */
async function issuedMinutes(s: MeetingScenario): Promise<{ meeting: Meeting; minutes: Minutes; convener: ScenarioUser; units: { unitId: string; name: string }[] }> {
  const roles = await s.memberships('?at=2024-03-01');
  const convenerPost = roles.find((m) => m.roleKind === 'convener');
  if (!convenerPost) throw new Error('no convener post');
  const convener = await s.holderUser(convenerPost, { date: '2024-02-20', personName: '召集甲', label: 'convener' });
  // a deputy convener holding the post on the meeting day is invited and listed after the presider
  const deputyPost = roles.find((m) => m.roleKind === 'deputy_convener');
  if (deputyPost) await s.holderUser(deputyPost, { date: '2024-02-20', personName: '副召乙', label: 'deputy' });
  const units = await s.units('2024-03-01');
  const [lead, co] = units;
  if (!lead || !co) throw new Error('units missing');
  const meeting = await s.heldMeeting({ kind: 'plenary', title: '第一次全体会议', startsAt: isoAfter(START, 5), presiderMembershipId: convener.membership.id });
  await s.allAttended(meeting.id);
  const draft = await s.draftMinutes(meeting.id, {
    proceedings: '会议听取了各成员单位工作情况汇报。\n一、总体要求\n会议要求各成员单位加强协调配合。',
    decidedItems: [
      { text: '制定年度工作要点', leadUnitId: lead.unitId, coUnitIds: [co.unitId], deadline: { kind: 'date', date: '2024-04-30' } },
      { text: '报送联络员名单', leadUnitId: co.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 10 } },
    ],
  });
  const signOff = await s.request(convener.user, 'POST', `${s.base}/minutes/${draft.id}/sign-off`);
  if (signOff.statusCode !== 200) await s.signOff(s.office, draft.id);
  const minutes = await s.issue(draft.id);
  return { meeting: await s.getMeeting(meeting.id), minutes, convener: convener.user, units };
}

describeDatabases('documents', (t) => {
  it('renders issued minutes as GB/T 9704 DOCX (and PDF where LibreOffice is), refuses notices of a 不正式行文 body', { timeout: 120_000 }, async () => {
    const s = await MeetingScenario.publish(t, { now: START });
    const { meeting, minutes, units } = await issuedMinutes(s);
    expect(minutes.status).toBe('issued');
    const res = await s.request(s.office, 'GET', `${s.base}/minutes/${minutes.id}/document`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent(`${s.bodyName}纪要`));
    // an ASCII fallback that says what it is, then the Chinese name (RFC 5987)
    expect(String(res.headers['content-disposition'])).toBe(
      `attachment; filename="minutes-${minutes.year}-${String(minutes.number).padStart(2, '0')}.docx"; filename*=UTF-8''${encodeURIComponent(`${s.bodyName}纪要（${minutes.year}年第${minutes.number}期）.docx`)}`,
    );
    const doc = await readDocx(res.rawPayload);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain(`${s.bodyName}纪要`);
    expect(texts).toContain(`第${minutes.number}期`);
    expect(texts.some((p) => p.startsWith('1.\u3000制定年度工作要点。') && p.includes('完成时限：2024年4月30日前'))).toBe(true);
    // the working days were counted into a date when the minutes were issued
    expect(texts.some((p) => p.startsWith('2.\u3000报送联络员名单。') && /完成时限：2024年\d+月\d+日前/u.test(p))).toBe(true);
    const attended = texts.find((p) => p.startsWith('出席：')) ?? '';
    for (const unit of units) expect(attended).toContain(unit.name);
    // 出席 order: the presider, then the deputy who attended, then the member units
    expect(attended.indexOf('召集甲')).toBe('出席：'.length);
    expect(attended.indexOf('副召乙')).toBeGreaterThan(attended.indexOf('召集甲'));
    for (const unit of units) expect(attended.indexOf(unit.name)).toBeGreaterThan(attended.indexOf('副召乙'));
    const distributed = texts.find((p) => p.startsWith('分送：')) ?? '';
    for (const unit of units) expect(distributed).toContain(unit.name);
    // the printing office and the print date (on a line of its own when the office's name is long)
    const printed = texts.findIndex((p) => p.endsWith('印发'));
    expect(printed).toBeGreaterThan(0);
    expect(`${texts[printed - 1] ?? ''}${texts[printed] ?? ''}`).toContain(`${s.bodyName}办公室`);

    const pdf = await s.request(s.office, 'GET', `${s.base}/minutes/${minutes.id}/document?format=pdf`);
    if ((await findSoffice()) === null) {
      expect(pdf.statusCode).toBe(501);
      expect(pdf.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'pdf_unavailable' });
    } else {
      expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }

    // 不正式行文: no notice in the body's own name, with the clause; minutes stay allowed
    const notice = await s.refused(s.office, 'GET', `${s.meetingUrl(meeting.id, '/notice-document')}`, undefined, 422, 'formal_document_not_allowed');
    expect(notice.clause?.text).toContain('不正式行文');

    // bad input names the field; outsiders are refused
    const bad = await s.request(s.office, 'GET', `${s.base}/minutes/${minutes.id}/document?format=odt`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field?: string } }>().error.field).toContain('format');
    const missing = await s.request(s.office, 'GET', `${s.base}/minutes/00000000-0000-4000-8000-000000000000/document`);
    expect(missing.statusCode).toBe(404);
    const stranger = await outsider(t);
    const forbidden = await t.app().then((app) => app.inject({ method: 'GET', url: `${s.base}/minutes/${minutes.id}/document`, headers: { cookie: stranger.cookie } }));
    expect(forbidden.statusCode).toBe(403);
    const anonymous = await s.request(null, 'GET', `${s.base}/minutes/${minutes.id}/document`);
    expect(anonymous.statusCode).toBe(401);
  });

  it('renders a sealed body’s notice and circular, the ledgers as XLSX and the invitation as ICS', async () => {
    const text = foundingText().text.replace('联席会议不刻制印章，不正式行文。', '');
    const s = await MeetingScenario.publish(t, { text, now: START });
    const { meeting, minutes, units, convener } = await issuedMinutes(s);

    const notice = await s.request(s.office, 'GET', s.meetingUrl(meeting.id, '/notice-document'));
    expect(notice.statusCode, notice.body.slice(0, 300)).toBe(200);
    const noticeDoc = await readDocx(notice.rawPayload);
    expect(noticeDoc.paragraphs.map((p) => p.text)).toContain(`关于召开${s.bodyName}第一次全体会议的通知`);
    expect(noticeDoc.paragraphs.map((p) => p.text)).toContain('各成员单位：');
    expect(noticeDoc.document).toContain('w:name="seal_area"');

    const circular = await s.call<{ id: string; number: number }>(s.office, 'POST', `${s.base}/circulars`, undefined, 201);
    const circularRes = await s.request(s.office, 'GET', `${s.base}/circulars/${circular.id}/document`);
    expect(circularRes.statusCode, circularRes.body.slice(0, 300)).toBe(200);
    const circularDoc = await readDocx(circularRes.rawPayload);
    const circularTexts = circularDoc.paragraphs.map((p) => p.text);
    expect(circularTexts.some((p) => p.includes('制定年度工作要点') && p.includes('剩余'))).toBe(true);
    expect(circularTexts.some((p) => p.includes('报送联络员名单'))).toBe(true);

    // the body's ledger: one row per decided item, read back with exceljs
    const ledger = await s.request(s.office, 'GET', `${s.base}/ledger-document`);
    expect(ledger.statusCode, ledger.body.slice(0, 300)).toBe(200);
    expect(ledger.headers['content-type']).toContain('spreadsheetml');
    const ledgerDisposition = String(ledger.headers['content-disposition']);
    const asOf = /^attachment; filename="ledger-(\d{4}-\d{2}-\d{2})\.xlsx"; filename\*=UTF-8''\S+$/u.exec(ledgerDisposition)?.[1];
    expect(asOf, ledgerDisposition).toBeDefined();
    expect(decodeURIComponent(ledgerDisposition.split("UTF-8''")[1] ?? '')).toBe(`${s.bodyName}督办台账（${asOf ?? ''}）.xlsx`);
    const workbook = new ExcelJS.Workbook();
    const bytes = ledger.rawPayload;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.autoFilter).toBe('A2:L4');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getRow(3).getCell(5).value).toBe('制定年度工作要点');
    expect(sheet.getRow(3).getCell(6).value).toBe(units[0]?.name);
    expect(sheet.getRow(3).getCell(7).value).toBe(units[1]?.name);
    expect(sheet.getRow(3).getCell(4).value).toBe(`${minutes.year}年第${minutes.number}期`);
    expect(sheet.getRow(4).getCell(5).value).toBe('报送联络员名单');
    expect(typeof sheet.getRow(4).getCell(9).value).toBe('number');

    // a unit's ledger across its bodies holds this body's sheet with the unit's items
    const unitLedger = await s.request(s.office, 'GET', `/api/units/${units[1]?.unitId ?? ''}/ledger-document`);
    expect(unitLedger.statusCode, unitLedger.body.slice(0, 300)).toBe(200);
    const unitBook = new ExcelJS.Workbook();
    const unitBytes = unitLedger.rawPayload;
    await unitBook.xlsx.load(unitBytes.buffer.slice(unitBytes.byteOffset, unitBytes.byteOffset + unitBytes.byteLength) as ArrayBuffer);
    expect(unitBook.worksheets).toHaveLength(1);
    expect(unitBook.worksheets[0]?.getRow(3).getCell(5).value).toBe('制定年度工作要点');

    // the invitation: parsed with ical.js; UID stable, SEQUENCE the meeting's, attendees the invitees
    const ics = await s.request(convener, 'GET', s.meetingUrl(meeting.id, '/invitation'));
    expect(ics.statusCode, ics.body.slice(0, 300)).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe(`meeting-${meeting.id}@lianxi`);
    expect(event.sequence).toBe(meeting.icsSequence);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(meeting.startsAt).toISOString());
    expect(event.attendees.length).toBe(meeting.invitees.length);
  });

  it('keeps the UID and raises SEQUENCE when a scheduled meeting moves, and sends CANCEL when cancelled', async () => {
    const s = await MeetingScenario.publish(t, { now: START });
    const created = await s.createMeeting({ kind: 'plenary', title: '第二次全体会议', startsAt: isoAfter(START, 10), location: '一号会议室' });
    const draft = await s.request(s.office, 'GET', s.meetingUrl(created.id, '/invitation'));
    expect(draft.statusCode).toBe(409);
    await s.schedule(created.id);
    const read = async () => {
      const res = await s.request(s.office, 'GET', s.meetingUrl(created.id, '/invitation'));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const calendar = new ICAL.Component(ICAL.parse(res.body));
      return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent') ?? undefined) };
    };
    const first = await read();
    await s.call(s.office, 'POST', s.meetingUrl(created.id, '/postpone'), { reason: '时间冲突' });
    await s.schedule(created.id, { startsAt: isoAfter(START, 12) });
    const moved = await read();
    expect(moved.event.uid).toBe(first.event.uid);
    expect(moved.event.sequence).toBeGreaterThan(first.event.sequence);
    expect(moved.event.startDate.toJSDate().toISOString()).toBe(isoAfter(START, 12));
    await s.call(s.office, 'POST', s.meetingUrl(created.id, '/cancel'), { reason: '另行安排' });
    const cancelled = await read();
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.event.uid).toBe(first.event.uid);
    expect(cancelled.event.sequence).toBeGreaterThan(moved.event.sequence);
  });

  it('serves a person’s calendar feed by a revocable token, storing only its hash', async () => {
    const s = await MeetingScenario.publish(t, { now: START });
    const created = await s.createMeeting({ kind: 'plenary', title: '第三次全体会议', startsAt: isoAfter(START, 10) });
    await s.schedule(created.id);
    const status0 = await s.call<{ active: boolean }>(s.office, 'GET', '/api/me/calendar-feed');
    expect(status0.active).toBe(false);
    const feed = await s.call<{ token: string; path: string; url: string }>(s.office, 'POST', '/api/me/calendar-feed', undefined, 201);
    expect(feed.path).toBe(`/api/calendar-feeds/${feed.token}.ics`);
    expect(feed.url.endsWith(feed.path)).toBe(true);
    const stored = await t.db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.accountId, s.office.account.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(feed.token);
    expect(JSON.stringify(stored)).not.toContain(feed.token);

    const res = await s.request(null, 'GET', feed.path);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const uids = calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toContain(`meeting-${created.id}@lianxi`);

    // a new token replaces the old one; revoking ends it
    const second = await s.call<{ token: string; path: string }>(s.office, 'POST', '/api/me/calendar-feed', undefined, 201);
    expect((await s.request(null, 'GET', feed.path)).statusCode).toBe(404);
    expect((await s.request(null, 'GET', second.path)).statusCode).toBe(200);
    expect(await s.call(s.office, 'DELETE', '/api/me/calendar-feed')).toEqual({ revoked: true });
    expect((await s.request(null, 'GET', second.path)).statusCode).toBe(404);
    expect(await s.call(s.office, 'DELETE', '/api/me/calendar-feed')).toEqual({ revoked: false });
    expect((await s.request(null, 'GET', '/api/calendar-feeds/short.ics')).statusCode).toBe(400);
    expect((await s.request(null, 'POST', '/api/me/calendar-feed')).statusCode).toBe(401);
  });
});
