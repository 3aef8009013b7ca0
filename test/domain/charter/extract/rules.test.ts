/**
 * The rules extractor on phrasings none of the seeds uses, to show the patterns are general.
 */
import { describe, expect, it } from 'vitest';
import type { BodyKind, Role, Rule, RuleType } from '../../../../src/domain/charter/charter-types.ts';
import type { CompositionResult, ExtractionContext, RulesResult } from '../../../../src/domain/charter/pipeline-types.ts';
import { normalizeText } from '../../../../src/domain/charter/normalize/normalize-text.ts';
import { segmentDocument } from '../../../../src/domain/charter/segment/segment-document.ts';
import { extractRules } from '../../../../src/domain/charter/extract/rules.ts';

interface Extracted extends RulesResult {
  text: string;
}

function role(kind: Role['kind'], title: string): Role {
  return { kind, title, person: null, position: null, unit: null, source: { start: 0, end: 0 } };
}

function extract(raw: string, bodyName: string, kind: BodyKind, roles: Role[] = []): Extracted {
  const normalized = normalizeText(raw);
  const ctx: ExtractionContext = {
    text: normalized.text,
    structure: segmentDocument(normalized.text, normalized.original),
    body: { name: bodyName, kind, level: null, region: null },
  };
  const composition: CompositionResult = { memberUnits: [], memberUnitsStated: null, roles, office: null, liaison: null, groups: [], findings: [] };
  return { ...extractRules(ctx, composition), text: normalized.text };
}

function rulesOf<T extends RuleType>(x: Extracted, type: T): Array<Extract<Rule, { type: T }>> {
  return x.rules.filter((r): r is Extract<Rule, { type: T }> => r.type === type);
}

const slice = (x: Extracted, r: { source: { start: number; end: number } }): string => x.text.slice(r.source.start, r.source.end);

const QUARTERLY = `江南市数字经济发展联席会议制度

为加强统筹协调，建立江南市数字经济发展联席会议（以下简称联席会议）制度。
一、主要职能
统筹推进全市数字经济发展；协调解决重大问题；完成市政府交办的其他事项。
二、工作规则
（一）会议制度。联席会议原则上每季度召开一次全体会议，由召集人或副召集人主持。会议议题由联席会议办公室提出，报召集人审定。
（二）纪要制度。会议纪要经召集人签发后印发各成员单位，并抄送市政府办公室。
（三）信息报送。各成员单位每季度至少向联席会议办公室报送工作信息3条。
（四）办理时限。联席会议交办的事项，承办单位应在五个工作日内办结。
联席会议根据工作需要可以增补成员单位。
`;

describe('a joint meeting meeting quarterly (other phrasings)', () => {
  const x = extract(QUARTERLY, '江南市数字经济发展联席会议', 'joint_meeting', [role('convener', '召集人'), role('deputy_convener', '副召集人')]);

  it('原则上每季度召开一次全体会议 → plenary, four a year', () => {
    const freq = rulesOf(x, 'meeting_frequency');
    expect(freq).toHaveLength(1);
    expect(freq[0]).toMatchObject({ meetingKind: 'plenary', minPerYear: 4, schedule: 'regular' });
    expect(freq[0]?.clause).toMatch(/^二、[（(]一[）)]会议制度$/);
    expect(slice(x, freq[0]!)).toContain('每季度召开一次全体会议');
  });

  it('由召集人或副召集人主持 → either, no delegation needed', () => {
    expect(rulesOf(x, 'presider')).toEqual([
      expect.objectContaining({ meetingKind: 'plenary', roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: false }),
    ]);
  });

  it('议题由办公室提出，报召集人审定', () => {
    expect(rulesOf(x, 'agenda_approval')[0]).toMatchObject({ proposedBy: ['office'], approvedBy: ['convener'] });
  });

  it('会议纪要经召集人签发后印发各成员单位，并抄送…', () => {
    expect(rulesOf(x, 'minutes_signoff')).toEqual([expect.objectContaining({ action: 'sign_off', roles: ['convener'] })]);
    expect(rulesOf(x, 'minutes_distribution')[0]).toMatchObject({ toMemberUnits: true, reportCopyTo: [], copyTo: ['市政府办公室'] });
  });

  it('a quarterly information quota is spread over the months', () => {
    const quota = rulesOf(x, 'info_report_quota')[0];
    expect(quota).toMatchObject({ reporter: 'member_unit', count: 3, periodMonths: 3, perMonth: 1, reportTo: ['office'] });
  });

  it('a handling deadline written in Chinese numerals', () => {
    expect(rulesOf(x, 'handling_deadline')[0]).toMatchObject({ workingDays: 5, coHandledWorkingDays: null });
  });

  it('member units added by the joint meeting', () => {
    expect(rulesOf(x, 'membership_change')[0]).toMatchObject({ subject: 'member_unit', confirmedBy: '联席会议' });
  });

  it('functions split on ；', () => {
    expect(x.functions.map((f) => f.text)).toEqual(['统筹推进全市数字经济发展', '协调解决重大问题', '完成市政府交办的其他事项']);
  });

  it('no finding when the rules use the roster’s own titles', () => {
    expect(x.findings).toEqual([]);
  });
});

