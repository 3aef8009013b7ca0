import { describe, expect, it } from 'vitest';
import { docNumberBracketFixes, findDocNumbers, normalizeDocNumber, parseDocNumber } from '../../../src/domain/text/doc-number.ts';

describe('document numbers', () => {
  it.each([
    ['市政办[2009]69号', '市政办〔2009〕69号'],
    ['市政办【2009】69号', '市政办〔2009〕69号'],
    ['市政办（2009）69号', '市政办〔2009〕69号'],
    ['市政办(2009)69号', '市政办〔2009〕69号'],
    ['市政办［2009］69号', '市政办〔2009〕69号'],
    ['市政办〔2009〕第69号', '市政办〔2009〕69号'],
    ['（国办函〔2020〕58号）', '国办函〔2020〕58号'],
  ])('%s → %s', (input, out) => {
    expect(normalizeDocNumber(input)).toBe(out);
  });

  it('splits a number into issuer code, year and serial', () => {
    expect(parseDocNumber('粤办函〔2024〕4号')?.parts).toEqual({ issuerCode: '粤办函', year: 2024, serial: 4 });
    expect(parseDocNumber('不是文号')).toBeNull();
    expect(parseDocNumber('依据粤办函〔2024〕4号执行')).toBeNull();
  });

  it('finds numbers cited in running text', () => {
    const found = findDocNumbers('《请示》（粤商务服字〔2021〕1号）收悉');
    expect(found).toHaveLength(1);
    expect(found[0]?.text).toBe('粤商务服字〔2021〕1号');
  });

  it('lists length-preserving bracket fixes', () => {
    const s = '市政办[2009]69号';
    const fixes = docNumberBracketFixes(s);
    expect(fixes).toEqual([
      [3, '〔'],
      [8, '〕'],
    ]);
  });
});
