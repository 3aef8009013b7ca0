import { readFileSync } from 'node:fs';
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { NoticeNotApplicableError, parseHolidayNotice, toLoadedNotice } from '../../../src/domain/calendar/index.ts';

const notice2025 = readFileSync(new URL('../../fixtures/calendar/2025-state-council-holiday-notice.txt', import.meta.url), 'utf8');

/**
 * chinese-days' own 2025 data, day for day: its published JSON (its date functions read the local
 * time zone, its data does not). Its holidays include weekend days inside a range, as the notice does.
 */
function chineseDays2025(): { holidays: string[]; makeUpWorkingDays: string[] } {
  const in2025 = (record: Record<string, string>): string[] => Object.keys(record).filter((date) => date.startsWith('2025-')).sort();
  return { holidays: in2025(chineseDaysData.holidays), makeUpWorkingDays: in2025(chineseDaysData.workdays) };
}

describe('parseHolidayNotice: the 2025 State Council notice', () => {
  const parsed = parseHolidayNotice(notice2025);

  it('reads title, year, scope and document number', () => {
    expect(parsed).toMatchObject({
      ok: true,
      year: 2025,
      scope: 'national',
      title: '国务院办公厅关于2025年部分节假日安排的通知',
      docNumber: '国办发明电〔2024〕12号',
    });
    expect(parsed.findings).toEqual([]);
  });

  it('equals the chinese-days 2025 data day for day', () => {
    const expected = chineseDays2025();
    expect(parsed.holidays).toEqual(expected.holidays);
    expect(parsed.makeUpWorkingDays).toEqual(expected.makeUpWorkingDays);
    expect(parsed.holidays).toHaveLength(28);
  });

  it('lists each festival with the line it came from', () => {
    expect(parsed.entries.map((entry) => entry.festival)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '国庆节、中秋节']);
    const spring = parsed.entries[1];
    expect(spring?.source).toContain('1月28日');
    expect(spring?.holidays[0]).toBe('2025-01-28');
    expect(spring?.holidays.at(-1)).toBe('2025-02-04');
    expect(spring?.makeUpWorkingDays).toEqual(['2025-01-26', '2025-02-08']);
    expect(parsed.entries[0]?.holidays).toEqual(['2025-01-01']);
  });

  it('reads the Traditional-character repost (Hong Kong and Taiwan variants) the same', () => {
    for (const to of ['hk', 'tw', 'twp'] as const) {
      const traditional = OpenCC.Converter({ from: 'cn', to })(notice2025);
      expect(traditional).not.toBe(notice2025);
      const read = parseHolidayNotice(traditional);
      expect(read.ok).toBe(true);
      expect(read.holidays).toEqual(parsed.holidays);
      expect(read.makeUpWorkingDays).toEqual(parsed.makeUpWorkingDays);
      expect(read.title).toBe(parsed.title);
    }
  });

  it('reads the ASCII-punctuation repost, with spaces and 星期', () => {
    const ascii = notice2025
      .replace(/（/g, ' (')
      .replace(/）/g, ') ')
      .replace(/，/g, ', ')
      .replace(/：/g, ': ')
      .replace(/周([一二三四五六日])/g, '星期$1')
      .replace(/至/g, ' - ');
    const read = parseHolidayNotice(ascii);
    expect(read.findings).toEqual([]);
    expect(read.holidays).toEqual(parsed.holidays);
    expect(read.makeUpWorkingDays).toEqual(parsed.makeUpWorkingDays);
  });

  it('reads full-width digits', () => {
    const wide = notice2025.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(parseHolidayNotice(wide).holidays).toEqual(parsed.holidays);
  });

  it('turns into a loaded notice', () => {
    const notice = toLoadedNotice(parsed, { loadedAt: '2024-11-12T08:00:00.000Z', loadedBy: 'admin' });
    expect(notice).toMatchObject({ scope: 'national', year: 2025, sourceTitle: parsed.title, docNumber: '国办发明电〔2024〕12号', loadedBy: 'admin' });
    expect(JSON.parse(JSON.stringify(notice))).toEqual(notice);
  });
});

