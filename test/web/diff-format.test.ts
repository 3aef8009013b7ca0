import { describe, expect, it } from 'vitest';
import { diffValueText } from '../../web/src/bodies/diff-format.ts';

describe('diffValueText', () => {
  it('shows names, titles and texts rather than JSON', () => {
    expect(diffValueText({ name: '省教育厅', aliases: [], lead: false })).toBe('省教育厅');
    expect(diffValueText({ kind: 'convener', title: '召集人', person: '张三', position: null })).toBe('召集人：张三');
    expect(diffValueText({ text: '统筹协调全省工作' })).toBe('统筹协调全省工作');
  });

  it('shows scalars, lists and empty values', () => {
    expect(diffValueText(true)).toBe('true');
    expect(diffValueText(['甲', '乙'])).toBe('甲、乙');
    expect(diffValueText(null)).toBe('—');
    expect(diffValueText({ minPerYear: 2 })).toBe('{"minPerYear":2}');
  });
});
