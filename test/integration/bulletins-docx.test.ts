/**
 * The bulletin's DOCX structure (no LibreOffice needed): the red 版头 — the series in red 2号
 * 小标宋, centred, then the 期数 (送审稿 before signing) and the 发文字号 — the 编发单位 and date over
 * the red rule, each article's title and paragraphs with its 供稿 line, and the 报 / 送 lines in
 * the foot table between rules.
 */
import { describe, expect, it } from 'vitest';
import { renderBulletinDocx } from '../../src/documents/bulletin-docx.ts';
import type { BulletinDocumentView } from '../../src/documents/bulletin-docx.ts';
import { readDocx } from '../documents/docx-reader.ts';

const VIEW: BulletinDocumentView = {
  series: '某某联席会议简报',
  year: 2026,
  issueNumber: 7,
  docNumber: '某联〔2026〕12号',
  compiledBy: '某某联席会议办公室',
  date: '2026-12-03',
  articles: [
    { title: '第一篇', text: '第一段。\n\n第二段。', reporterName: '某局' },
    { title: '办公室按语', text: '请抓好落实。', reporterName: null },
  ],
  reportTo: ['市政府领导'],
  copyTo: ['各成员单位', '各县、区人民政府'],
};

describe('bulletin DOCX', () => {
  it('has the red 版头, the 期数 and 字号, the rule, the articles and the 报/送 foot', async () => {
    const doc = await readDocx(await renderBulletinDocx(VIEW));
    const texts = doc.paragraphs.map((p) => p.text.replace(/\t/gu, ' ').trim()).filter((t) => t !== '');
    expect(texts.slice(0, 4)).toEqual(['某某联席会议简报', '2026年第7期', '某联〔2026〕12号', '某某联席会议办公室 2026年12月3日']);
    const head = doc.paragraphs.find((p) => p.text === '某某联席会议简报');
    expect(head?.props).toContain('<w:jc w:val="center"/>');
    expect(head?.runs[0]?.props).toContain('<w:color w:val="FF0000"/>');
    expect(head?.runs[0]?.props).toContain('<w:sz w:val="44"/>');
    const dateLine = doc.paragraphs.find((p) => p.text.includes('2026年12月3日'));
    expect(dateLine?.props).toMatch(/<w:bottom [^>]*w:color="FF0000"/u);
    expect(texts).toEqual(expect.arrayContaining(['第一篇', '第一段。', '第二段。', '（某局供稿）', '办公室按语', '请抓好落实。', '报：市政府领导。', '送：各成员单位，各县、区人民政府。']));
    expect(texts.indexOf('第二段。')).toBeLessThan(texts.indexOf('办公室按语'));
    expect(texts.filter((t) => t.includes('供稿'))).toHaveLength(1);
    expect(doc.document).toContain('<w:tbl>');
  });

  it('prints a draft as 送审稿 without a 字号, and leaves out an empty foot', async () => {
    const doc = await readDocx(await renderBulletinDocx({ ...VIEW, issueNumber: null, docNumber: null, reportTo: [], copyTo: [] }));
    const texts = doc.paragraphs.map((p) => p.text.trim()).filter((t) => t !== '');
    expect(texts[1]).toBe('2026年（送审稿）');
    expect(texts.some((t) => t.includes('〔'))).toBe(false);
    expect(doc.document).not.toContain('<w:tbl>');
  });
});
