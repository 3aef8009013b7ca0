/**
 * The Chinese line-break rules of the PDF's composition (src/documents/line-composition.ts) and the
 * title breaking (title-breaking.ts), on synthetic text: 行首禁则, 行尾禁则, 标点挤压 keeping 28 a line,
 * 推出 when squeezing cannot, numbers and protected names never split, titles at word boundaries in an
 * inverted pyramid.
 */
import { describe, expect, it } from 'vitest';
import { composeLines, NO_LINE_END, NO_LINE_START, textCells } from '../../../src/documents/line-composition.ts';
import type { CellMetrics } from '../../../src/documents/line-composition.ts';
import { breakTitle } from '../../../src/documents/title-breaking.ts';

/** 3号 on a 28-character line, as the print layout sets it (98 % width, LibreOffice's autospace). */
const METRICS: CellMetrics = { sizePt: 15.68, spacingPt: 0, cellPt: 15.68, autospacePt: 3.52 };
const LINE = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未';
const compose = (text: string, keepTogether: Array<readonly [number, number]> = [], first = 26) =>
  composeLines(text, { firstLineCells: first, lineCells: 28, metrics: METRICS, keepTogether });

function assertRules(lines: ReturnType<typeof compose>, capacity: (i: number) => number): void {
  lines.forEach((line, i) => {
    const chars = [...line.text];
    if (i > 0) expect(NO_LINE_START.has(chars[0] ?? ''), `line ${i} starts with ${chars[0]}`).toBe(false);
    if (line.continued) expect(NO_LINE_END.has(chars.at(-1) ?? ''), `line ${i} ends with ${chars.at(-1)}`).toBe(false);
    expect(line.cells).toBeLessThanOrEqual(capacity(i) + 1e-6);
  });
}

describe('line composition (行首/行尾禁则, 标点挤压)', () => {
  it('fills a line of plain Chinese with exactly 28 characters (26 after the indent)', () => {
    const lines = compose(LINE + LINE);
    expect([...(lines[0]?.text ?? '')].length).toBe(26);
    expect([...(lines[1]?.text ?? '')].length).toBe(28);
    expect(lines.map((l) => l.text).join('')).toBe(LINE + LINE);
  });

  it.each(['，', '。', '、', '；', '：', '？', '！', '）', '》', '”'])('never starts a line with %s', (mark) => {
    const text = `${LINE.slice(0, 26)}${mark}后面还有一些文字。`;
    const lines = compose(text);
    assertRules(lines, (i) => (i === 0 ? 26 : 28));
    expect(lines.map((l) => l.text).join('')).toBe(text);
  });

  it('squeezes earlier closing marks by half a cell to keep a 29th mark on the line (28 a line kept)', () => {
    // 26 cells of text holding two commas, then a 。 that would start the next line: 27 characters kept
    const text = '一二三四五六七八，一二三四五六七八，一二三四五六七八。后文';
    const lines = compose(text);
    expect(lines[0]?.text).toBe('一二三四五六七八，一二三四五六七八，一二三四五六七八。');
    expect(lines[0]?.squeezed).toEqual([8, 17]);
    expect(lines[0]?.cells).toBeCloseTo(26, 6);
    expect(lines[1]?.text).toBe('后文');
  });

  it('pushes the last character down with the mark (推出) when nothing can be squeezed', () => {
    const text = `${LINE.slice(0, 26)}，后文`;
    const lines = compose(text);
    expect(lines[0]?.text).toBe(LINE.slice(0, 25));
    expect(lines[0]?.continued).toBe(true);
    expect(lines[1]?.text).toBe(`${LINE.slice(25, 26)}，后文`);
  });

  it('never ends a line with an opening bracket or quote', () => {
    for (const mark of ['（', '《', '“']) {
      const text = `${LINE.slice(0, 25)}${mark}内容）后文。`;
      const lines = compose(text);
      assertRules(lines, (i) => (i === 0 ? 26 : 28));
      expect(lines[0]?.text.endsWith(mark)).toBe(false);
    }
  });

  it('never splits a number or a time (2026, 9:30)', () => {
    const text = `${LINE.slice(0, 24)}2026年上午9:30召开`;
    const lines = compose(text);
    const all = lines.map((l) => l.text);
    expect(all.some((l) => l.includes('2026'))).toBe(true);
    expect(all.join('|')).not.toMatch(/\d\|\d|\d\|:|:\|\d/u);
  });

  it('keeps a protected name on one line, moving it whole', () => {
    const name = '省人力资源社会保障厅　欧阳建国';
    const text = `${LINE.slice(0, 20)}，${name}，后文。`;
    const start = 21;
    const lines = compose(text, [[start, start + [...name].length]]);
    expect(lines.some((l) => l.text.includes(name))).toBe(true);
  });

  it('splits a protected span only when it is longer than a line', () => {
    const long = LINE + LINE;
    const lines = compose(long, [[0, long.length]]);
    expect(lines.length).toBe(3);
  });

  it('counts digits and Latin letters by their width, with the space beside Chinese', () => {
    expect(textCells('2026', METRICS)).toBeCloseTo((4 * 0.5 * 15.68 * 1.02) / 15.68, 6);
    const lines = compose(`${'年1'.repeat(20)}`);
    for (const line of lines) expect(line.cells).toBeLessThanOrEqual(28);
  });

  it('holds the rules on every line of generated text', () => {
    const pool = [...'一二三四五六七八九十，。、；：（）《》“”2026ABC'];
    let seed = 7;
    for (let round = 0; round < 200; round += 1) {
      let text = '';
      for (let i = 0; i < 120; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pool[seed % pool.length] ?? '';
      }
      const lines = compose(text);
      expect(lines.map((l) => l.text).join('')).toBe(text);
      lines.forEach((line, i) => expect(line.cells).toBeLessThanOrEqual((i === 0 ? 26 : 28) + 1e-6));
    }
  });
});

describe('title breaking', () => {
  it('breaks at word boundaries into an inverted pyramid', () => {
    expect(breakTitle('关于召开广东省测试工作部门间联席会议第一次全体会议的通知', 20)).toEqual(['关于召开广东省测试工作部门间联席会议', '第一次全体会议的通知']);
    expect(breakTitle('关于广东省测试工作部门间联席会议议定事项落实情况的通报', 20)).toEqual(['关于广东省测试工作部门间联席会议', '议定事项落实情况的通报']);
  });

  it('never splits a word or a year from its 年', () => {
    for (const title of ['关于召开2026年全省安全生产工作领导小组第三次全体会议的通知', '关于进一步加强议定事项督办落实情况通报工作的通知']) {
      const lines = breakTitle(title, 20);
      expect(lines.join('')).toBe(title);
      const joins = lines.slice(1).map((line, i) => `${lines[i]?.at(-1) ?? ''}|${line[0] ?? ''}`);
      for (const join of joins) expect(['6|年', '落|实', '会|议', '事|项', '情|况']).not.toContain(join);
      lines.forEach((line, i) => {
        expect([...line].length).toBeLessThanOrEqual(20);
        if (i > 0) expect([...line].length).toBeLessThanOrEqual([...(lines[i - 1] ?? '')].length);
      });
    }
  });

  it('leaves a title that fits on one line', () => {
    expect(breakTitle('关于会议议定事项落实情况的通报', 20)).toEqual(['关于会议议定事项落实情况的通报']);
  });
});
