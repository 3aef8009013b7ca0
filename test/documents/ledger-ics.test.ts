/** The ledger XLSX read back with exceljs; invitations parsed with ical.js. */
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS, renderLedgerXlsx, sheetName } from '../../src/documents/ledger-xlsx.ts';
import { foldLine, renderCalendarFeedIcs, renderMeetingInvitationIcs } from '../../src/documents/meeting-ics.ts';
import { invitationView, ledgerView } from './view-fixtures.ts';

describe('supervision ledger XLSX', () => {
  it('has one sheet per body, a frozen header with a filter and one row per decided item', async () => {
    const view = ledgerView();
    const workbook = new ExcelJS.Workbook();
    const bytes = await renderLedgerXlsx(view);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '汇总',
      '广东省测试工作部门间联席会议',
      '另一个机构测试名字很长很长很长很长很长很长很长很长很长很长很长'.slice(0, 31),
    ]);
    const summary = workbook.worksheets[0];
    expect(summary?.getRow(3).values).toEqual([undefined, '广东省测试工作部门间联席会议', 2, 2, 1, 0]);
    expect(summary?.getRow(5).getCell(1).value).toBe('合计');
    const sheet = workbook.worksheets[1];
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toEqual('A2:L4');
    expect(String(sheet.getCell('A1').value)).toBe('广东省测试工作部门间联席会议议定事项督办台账（截至2024年4月1日）');
    const header = LEDGER_COLUMNS.map((_, i) => String(sheet.getRow(2).getCell(i + 1).value));
    expect(header).toEqual(['序号', '来源会议', '印发日期', '会议纪要', '议定事项', '牵头单位', '配合单位', '完成时限', '剩余/逾期工作日', '办理情况', '最新进展', '进展日期']);
    const first = sheet.getRow(3);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('第一次全体会议');
    expect(first.getCell(4).value).toBe('2024年第3期');
    expect(first.getCell(5).value).toBe('制定年度工作要点');
    expect(first.getCell(6).value).toBe('省商务厅');
    expect(first.getCell(7).value).toBe('省财政厅、省教育厅');
    // dates are real date cells, shown in Chinese
    expect(first.getCell(8).value).toEqual(new Date('2024-03-14T00:00:00Z'));
    expect(first.getCell(8).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(first.getCell(3).value).toEqual(new Date('2024-03-01T00:00:00Z'));
    expect(first.getCell(5).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    expect(first.height).toBeGreaterThanOrEqual(15);
    // A4 landscape, the title and header rows repeated on every printed page
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:2' });
    expect(first.getCell(9).value).toBe(-11);
    expect(first.getCell(10).value).toBe('办理中（已逾期11个工作日）');
    expect(first.getCell(11).value).toBe('已形成初稿');
    expect(first.getCell(5).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFDE2E2' } });
    const second = sheet.getRow(4);
    expect(second.getCell(8).value).toEqual(new Date('2024-04-10T00:00:00Z'));
    expect(second.getCell(8).numFmt).toBe('yyyy"年"m"月"d"日（暂定）"');
    expect(second.getCell(9).value).toBe(7);
    expect(second.getCell(7).value).toBeNull();
    expect(sheet.getRow(5).getCell(5).value).toBeNull();
  });

  it('makes sheet names Excel accepts, unique within the workbook', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('abc');
    expect(sheetName('a/b:c', taken)).toBe('abc(2)');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(28)}(2)`);
  });
});

function parse(text: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(text));
}

describe('meeting invitation ICS', () => {
  it('parses with ical.js and round-trips UID, times, organiser and attendees', () => {
    const view = invitationView();
    const text = renderMeetingInvitationIcs(view);
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const timezone = calendar.getFirstSubcomponent('vtimezone');
    expect(timezone?.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    if (timezone !== null) ICAL.TimezoneService.register(timezone);
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (vevent === null) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    expect(event.uid).toBe(view.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(view.summary);
    expect(event.description).toBe(view.description);
    expect(event.location).toBe(view.location);
    expect(event.startDate.toJSDate().toISOString()).toBe(view.startsAt.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(view.endsAt.toISOString());
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(event.startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect(event.startDate.toString()).toBe('2024-03-05T09:30:00');
    expect(String(event.organizer)).toBe('mailto:office@example.gov.cn');
    const attendees = event.attendees.map((a) => ({ address: String(a.getFirstValue()), name: a.getParameter('cn') }));
    // an address that can answer is asked to (RSVP), one that cannot is not
    expect(event.attendees.map((a) => a.getParameter('rsvp'))).toEqual(view.attendees.map((a) => (a.address.startsWith('mailto:') ? 'TRUE' : 'FALSE')));
    expect(attendees).toEqual(view.attendees.map((a) => ({ address: a.address, name: a.name })));
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('keeps the UID and raises SEQUENCE on an update; a cancellation is METHOD CANCEL', () => {
    const first = parse(renderMeetingInvitationIcs(invitationView()));
    const moved = parse(
      renderMeetingInvitationIcs(invitationView({ sequence: 1, startsAt: new Date('2024-03-06T06:00:00Z'), endsAt: new Date('2024-03-06T08:00:00Z') })),
    );
    const cancelled = parse(renderMeetingInvitationIcs(invitationView({ sequence: 2, method: 'CANCEL' })));
    const events = [first, moved, cancelled].map((c) => new ICAL.Event(c.getFirstSubcomponent('vevent') ?? undefined));
    expect(new Set(events.map((e) => e.uid)).size).toBe(1);
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(events[1]?.startDate.toString()).toBe('2024-03-06T14:00:00');
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.getFirstSubcomponent('vevent')?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('writes a feed of several meetings as METHOD PUBLISH', () => {
    const feed = parse(
      renderCalendarFeedIcs({
        name: '赵一的会议',
        events: [invitationView(), invitationView({ uid: 'meeting-2@lianxi.example', method: 'CANCEL', sequence: 3 })],
      }),
    );
    expect(feed.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(feed.getFirstPropertyValue('x-wr-calname')).toBe('赵一的会议');
    const events = feed.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(['meeting-0d6c1f1e@lianxi.example', 'meeting-2@lianxi.example']);
    expect(feed.getAllSubcomponents('vevent')[1]?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'联席会议'.repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
  });
});

describe('invitation roles', () => {
  it('marks an observer OPT-PARTICIPANT and a member REQ-PARTICIPANT', async () => {
    const { renderMeetingInvitationIcs } = await import('../../src/documents/meeting-ics.ts');
    const { invitationView } = await import('./view-fixtures.ts');
    const view = invitationView({
      attendees: [
        { name: '赵一（省商务厅）', address: 'mailto:zhao@example.gov.cn', role: 'required' },
        { name: '列席人员', address: 'mailto:lie@example.gov.cn', role: 'optional' },
      ],
    });
    const ics = renderMeetingInvitationIcs(view).replace(/\r\n /gu, '');
    expect(ics).toMatch(/ATTENDEE;[^\n]*ROLE=REQ-PARTICIPANT[^\n]*RSVP=TRUE:mailto:zhao@example\.gov\.cn/u);
    expect(ics).toMatch(/ATTENDEE;[^\n]*ROLE=OPT-PARTICIPANT[^\n]*:mailto:lie@example\.gov\.cn/u);
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toMatch(/ORGANIZER;CN=[^\n]*:mailto:office@example\.gov\.cn/u);
  });
});