const LEADING_GROUP = `北川县乡村振兴工作领导小组工作规则

第一条 领导小组全体会议每半年召开一次，由组长主持；组长不能出席时，可委托副组长主持。
第二条 领导小组召开专题会议前，应当先召开联络员会议，研究提交会议审议的事项。
第三条 领导小组办公室会议由办公室主任主持，根据工作需要不定期召开。
第四条 领导小组成员应当按时出席会议，因故不能出席的，须向组长请假，并可委托本单位其他负责同志代为出席。
第五条 会议纪要由领导小组办公室起草，经副组长审核后，报组长签发。
第六条 会议议定事项由领导小组办公室负责督办，定期向组长报告落实情况，并向各成员单位通报。
第七条 领导小组成员因工作变动需要调整的，由所在单位提出，报领导小组办公室备案。
`;

describe('a leading group’s rules (articles)', () => {
  const x = extract(LEADING_GROUP, '北川县乡村振兴工作领导小组', 'leading_group', [role('convener', '组长'), role('deputy_convener', '副组长')]);

  it('每半年召开一次 → twice a year; presider with delegation stated in a second clause', () => {
    expect(rulesOf(x, 'meeting_frequency').find((r) => r.clause === '第一条')).toMatchObject({ meetingKind: 'plenary', minPerYear: 2 });
    const presider = rulesOf(x, 'presider').find((r) => r.clause === '第一条');
    expect(presider?.roles[0]).toBe('convener');
  });

  it('a liaison meeting before a topical meeting, not discretionary', () => {
    expect(rulesOf(x, 'pre_meeting')[0]).toMatchObject({ meetingKind: 'liaison', before: 'topical', discretionary: false, clause: '第二条' });
  });

  it('office meetings presided by the office director', () => {
    expect(rulesOf(x, 'presider').find((r) => r.clause === '第三条')).toMatchObject({ meetingKind: 'office', roles: ['office_director'] });
    expect(rulesOf(x, 'meeting_frequency').find((r) => r.clause === '第三条')).toMatchObject({ meetingKind: 'office', schedule: 'irregular' });
  });

  it('mandatory attendance with a substitute', () => {
    expect(rulesOf(x, 'attendance')[0]).toMatchObject({ mandatory: true, substituteAllowed: true, liaisonMayBringOpinion: false, clause: '第四条' });
  });

  it('minutes reviewed by 副组长 and signed off by 组长', () => {
    const signoff = rulesOf(x, 'minutes_signoff');
    expect(signoff.map((r) => [r.action, r.roles])).toEqual([
      ['approve', ['deputy_convener']],
      ['sign_off', ['convener']],
    ]);
  });

  it('decisions tracked by the office, with a circular', () => {
    expect(rulesOf(x, 'decision_tracking')[0]).toMatchObject({ trackedBy: ['office'], circular: true, clause: '第六条' });
  });

  it('member changes filed with the office', () => {
    expect(rulesOf(x, 'membership_change')[0]).toMatchObject({ subject: 'member', proposedBy: '所在单位', confirmedBy: '领导小组办公室' });
  });
});

describe('role titles the roster does not define', () => {
  it('warns once when the rules name 召集人 in a body led by a 组长', () => {
    const raw = `某某协调小组工作制度

一、工作规则
协调小组会议由组长主持。重要情况由召集人代表协调小组汇报，召集人可委托副组长汇报。
`;
    const x = extract(raw, '某某协调小组', 'coordination_group', [role('convener', '组长'), role('deputy_convener', '副组长')]);
    expect(x.findings).toHaveLength(1);
    expect(x.findings[0]).toMatchObject({ code: 'undefined_role_title', severity: 'warning' });
    expect(x.text.slice(x.findings[0]!.source!.start, x.findings[0]!.source!.end)).toBe('召集人');
  });

  it('says nothing when the composition has no roster', () => {
    const x = extract('某某协调小组工作制度\n\n会议由召集人主持。\n', '某某协调小组', 'coordination_group');
    expect(x.findings).toEqual([]);
  });
});

describe('things that are not rules', () => {
  it('a press conference held regularly is not a meeting; a proposal to meet is neither a schedule nor an agenda approval', () => {
    const raw = `某某联席会议制度

一、工作规则
联席会议办公室定期召开新闻发布会。成员单位可根据工作需要向联席会议办公室提出召开会议的建议。
`;
    const x = extract(raw, '某某联席会议', 'joint_meeting');
    expect(rulesOf(x, 'meeting_frequency')).toEqual([]);
    expect(rulesOf(x, 'agenda_approval')).toEqual([]);
  });
});

describe('the body meeting by its own name', () => {
  it('联席会议每半年召开一次 → twice a year', () => {
    const x = extract('某某联席会议制度\n\n一、工作规则\n联席会议每半年召开一次，由召集人主持。\n', '某某联席会议', 'joint_meeting');
    expect(rulesOf(x, 'meeting_frequency')).toEqual([expect.objectContaining({ meetingKind: 'any', minPerYear: 2, schedule: 'regular' })]);
    expect(rulesOf(x, 'presider')).toEqual([expect.objectContaining({ roles: ['convener'], deputyNeedsDelegation: false })]);
  });
});
