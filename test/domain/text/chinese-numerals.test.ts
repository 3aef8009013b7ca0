import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../src/domain/text/chinese-numerals.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1], ['十', 10], ['十三', 13], ['二十', 20], ['二十一', 21], ['九十九', 99], ['一百零五', 105],
    ['两', 2], ['35', 35], ['３５', 35], ['二〇〇九', 2009], ['二ОО九', 2009], ['二○○七', 2007],
  ])('%s → %d', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected);
  });

  it.each(['', '甲', '十十', '1a'])('rejects %j', (input) => {
    expect(parseChineseNumber(input)).toBeNull();
  });
});