describe('parseHolidayNotice: other shapes', () => {
  it('reads a regional notice with (一) numbering and festival-day clauses', () => {
    const text = [
      '新疆维吾尔自治区人民政府办公厅关于2025年部分节假日安排的通知',
      '(三)肉孜节:3月31日(周一)是少数民族习惯节日肉孜节,3月29日(周六)至31日(周一)放假,共3天。',
      '(七)古尔邦节:6月6日(周五)是少数民族习惯节日古尔邦节,6月6日(周五)至10日(周二)放假,共5天。',
    ].join('\n');
    const read = parseHolidayNotice(text);
    expect(read).toMatchObject({ ok: true, year: 2025, scope: '650000', findings: [] });
    expect(read.holidays).toEqual(['2025-03-29', '2025-03-30', '2025-03-31', '2025-06-06', '2025-06-07', '2025-06-08', '2025-06-09', '2025-06-10']);
  });

  it('reads a single-festival regional notice and names the festival from the title', () => {
    const text = [
      '广西壮族自治区人民政府办公厅关于2024年“壮族三月三”放假的通知',
      '各市、县人民政府，自治区人民政府各组成部门、各直属机构：',
      '一、4月11日至12日放假，与周末连休。',
      '二、节假日期间，各地各部门要妥善安排好值班和安全、保卫等工作。',
    ].join('\n');
    const read = parseHolidayNotice(text);
    expect(read).toMatchObject({ ok: true, year: 2024, scope: '450000', holidays: ['2024-04-11', '2024-04-12'], makeUpWorkingDays: [] });
    expect(read.entries[0]?.festival).toBe('壮族三月三');
  });

  it('reads a range across New Year and explicit years', () => {
    const text = ['国务院办公厅关于2019年部分节假日安排的通知', '一、元旦：2018年12月30日至1月1日放假调休，共3天。2018年12月29日（星期六）上班。'].join('\n');
    const read = parseHolidayNotice(text);
    expect(read.findings).toEqual([]);
    expect(read.holidays).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(read.makeUpWorkingDays).toEqual(['2018-12-29']);
  });

  it('flags a wrong weekday, a wrong day count and a make-up day on a weekday', () => {
    const text = ['国务院办公厅关于2025年部分节假日安排的通知', '一、元旦：1月1日（周四）放假1天。', '二、春节：1月28日至2月4日放假调休，共7天。1月27日（周一）上班。'].join('\n');
    const codes = parseHolidayNotice(text).findings.map((finding) => finding.code);
    expect(codes).toEqual(expect.arrayContaining(['weekday_mismatch', 'day_count_mismatch', 'make_up_on_weekday']));
  });

  it('never throws on garbage and says what is wrong', () => {
    for (const garbage of ['', '   ', 'hello world', '\u0000\uFFFF', '关于2025年部分节假日安排的通知', '关于2025年部分节假日安排的通知\n一、元旦：2月30日放假', 'x'.repeat(200_000)]) {
      const read = parseHolidayNotice(garbage);
      expect(read.ok).toBe(false);
      expect(read.findings.some((finding) => finding.severity === 'error' && finding.message.length > 0)).toBe(true);
    }
    expect(parseHolidayNotice('关于2025年部分节假日安排的通知\n一、元旦：2月30日放假').findings.map((f) => f.code)).toContain('invalid_date');
  });

  it('reports a day read as both off and worked', () => {
    const text = ['国务院办公厅关于2025年部分节假日安排的通知', '一、元旦：1月4日放假。1月4日（周六）上班。'].join('\n');
    const read = parseHolidayNotice(text);
    expect(read.ok).toBe(false);
    expect(read.findings.map((f) => f.code)).toContain('conflict');
    expect(() => toLoadedNotice(read, { loadedAt: '2025-01-01T00:00:00Z' })).toThrow(NoticeNotApplicableError);
  });
});
