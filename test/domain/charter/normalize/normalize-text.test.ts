import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../src/domain/charter/normalize/normalize-text.ts';
import { toOriginalOffset, toOriginalSpan } from '../../../../src/domain/charter/normalize/offset-map.ts';
import { seed, seedNames, seeds } from '../seed-files.ts';

describe('normalizeText', () => {
  it('converts Traditional to Simplified and removes every pinyin reading (000)', () => {
    const { text } = normalizeText(seed('000'));
    expect(text).toContain('广东省服务贸易发展部门间联席会议');
    expect(text).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/u);
    expect(text).not.toContain('guān');
    expect(text).not.toMatch(/[廣東關務貿發聯會議辦廳]/u);
  });

  it('keeps a real parenthesis next to removed readings', () => {
    const { text } = normalizeText(seed('000'));
    expect(text).toContain('人民银行广州分行（外汇管理局广东省分局）');
    expect(text).toContain('（以下简称联席会议）');
  });

  it('keeps parenthesised latin that is not a reading', () => {
    const { text } = normalizeText('关(guān)于(yú)建立政务平台(app)和世界贸易组织(WTO)联络机制');
    expect(text).toBe('关于建立政务平台（app）和世界贸易组织（WTO）联络机制');
  });

  it('drops document-site boilerplate but keeps the metadata facts (003)', () => {
    const { text } = normalizeText(seed('003'));
    for (const gone of ['下载文档', '仅部分预览', '人工客服', '文章属性', '效力等级', '时效性', '主题分类']) {
      expect(text).not.toContain(gone);
    }
    expect(text).not.toMatch(/^正文$/mu);
    expect(text).toContain('【制定机关】桂林市人民政府');
    expect(text).toContain('【公布日期】2009.05.11');
    expect(text).toContain('【字号】市政办〔2009〕69号');
    expect(text).toContain('【施行日期】2009.05.11');
    expect(text).toContain('二〇〇九年五月十一日');
  });

  it('keeps the facts of a web release line and drops its furniture (004)', () => {
    const { text } = normalizeText(seed('004'));
    expect(text).toContain('来源：启东市行政审批局\t发布时间：2020-03-02 10:14');
    expect(text).not.toContain('累计次数');
    expect(text).not.toContain('字体');
  });

  it('drops the release mark (002)', () => {
    expect(normalizeText(seed('002')).text).not.toContain('此件公开发布');
  });

  it('folds spaces inside names and titles and keeps the roster separator (002)', () => {
    const { text } = normalizeText(seed('002'));
    expect(text).toContain('召集人：胡春华\t国务院副总理');
    expect(text).toContain('副召集人：钟山\t商务部部长');
    expect(text).toContain('\n\t倪岳峰\t海关总署署长');
    expect(text).toContain('成员：傅华\t中央宣传部副部长');
    expect(text).toContain('\t刘炤\t司法部副部长');
    expect(text).not.toContain('\u3000');
    expect(text).not.toMatch(/ +$/mu);
  });

  it('folds spread titles without a colon', () => {
    expect(normalizeText('组  长  张三  市长\n成  员  李四  局长').text).toBe('组长\t张三\t市长\n成员\t李四\t局长');
    expect(normalizeText('召 集 人：王五').text).toBe('召集人：王五');
  });

  it('joins a title split over lines, even mid-word (003, 002)', () => {
    expect(normalizeText(seed('003')).text).toContain('\n桂林市人民政府办公室关于印发桂林市政务服务工作联席会议制度的通知\n（市政办');
    const t2 = normalizeText(seed('002')).text;
    expect(t2.startsWith('国务院办公厅关于同意建立国务院推进贸易高质量发展部际联席会议制度的函\n')).toBe(true);
    expect(t2).toContain('\n国务院推进贸易高质量发展部际联席会议成员名单\n');
  });

  it('joins a sentence broken before its last characters but keeps headings on their own lines', () => {
    const { text } = normalizeText(seed('003'));
    expect(text).toContain('研究解决政务服务工作重大问题，全面加强');
    expect(text).toContain('为决策提供参考。');
    expect(text).toContain('\n一、市政务服务工作联席会议的性质\n');
    expect(text).toContain('\n组长：粟增林常务副市长\n副组长：');
  });

  it('normalises ASCII punctuation between Chinese text to full width, but not in times', () => {
    const { text } = normalizeText('经省人民政府同意,现函复如下:\n时间:9:00-18:30;地点(会议室)');
    expect(text).toBe('经省人民政府同意，现函复如下：\n时间：9:00-18:30；地点（会议室）');
  });

  it('normalises document-number brackets in the text', () => {
    expect(normalizeText('依据市政办[2009]69号和桂政发(2009)15号、某办【2020】3号').text).toBe(
      '依据市政办〔2009〕69号和桂政发〔2009〕15号、某办〔2020〕3号',
    );
  });

  it('removes CR, BOM and zero-width characters and collapses blank lines', () => {
    expect(normalizeText('\ufeff标题\r\n\r\n\r\n\r\n正\u200b文。\r\n').text).toBe('标题\n\n正文。');
  });

  it('returns an empty text for whitespace', () => {
    expect(normalizeText(' \n\u3000\n').text).toBe('');
  });

  it('maps characters after a removed reading to their own original position', () => {
    const raw = '关(guān)于建立';
    const n = normalizeText(raw);
    expect(n.text).toBe('关于建立');
    expect(toOriginalOffset(n.offsetMap, 0)).toBe(0);
    expect(toOriginalOffset(n.offsetMap, 1)).toBe(raw.indexOf('于'));
    expect(toOriginalSpan(n.offsetMap, { start: 0, end: 4 })).toEqual({ start: 0, end: raw.length });
  });

  describe.each(seedNames)('offset map of %s', (name) => {
    const raw = seeds[name] as string;
    const n = normalizeText(raw);

    it('maps every kept character back to an equal or converted original character', () => {
      let mismatches = 0;
      for (let i = 0; i < n.text.length; i++) {
        const o = toOriginalOffset(n.offsetMap, i);
        expect(o).toBeGreaterThanOrEqual(0);
        expect(o).toBeLessThan(raw.length);
        const a = n.text[i] as string;
        const b = raw[o] as string;
        if (a === b) continue;
        // Allowed changes: Traditional→Simplified, punctuation width, spaces→tab, brackets, zero forms
        const allowed =
          (/[\u4e00-\u9fff]/u.test(a) && /[\u4e00-\u9fff]/u.test(b)) ||
          ('，：；（）！？〔〕'.includes(a) && ',:;()!?[]［］【】（）'.includes(b)) ||
          (a === '\t' && /[\s\u3000]/u.test(b)) ||
          (a === ' ' && /[\s\u3000]/u.test(b)) ||
          (a === '〇' && /[○ОOoＯ零0０]/u.test(b)) ||
          (a === '\n' && /\s/u.test(b));
        if (!allowed) mismatches++;
      }
      expect(mismatches).toBe(0);
    });

    it('is monotonic and starts at 0', () => {
      expect(n.offsetMap[0]?.[0]).toBe(0);
      for (let k = 1; k < n.offsetMap.length; k++) {
        const [ns, os] = n.offsetMap[k] as [number, number];
        const [pns] = n.offsetMap[k - 1] as [number, number];
        expect(ns).toBeGreaterThan(pns);
        expect(os).toBeGreaterThanOrEqual(0);
      }
    });

  });
});
