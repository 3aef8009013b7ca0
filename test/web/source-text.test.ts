import { describe, expect, it } from 'vitest';
import { clampSpan, highlightSegments, sentenceAround } from '../../web/src/charter/source-text.ts';

const text = '一、组成人员\n召集人：张三，省政府副省长。成员单位：省发展改革委、省教育厅；联络员由处室负责同志担任。';

describe('sentenceAround', () => {
  it('widens a span to the sentence around it', () => {
    const start = text.indexOf('省教育厅');
    const sentence = sentenceAround(text, { start, end: start + 4 });
    expect(text.slice(sentence.start, sentence.end)).toBe('成员单位：省发展改革委、省教育厅；');
  });

  it('stops at a line break and keeps a span that already ends a sentence', () => {
    const start = text.indexOf('召集人');
    const end = text.indexOf('。') + 1;
    expect(text.slice(...Object.values(sentenceAround(text, { start, end })))).toBe('召集人：张三，省政府副省长。');
    const title = sentenceAround(text, { start: 2, end: 4 });
    expect(text.slice(title.start, title.end)).toBe('一、组成人员');
  });

  it('clamps spans outside the text', () => {
    expect(clampSpan({ start: -3, end: 10_000 }, 10)).toEqual({ start: 0, end: 10 });
    expect(clampSpan({ start: 8, end: 2 }, 10)).toEqual({ start: 8, end: 8 });
  });
});

describe('highlightSegments', () => {
  it('cuts the text into plain, sentence and source parts that cover it exactly', () => {
    const start = text.indexOf('省教育厅');
    const segments = highlightSegments(text, { start, end: start + 4 });
    expect(segments.map((segment) => text.slice(segment.start, segment.end)).join('')).toBe(text);
    expect(segments.find((segment) => segment.kind === 'source')).toEqual({ start, end: start + 4, kind: 'source' });
    expect(segments.filter((segment) => segment.kind === 'sentence').map((s) => text.slice(s.start, s.end))).toEqual(['成员单位：省发展改革委、', '；']);
  });

  it('answers the whole text as plain when nothing is chosen', () => {
    expect(highlightSegments(text, null)).toEqual([{ start: 0, end: text.length, kind: 'plain' }]);
  });
});
