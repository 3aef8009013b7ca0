import { describe, expect, it } from 'vitest';
import { findDates, isDateLine, parseChineseDate } from '../../../src/domain/text/dates.ts';

describe('parseChineseDate', () => {
  it.each([
    ['2021年2月1日', '2021-02-01'],
    ['2021 年 2 月 1 日', '2021-02-01'],
    ['二ОО九年五月十一日', '2009-05-11'],
    ['二○○七年八月二十一日', '2007-08-21'],
    ['二〇二〇年十二月三十一日', '2020-12-31'],
    ['2009.05.11', '2009-05-11'],
    ['2019-08-27', '2019-08-27'],
    ['2020-03-02 10:14', '2020-03-02'],
    ['2020/3/2', '2020-03-02'],
    ['2026年12月底', '2026-12-31'],
    ['2024年2月底', '2024-02-29'],
    ['2025年底', '2025-12-31'],
  ])('%s → %s', (input, iso) => {
    expect(parseChineseDate(input)).toBe(iso);
  });

  it('rejects impossible dates and non-dates', () => {
    expect(parseChineseDate('2021年2月30日')).toBeNull();
    expect(parseChineseDate('2021年13月1日')).toBeNull();
    expect(parseChineseDate('第三十条')).toBeNull();
    expect(parseChineseDate('')).toBeNull();
  });
});

describe('findDates', () => {
  it('finds dates in running text with their offsets', () => {
    const text = '试点任务结束后（2026年12月底）自行撤销，自2021年2月1日起施行';
    const found = findDates(text);
    expect(found.map((d) => d.iso)).toEqual(['2026-12-31', '2021-02-01']);
    const first = found[0];
    expect(first && text.slice(first.start, first.end)).toBe('2026年12月底');
    expect(first?.precision).toBe('month_end');
  });

  it('does not read a version number or a document number as a date', () => {
    expect(findDates('粤办函〔2021〕20号，版本1.2.3')).toEqual([]);
  });
});

describe('isDateLine', () => {
  it('accepts a line that is one date', () => {
    expect(isDateLine('2021年2月1日')).toBe(true);
    expect(isDateLine('二〇〇九年五月十一日')).toBe(true);
    expect(isDateLine('2020-03-02 10:14')).toBe(true);
    expect(isDateLine('2021年2月1日召开会议')).toBe(false);
  });
});
