/** Structural tests of the minutes DOCX (GB/T 9704-2012 纪要 layout), the notice and the circular. */
import { describe, expect, it } from 'vitest';
import { renderCircularDocx } from '../../src/documents/circular-docx.ts';
import { CHAR_TWIPS, LINE_PITCH_TWIPS, mmToTwips } from '../../src/documents/gbt9704-layout.ts';
import { renderMeetingNoticeDocx } from '../../src/documents/meeting-notice-docx.ts';
import { renderMinutesDocx } from '../../src/documents/minutes-docx.ts';
import { attr, paragraphWith, readDocx, runWith } from './docx-reader.ts';
import { circularView, minutesView, noticeView, UNITS } from './view-fixtures.ts';

function eastAsiaFont(props: string): string | null {
  return attr(props, 'w:rFonts', 'w:eastAsia');
}

describe('minutes DOCX', () => {
  it('has A4 pages with the GB/T 9704 margins and a 22-line grid', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView()));
    expect(attr(doc.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc.document, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(doc.document, 'w:pgMar', 'w:top')).toBe(String(mmToTwips(37)));
    expect(attr(doc.document, 'w:pgMar', 'w:left')).toBe(String(mmToTwips(28)));
    expect(attr(doc.document, 'w:pgMar', 'w:right')).toBe(String(mmToTwips(26)));
    expect(attr(doc.document, 'w:pgMar', 'w:bottom')).toBe(String(mmToTwips(35)));
    expect(mmToTwips(37)).toBe(2098);
    expect(mmToTwips(28)).toBe(1587);
    // 22 lines of the grid fill the 225 mm text block; 28 characters the 156 mm line
    expect(attr(doc.document, 'w:docGrid', 'w:linePitch')).toBe(String(LINE_PITCH_TWIPS));
    expect(22 * LINE_PITCH_TWIPS).toBeLessThanOrEqual(mmToTwips(225));
    expect(23 * LINE_PITCH_TWIPS).toBeGreaterThan(mmToTwips(225));
    expect(28 * CHAR_TWIPS).toBeLessThanOrEqual(mmToTwips(156));
    expect(29 * CHAR_TWIPS).toBeGreaterThan(mmToTwips(156));
    const body = paragraphWith(doc, '会议认为');
    expect(attr(body.props, 'w:spacing', 'w:line')).toBe(String(LINE_PITCH_TWIPS));
    expect(attr(body.props, 'w:spacing', 'w:lineRule')).toBe('exact');
    // 3号 text narrowed to the 28-character pitch
    expect(attr(body.runs[0]?.props ?? '', 'w:spacing', 'w:val')).toBe(String(CHAR_TWIPS - 320));
  });

  it('sets the heading in red 2号 方正小标宋简体, centred, with 第N期, the office and the date beneath', async () => {
    const view = minutesView();
    const doc = await readDocx(await renderMinutesDocx(view));
    const heading = paragraphWith(doc, `${view.bodyName}纪要`);
    expect(heading.text).toBe(`${view.bodyName}纪要`);
    expect(attr(heading.props, 'w:jc', 'w:val')).toBe('center');
    // 35 mm from the top of the text block (GB/T 9704 10.3)
    expect(attr(heading.props, 'w:spacing', 'w:before')).toBe(String(mmToTwips(35)));
    const run = heading.runs[0]?.props ?? '';
    expect(attr(run, 'w:color', 'w:val')).toBe('FF0000');
    expect(attr(run, 'w:sz', 'w:val')).toBe('44');
    expect(eastAsiaFont(run)).toBe('方正小标宋简体');
    const index = doc.paragraphs.indexOf(heading);
    expect(doc.paragraphs[index + 1]?.text).toBe('第3期');
    const officeLine = doc.paragraphs[index + 2];
    expect(officeLine?.text).toBe('\t联席会议办公室\t2024年3月5日');
    expect(officeLine?.props).toMatch(/<w:bottom [^>]*w:color="FF0000"/u);
  });

  it('sets the text in 3号 仿宋_GB2312 and the heading levels in 黑体 / 楷体_GB2312 / 仿宋', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView()));
    const body = runWith(doc, '会议认为');
    expect(eastAsiaFont(body.props)).toBe('仿宋_GB2312');
    expect(attr(body.props, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect(attr(body.props, 'w:sz', 'w:val')).toBe('32');
    expect(eastAsiaFont(runWith(doc, '一、总体要求').props)).toBe('黑体');
    const level2 = paragraphWith(doc, '（一）关于工作机制');
    expect(level2.runs[0]?.text).toBe('（一）关于工作机制。');
    expect(eastAsiaFont(level2.runs[0]?.props ?? '')).toBe('楷体_GB2312');
    expect(eastAsiaFont(level2.runs[1]?.props ?? '')).toBe('仿宋_GB2312');
    expect(eastAsiaFont(runWith(doc, '1. 各单位').props)).toBe('仿宋_GB2312');
    expect(eastAsiaFont(runWith(doc, '（1）联络员').props)).toBe('仿宋_GB2312');
  });

  it('numbers the decided items with their units and deadlines', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView()));
    expect(paragraphWith(doc, '1.\u3000制定年度工作要点').text).toBe(
      '1.\u3000制定年度工作要点。（牵头单位：省商务厅；配合单位：省财政厅、省教育厅；完成时限：2024年3月14日前）',
    );
    expect(paragraphWith(doc, '2.\u3000报送联络员名单').text).toBe('2.\u3000报送联络员名单。（牵头单位：省发展改革委）');
    expect(paragraphWith(doc, '3.\u3000研究提出配套政策').text).toBe(
      '3.\u3000研究提出配套政策。（牵头单位：省财政厅；配合单位：省商务厅；完成时限：印发之日起10个工作日内）',
    );
  });

  it('prints 出席 / 请假 / 列席 with 黑体 labels, 仿宋 names and continuation lines after the colon', async () => {
    const view = minutesView();
    const doc = await readDocx(await renderMinutesDocx(view));
    for (const [label, entries] of [
      ['出席', view.attendance.attended],
      ['请假', view.attendance.absentWithLeave],
      ['列席', view.attendance.observers],
    ] as const) {
      const p = paragraphWith(doc, `${label}：`);
      expect(p.runs[0]?.text).toBe(`${label}：`);
      expect(eastAsiaFont(p.runs[0]?.props ?? '')).toBe('黑体');
      expect(attr(p.runs[0]?.props ?? '', 'w:sz', 'w:val')).toBe('32');
      expect(eastAsiaFont(p.runs[1]?.props ?? '')).toBe('仿宋_GB2312');
      for (const entry of entries) {
        expect(p.runs[1]?.text).toContain(`${entry.unitName}\u3000${entry.personName}`);
      }
      // two characters in, then the label (3 characters): continuation lines start after the colon
      expect(attr(p.props, 'w:ind', 'w:left')).toBe(String(5 * CHAR_TWIPS));
      expect(attr(p.props, 'w:ind', 'w:hanging')).toBe(String(3 * CHAR_TWIPS));
    }
    expect(paragraphWith(doc, '出席：').text).toContain('赵一（副厅长）');
    expect(paragraphWith(doc, '请假：').text).toContain('（出差）');
  });

  it('leaves out an empty list', async () => {
    const view = minutesView();
    const doc = await readDocx(await renderMinutesDocx({ ...view, attendance: { ...view.attendance, observers: [] } }));
    expect(doc.paragraphs.some((p) => p.text.startsWith('列席：'))).toBe(false);
  });

  it('puts the imprint between full-width rules with 抄报, 分送 and the printing office', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView()));
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/u.exec(doc.document)?.[0] ?? '';
    expect(attr(table, 'w:tblW', 'w:w')).toBe(String(mmToTwips(156)));
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/u.exec(table)?.[1] ?? '';
    expect(attr(borders, 'w:top', 'w:val')).toBe('single');
    expect(attr(borders, 'w:top', 'w:sz')).toBe('8');
    expect(attr(borders, 'w:bottom', 'w:sz')).toBe('8');
    expect(attr(borders, 'w:insideH', 'w:sz')).toBe('6');
    expect(paragraphWith(doc, '抄报：').text).toBe('抄报：省政府。');
    expect(paragraphWith(doc, '分送：').text).toBe(`分送：${UNITS.join('，')}。`);
    expect(paragraphWith(doc, '日印发').text).toBe('\t联席会议办公室\t2024年3月5日印发');
    expect(eastAsiaFont(runWith(doc, '分送：').props)).toBe('仿宋_GB2312');
    expect(attr(runWith(doc, '分送：').props, 'w:sz', 'w:val')).toBe('28');
  });

  it('numbers pages "— N —" in 4号 宋体, odd pages right and even pages left', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView()));
    expect(await doc.read('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const refs = [...doc.document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/gu)].map((m) => [m[1], m[2]]);
    expect(refs.map(([type]) => type).sort()).toEqual(['default', 'even']);
    const rels = await doc.read('word/_rels/document.xml.rels');
    for (const [type, id] of refs) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(rels)?.[1] ?? '';
      const footer = await doc.read(`word/${target}`);
      expect(attr(footer, 'w:jc', 'w:val')).toBe(type === 'default' ? 'right' : 'left');
      expect(footer).toContain('PAGE');
      expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/u);
      expect(attr(footer, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    }
  });

  it('declares every typeface with its fallback in the font table', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView()));
    const fonts = await doc.read('word/fontTable.xml');
    for (const [name, alt] of [
      ['方正小标宋简体', '华文中宋'],
      ['仿宋_GB2312', '仿宋'],
      ['黑体', 'SimHei'],
      ['楷体_GB2312', '楷体'],
      ['宋体', 'SimSun'],
    ]) {
      expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/>`);
    }
  });

  it('prints 送审稿 instead of 第N期 for minutes not yet issued', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView({ issueNumber: null })));
    expect(doc.paragraphs.some((p) => p.text === '（送审稿）')).toBe(true);
    expect(doc.document).not.toContain('第3期');
  });

  it('leaves no seal area on minutes, and marks a correction', async () => {
    const doc = await readDocx(await renderMinutesDocx(minutesView({ correctsIssueNumber: 2 })));
    expect(doc.document).not.toContain('seal_area');
    expect(paragraphWith(doc, '更正第2期').text).toBe('（更正第2期）');
  });

  it('keeps a long printing office and its date apart in the imprint', async () => {
    const view = minutesView();
    const long = '广东省测试工作部门间联席会议办公室（设在省商务厅）';
    const doc = await readDocx(await renderMinutesDocx({ ...view, imprint: { ...view.imprint, printingOffice: long } }));
    const office = doc.paragraphs.filter((p) => p.text === long);
    expect(office.length).toBeGreaterThanOrEqual(1);
    expect(doc.paragraphs.some((p) => p.text === '\t\t2024年3月5日印发')).toBe(true);
    // the imprint keeps together
    expect(paragraphWith(doc, '抄报：').props).toContain('<w:keepNext/>');
    expect(paragraphWith(doc, '分送：').props).toContain('<w:keepNext/>');
  });

  it('puts the issue date on a line of its own when a long office name leaves no room', async () => {
    const doc = await readDocx(
      await renderMinutesDocx(minutesView({ issuingOffice: '广东省测试工作部门间联席会议办公室（设在省商务厅）' })),
    );
    const office = paragraphWith(doc, '（设在省商务厅）');
    expect(office.text).toBe('广东省测试工作部门间联席会议办公室（设在省商务厅）');
    // wrapped lines stay one character in from either edge
    expect(attr(office.props, 'w:ind', 'w:left')).toBe(String(CHAR_TWIPS));
    expect(attr(office.props, 'w:ind', 'w:right')).toBe(String(CHAR_TWIPS));
    const next = doc.paragraphs[doc.paragraphs.indexOf(office) + 1];
    expect(next?.text).toBe('\t\t2024年3月5日');
    expect(next?.props).toMatch(/<w:bottom [^>]*w:color="FF0000"/u);
  });
});

describe('meeting notice DOCX', () => {
  it('has the issuer mark, title, addressees, time and place, and a seal area only when sealed', async () => {
    const sealed = await readDocx(await renderMeetingNoticeDocx(noticeView(true)));
    expect(attr(sealed.document, 'w:pgSz', 'w:w')).toBe('11906');
    const mark = paragraphWith(sealed, '测试工作部门间联席会议办公室');
    expect(attr(mark.runs[0]?.props ?? '', 'w:color', 'w:val')).toBe('FF0000');
    const title = paragraphWith(sealed, '关于召开测试工作部门间联席会议第一次全体会议的通知');
    expect(attr(title.runs[0]?.props ?? '', 'w:sz', 'w:val')).toBe('44');
    expect(attr(title.runs[0]?.props ?? '', 'w:color', 'w:val')).toBeNull();
    expect(paragraphWith(sealed, '各成员单位：').text).toBe('各成员单位：');
    expect(paragraphWith(sealed, '定于').text).toContain('2024年3月5日（星期二）上午9:30至11:30');
    expect(eastAsiaFont(runWith(sealed, '一、会议时间').props)).toBe('黑体');
    expect(paragraphWith(sealed, '1.\u3000审议年度工作要点').text).toBe('1.\u3000审议年度工作要点');
    expect(paragraphWith(sealed, '省商务厅').text).toContain('省商务厅\u3000赵一');
    expect(sealed.document).toContain('w:name="seal_area"');
    const unsealed = await readDocx(await renderMeetingNoticeDocx(noticeView(false)));
    expect(unsealed.document).not.toContain('seal_area');
    expect(paragraphWith(unsealed, '2024年3月1日').text).toBe('2024年3月1日');
  });
});

describe('status circular DOCX', () => {
  it('lists overdue items first, then open ones, with days left or overdue and the latest progress', async () => {
    const doc = await readDocx(await renderCircularDocx(circularView()));
    expect(paragraphWith(doc, '2024年第2期').text).toBe('2024年第2期');
    expect(paragraphWith(doc, '截至').text).toBe('截至2024年4月1日，会议议定事项中尚未办结2项，其中已逾期1项。现将有关情况通报如下：');
    const overdueHeading = paragraphWith(doc, '一、已逾期事项');
    const openHeading = paragraphWith(doc, '二、正在办理事项');
    expect(doc.paragraphs.indexOf(overdueHeading)).toBeLessThan(doc.paragraphs.indexOf(openHeading));
    expect(paragraphWith(doc, '制定年度工作要点').text).toContain('已逾期11个工作日');
    expect(paragraphWith(doc, '制定年度工作要点').text).toContain('最新进展：已形成初稿。');
    expect(paragraphWith(doc, '报送联络员名单').text).toContain('剩余7个工作日');
    expect(paragraphWith(doc, '报送联络员名单').text).toContain('暂按常规工作日计算');
    expect(paragraphWith(doc, '抄送：').text).toBe('抄送：各成员单位。');
  });
});
