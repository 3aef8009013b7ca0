import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../src/domain/charter/normalize/normalize-text.ts';
import { segmentDocument } from '../../../../src/domain/charter/segment/segment-document.ts';
import type { DocumentStructure } from '../../../../src/domain/charter/pipeline-types.ts';
import { seed, seedNames, seeds } from '../seed-files.ts';

function segment(raw: string): { text: string; s: DocumentStructure } {
  const n = normalizeText(raw);
  return { text: n.text, s: segmentDocument(n.text, n.original) };
}

describe('segmentDocument on the seeds', () => {
  it('000: a letter and its rules attachment', () => {
    const { s } = segment(seed('000'));
    expect(s.documents.map((d) => d.role)).toEqual(['letter', 'rules']);
    expect(s.documents[1]?.title).toBe('广东省服务贸易发展部门间联席会议制度');
    expect(s.title.value).toBe('广东省人民政府办公厅关于同意建立广东省服务贸易发展部门间联席会议制度的函');
    expect(s.docNumber?.value.text).toBe('粤办函〔2021〕20号');
    expect(s.addressees?.value).toEqual(['省商务厅']);
    expect(s.issuer?.value).toBe('省政府办公厅');
    expect(s.issueDate?.value).toBe('2021-02-01');
    expect(s.attachments?.map((a) => a.value)).toEqual(['广东省服务贸易发展部门间联席会议制度']);
    const top = s.sections.filter((x) => x.depth === 0 && x.document === 1);
    expect(top.map((x) => x.heading)).toEqual(['主要职能', '成员单位', '工作规则', '工作要求']);
    expect(s.truncated).toBe(false);
  });

  it('000: the cited number of the request is not the own number', () => {
    const { s } = segment(seed('000'));
    expect(s.docNumber?.value.parts.issuerCode).toBe('粤办函');
  });

  it('001: one notice with nested sections, nine categories', () => {
    const { s, text } = segment(seed('001'));
    expect(s.documents).toHaveLength(1);
    expect(s.documents[0]?.role).toBe('letter');
    const fenGong = s.sections.find((x) => x.heading === '分工安排');
    expect(fenGong).toBeDefined();
    const children = s.sections.filter((x) => x.parent === s.sections.indexOf(fenGong as never));
    expect(children).toHaveLength(9);
    expect(children.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(children[3]?.heading).toBe('数据领域类开放事项');
    // Sections stop before the signature
    const last = s.sections[s.sections.length - 1];
    expect(text.slice(last?.source.start, last?.source.end)).not.toContain('省政府办公厅\n');
    expect(s.issueDate?.value).toBe('2024-01-08');
    expect(s.addressees?.value).toEqual(['省政府各部门', '各直属机构']);
    const lead = s.sections.find((x) => x.label === '（一）' && x.heading === '工作专班会议制度');
    expect(lead && text.slice(lead.body.start, lead.body.start + 6)).toBe('根据工作需要');
  });

  it('002: letter, rules and roster', () => {
    const { s } = segment(seed('002'));
    expect(s.documents.map((d) => d.role)).toEqual(['letter', 'rules', 'roster']);
    expect(s.documents[2]?.title).toBe('国务院推进贸易高质量发展部际联席会议成员名单');
    expect(s.docNumber?.value.text).toBe('国办函〔2020〕58号');
    expect(s.issuer?.value).toBe('国务院办公厅');
    expect(s.issueDate?.value).toBe('2020-07-22');
    expect(s.truncated).toBe(false);
  });

  it('003: repeated page titles are one document; own number under the title; truncated', () => {
    const { s, text } = segment(seed('003'));
    expect(s.documents.map((d) => d.role)).toEqual(['letter', 'rules']);
    expect(s.docNumber?.value.text).toBe('市政办〔2009〕69号');
    expect(text.slice(s.docNumber?.source.start, s.docNumber?.source.end)).toBe('市政办〔2009〕69号');
    expect(s.addressees?.value).toEqual(['各县、自治县、区人民政府', '市直各委、办、局', '各有关单位']);
    expect(s.issuer?.value).toBe('桂林市人民政府办公室');
    expect(s.issueDate?.value).toBe('2009-05-11');
    expect(s.metadata['制定机关']?.value).toBe('桂林市人民政府');
    expect(s.metadata['字号']?.value).toBe('市政办〔2009〕69号');
    expect(s.truncated).toBe(true);
    expect(s.truncation?.reason).toBe('partial_preview');
    const nested = s.sections.filter((x) => x.numbering === 'arabic');
    expect(nested.map((x) => x.depth)).toEqual([2, 2, 2]);
  });

  it('004: three rules documents, each restarting 第一条', () => {
    const { s } = segment(seed('004'));
    expect(s.documents).toHaveLength(3);
    expect(s.documents.every((d) => d.role === 'rules')).toBe(true);
    expect(s.documents[1]?.title).toMatch(/办公室工作细则$/u);
    expect(s.documents[2]?.title).toMatch(/专题组工作细则$/u);
    const articles = (d: number) => s.sections.filter((x) => x.document === d && x.numbering === 'article');
    expect(articles(0)).toHaveLength(18);
    expect(articles(1)).toHaveLength(17);
    expect(articles(2)).toHaveLength(15);
    for (const d of [0, 1, 2]) expect(articles(d)[0]?.label).toBe('第一条');
    expect(articles(0).every((a) => a.depth === 1)).toBe(true);
    expect(s.docNumber).toBeNull();
    expect(s.issueDate?.value).toBe('2020-03-02');
    expect(s.issuer?.value).toBe('启东市行政审批局');
    expect(s.truncated).toBe(false);
  });

  it.each(seedNames)('%s: every span lies within the text and sections nest', (name) => {
    const { s, text } = segment(seeds[name] as string);
    for (const d of s.documents) {
      expect(d.source.start).toBeGreaterThanOrEqual(0);
      expect(d.source.end).toBeLessThanOrEqual(text.length);
      expect(d.bodyStart).toBeGreaterThanOrEqual(d.source.start);
      expect(d.bodyStart).toBeLessThanOrEqual(d.source.end);
    }
    s.sections.forEach((x) => {
      expect(x.source.start).toBeLessThanOrEqual(x.body.start);
      expect(x.body.end).toBeLessThanOrEqual(x.source.end);
      expect(text.slice(x.source.start).startsWith(x.label)).toBe(true);
      if (x.parent !== null) {
        const p = s.sections[x.parent];
        expect(p && p.source.start <= x.source.start && x.source.end <= p.source.end).toBe(true);
        expect(x.depth).toBe((p?.depth ?? -1) + 1);
      }
    });
  });
});

describe('segmentDocument on general shapes', () => {
  it('finds a heading-only ending as truncation', () => {
    const { s } = segment('某县某某工作联席会议工作规则\n一、总则\n联席会议负责协调。\n二、会议制度');
    expect(s.truncated).toBe(true);
    expect(s.truncation?.reason).toBe('ends_with_heading');
  });

  it('finds a sentence cut mid-way as truncation', () => {
    const { s } = segment('某市某某工作领导小组工作规则\n一、组成\n领导小组由市政府分管副市长任组长，成员由各有关单位负责同志担');
    expect(s.truncation?.reason).toBe('unterminated_sentence');
  });

  it('handles a text with no title', () => {
    const { s } = segment('联席会议根据工作需要召开会议。');
    expect(s.title.value).toBe('');
    expect(s.documents).toHaveLength(1);
  });

  it('handles an empty text', () => {
    const { s } = segment('');
    expect(s.documents).toHaveLength(1);
    expect(s.sections).toEqual([]);
  });
});
