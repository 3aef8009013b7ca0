/**
 * Annual report rules from a body reporting its work to a superior at stated intervals (定期向市人民政府
 * 汇报工作): synthetic wordings, positive and negative, and the 003 seed through the real import.
 */
import { describe, expect, it } from 'vitest';
import type { AnnualReportRule, BodyKind } from '../../../../src/domain/charter/charter-types.ts';
import type { CompositionResult, ExtractionContext } from '../../../../src/domain/charter/pipeline-types.ts';
import { normalizeText } from '../../../../src/domain/charter/normalize/normalize-text.ts';
import { segmentDocument } from '../../../../src/domain/charter/segment/segment-document.ts';
import { extractRules } from '../../../../src/domain/charter/extract/rules.ts';
import { importCharter } from '../../../../src/domain/charter/import-charter.ts';
import { annualReporterOf } from '../../../../src/domain/reports/annual-rules.ts';
import { seed } from '../seed-files.ts';

function annualRules(raw: string, bodyName: string, kind: BodyKind): AnnualReportRule[] {
  const normalized = normalizeText(raw);
  const ctx: ExtractionContext = {
    text: normalized.text,
    structure: segmentDocument(normalized.text, normalized.original),
    body: { name: bodyName, kind, level: null, region: null },
  };
  const composition: CompositionResult = { memberUnits: [], memberUnitsStated: null, roles: [], office: null, liaison: null, groups: [], findings: [] };
  return extractRules(ctx, composition).rules.filter((r): r is AnnualReportRule => r.type === 'annual_report');
}

/** A joint meeting's rules whose 工作制度 item 1 is `item` (lines after it stay in the item). */
function jointMeeting(item: string): string {
  return `江南市营商环境联席会议制度

为加强统筹协调，建立江南市营商环境联席会议（以下简称联席会议）制度。
一、主要职责
统筹推进全市营商环境建设；协调解决重大问题。
二、工作制度
1.${item}
2.联席会议根据工作需要定期或不定期召开会议，由召集人主持。
`;
}

describe('annual report: a body reporting its work to a superior', () => {
  it('定期向市人民政府汇报工作, with who reports on the body’s behalf in the next line', () => {
    const rules = annualRules(jointMeeting('定期向市人民政府汇报工作进展情况。\n由召集人代表联席会议汇报，联席会议有关成员参加。'), '江南市营商环境联席会议', 'joint_meeting');
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ reporter: '召集人', to: '市人民政府' });
    expect(annualReporterOf(rules[0]?.reporter ?? '')).toBe('body');
  });

  it('the sentence’s own subject reports; 报告 and 领导小组 as the superior', () => {
    const rules = annualRules(jointMeeting('联席会议办公室定期向市深化改革领导小组报告工作情况。'), '江南市营商环境联席会议', 'joint_meeting');
    expect(rules.map((r) => [r.reporter, r.to])).toEqual([['联席会议办公室', '市深化改革领导小组']]);
  });

  it('no subject and no one on its behalf: the body itself reports, to 上级 as written', () => {
    const rules = annualRules(jointMeeting('定期向上级主管部门报告工作开展情况。'), '江南市营商环境联席会议', 'joint_meeting');
    expect(rules).toHaveLength(1);
    expect(rules[0]?.to).toBe('上级主管部门');
    expect(annualReporterOf(rules[0]?.reporter ?? 'x')).toBe('body');
    expect(rules[0]?.reporter).toContain('联席会议');
  });

  it('a 每年 report to the government keeps working as before', () => {
    const rules = annualRules(jointMeeting('联席会议每年向市人民政府报告工作。'), '江南市营商环境联席会议', 'joint_meeting');
    expect(rules.map((r) => [r.reporter, r.to])).toEqual([['联席会议', '市人民政府']]);
  });

  it.each([
    ['不定期', '不定期向市人民政府汇报工作进展情况。'],
    ['定期或不定期', '定期或不定期向市人民政府汇报工作进展情况。'],
    ['to the body’s own office', '各成员单位定期向联席会议办公室报告工作情况。'],
    ['报送 of information', '各成员单位定期向市人民政府报送有关信息。'],
    ['a one-off consultation', '就重大事项加强与市人民政府的汇报沟通。'],
    ['no interval', '向市人民政府汇报工作进展情况。'],
  ])('no annual report: %s', (_label, item) => {
    expect(annualRules(jointMeeting(item), '江南市营商环境联席会议', 'joint_meeting')).toEqual([]);
  });
});

describe('annual report on the seeds', () => {
  it('003: the convener reports to the city government for the joint meeting', () => {
    const result = importCharter(seed('003'));
    if (!result.ok) throw new Error(result.error.message);
    const rules = result.charter.rules.filter((r): r is AnnualReportRule => r.type === 'annual_report');
    expect(rules.map((r) => [r.reporter, r.to])).toEqual([['召集人', '市人民政府']]);
    expect(result.charter.normalizedText.slice(rules[0]?.source.start ?? 0, rules[0]?.source.end ?? 0)).toContain('定期向市人民政府汇报工作进展情况');
  });

  it.each(['000', '001', '002'])('%s: no annual report is invented', (prefix) => {
    const result = importCharter(seed(prefix));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.charter.rules.filter((r) => r.type === 'annual_report')).toEqual([]);
  });
});
