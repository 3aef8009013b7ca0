/**
 * The body's functions (主要职能 / 主要职责): its own duties, not its office's, groups' or units'.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CompositionResult, ExtractionContext } from '../../../../src/domain/charter/pipeline-types.ts';
import type { CharterFunction } from '../../../../src/domain/charter/charter-types.ts';
import { normalizeText } from '../../../../src/domain/charter/normalize/normalize-text.ts';
import { segmentDocument } from '../../../../src/domain/charter/segment/segment-document.ts';
import { extractFunctions } from '../../../../src/domain/charter/extract/functions.ts';
import { buildRuleContext } from '../../../../src/domain/charter/extract/rules-context.ts';
import { propertyRuns } from '../../property-runs.ts';

const EMPTY: CompositionResult = { memberUnits: [], memberUnitsStated: null, roles: [], office: null, liaison: null, groups: [], findings: [] };

function functionsOf(raw: string, bodyName: string): { functions: CharterFunction[]; text: string } {
  const n = normalizeText(raw);
  const ctx: ExtractionContext = {
    text: n.text,
    structure: segmentDocument(n.text, n.original),
    body: { name: bodyName, kind: 'other', level: null, region: null },
  };
  return { functions: extractFunctions(buildRuleContext(ctx, EMPTY)), text: n.text };
}

describe('extractFunctions', () => {
  it('one paragraph under 主要职责, split on ；, the office’s duties elsewhere left out', () => {
    const raw = `南山区营商环境工作专班工作方案

一、主要职责
研究制定优化营商环境政策措施；协调解决企业反映的重大问题；督促检查各项措施落实情况。
二、办公室
专班办公室设在区发展改革局。办公室主要职责：承担专班日常工作；起草会议纪要。
`;
    const { functions, text } = functionsOf(raw, '南山区营商环境工作专班');
    expect(functions.map((f) => f.text)).toEqual(['研究制定优化营商环境政策措施', '协调解决企业反映的重大问题', '督促检查各项措施落实情况']);
    for (const f of functions) expect(text.slice(f.source.start, f.source.end)).toBe(f.text);
  });

  it('articles under 主要职责: the body’s own article only, its lead-in dropped', () => {
    const raw = `西城市安全生产协调小组工作规则

一、主要职责
第一条 协调小组主要职责是：统筹全市安全生产工作；研究解决重大问题。
第二条 协调小组办公室主要职责是：负责日常工作；编发工作简报。
第三条 各专题组负责本领域的安全生产工作。
二、会议制度
第四条 协调小组全体会议每年至少召开一次。
`;
    const { functions } = functionsOf(raw, '西城市安全生产协调小组');
    expect(functions.map((f) => f.text)).toEqual(['统筹全市安全生产工作', '研究解决重大问题']);
  });

  it('（一）主要职责 inside 三、主要职责及工作制度; one duty a line', () => {
    const raw = `东湖市政务公开工作联席会议制度

三、联席会议的主要职责及工作制度
（一）主要职责
研究政务公开工作中的重大问题。
完成市政府交办的其他工作。
（二）工作制度
联席会议每年召开两次全体会议。
`;
    const { functions } = functionsOf(raw, '东湖市政务公开工作联席会议');
    expect(functions.map((f) => f.text)).toEqual(['研究政务公开工作中的重大问题', '完成市政府交办的其他工作']);
  });

  it('per-unit duties are not the body’s functions', () => {
    const raw = `东湖市政务公开工作联席会议制度

一、各成员单位的职责
市财政局：保障经费。
`;
    expect(functionsOf(raw, '东湖市政务公开工作联席会议').functions).toEqual([]);
  });

  it('every duty of a ；-list comes back, with its exact span (property)', () => {
    const duty = fc.stringMatching(/^[推进协调研究统筹督促解决重大问题政策措施工作全市]{4,20}$/);
    fc.assert(
      fc.property(fc.array(duty, { minLength: 1, maxLength: 8 }), (duties) => {
        const raw = `某市某某工作联席会议制度\n\n一、主要职能\n${duties.join('；')}。\n二、工作规则\n联席会议不定期召开会议。\n`;
        const { functions, text } = functionsOf(raw, '某市某某工作联席会议');
        expect(functions.map((f) => f.text)).toEqual(duties);
        for (const f of functions) expect(text.slice(f.source.start, f.source.end)).toBe(f.text);
      }),
      { numRuns: propertyRuns(60) },
    );
  });
});
