/**
 * A long issuing office on the head or the 版记 never splits a name: composed by the line rules
 * (composeNameLine) with every name and word kept whole, and written line by line with breaks of
 * our own, on synthetic text.
 */
import { describe, expect, it } from 'vitest';
import { composeNameLine, nameSpans } from '../../src/documents/line-composition.ts';
import type { CellMetrics } from '../../src/documents/line-composition.ts';
import { renderMinutesDocx } from '../../src/documents/minutes-docx.ts';
import { readDocx } from './docx-reader.ts';
import { minutesView } from './view-fixtures.ts';

const METRICS: CellMetrics = { sizePt: 14, spacingPt: 0, cellPt: 14 };
const line = (text: string, cells: number): string[] => composeNameLine(text, { firstLineCells: cells, lineCells: cells, metrics: METRICS }).map((l) => l.text.trim());

describe('an office line (composeNameLine)', () => {
  const office = '甲乙省丙丁戊己庚辛壬癸领导小组办公室';

  it('breaks after the region, the body’s name or before 办公室, never inside them', () => {
    expect(line(office, 16)).toEqual(['甲乙省丙丁戊己庚辛壬癸领导小组', '办公室']);
    expect(line(office, 12)).toEqual(['甲乙省', '丙丁戊己庚辛壬癸领导小组', '办公室']);
    expect(line(office, 10)).toEqual(['甲乙省', '丙丁戊己庚辛壬癸', '领导小组办公室']);
    // a lexicon word is never split even when the parts around it are too long for a line
    for (const cells of [5, 6, 7, 8, 9]) for (const text of line(office, cells)) expect(text.includes('领导') && !text.includes('领导小组')).toBe(false);
    // the whole office on one line when it fits
    expect(line(office, 19)).toEqual([office]);
  });

  it('keeps each of joint issuers whole, parted at the spaces', () => {
    const joint = '甲市丙丁戊己委员会 甲市庚辛局 甲市壬癸子丑寅卯辰局';
    expect(line(joint, 13)).toEqual(['甲市丙丁戊己委员会', '甲市庚辛局', '甲市壬癸子丑寅卯辰局']);
    expect(nameSpans(joint)).toContainEqual([0, 9]);
  });

  it('writes a long printing office in the 版记 as lines of whole names, each after a break', async () => {
    const view = minutesView();
    const long = '甲乙省丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁协调小组办公室';
    const doc = await readDocx(await renderMinutesDocx({ ...view, imprint: { ...view.imprint, printingOffice: long } }));
    const office = doc.paragraphs.find((p) => p.text === long);
    expect(office).toBeDefined();
    const pieces = (office?.xml ?? '').split('<w:br/>').map((xml) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join(''));
    // 29 cells a 4号 line between the one-character margins: the body's name (28) cannot follow 甲乙省
    expect(pieces).toEqual(['甲乙省', '丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁协调小组', '办公室']);
  });
});
