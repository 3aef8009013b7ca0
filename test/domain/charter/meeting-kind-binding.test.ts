/**
 * Binding rules by meeting kind, on synthetic texts: a rule stated for one kind of meeting never
 * becomes another kind's; a rule stated generally — including the working meetings of a body that
 * names no other kind of its meetings — binds every kind. A sentence about proposing a meeting is
 * not an agenda approval.
 */
import { describe, expect, it } from 'vitest';
import type { Charter, Rule, RuleType } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { decideGate } from '../../../src/domain/charter-gates/index.ts';

function charterOf(raw: string): Charter {
  const result = importCharter(raw);
  if (!result.ok) throw new Error(result.error.message);
  return result.charter;
}

function rulesOf<T extends RuleType>(c: Charter, type: T): Array<Extract<Rule, { type: T }>> {
  return c.rules.filter((r): r is Extract<Rule, { type: T }> => r.type === type);
}

describe('a body that holds its meetings as 工作会议 and names no other kind', () => {
  const c = charterOf(
    [
      '某市某某工作联席会议制度',
      '一、组成',
      '联席会议设组长、副组长、成员。',
      '组长：张某某 副市长',
      '副组长：李某某 市政府副秘书长',
      '二、工作制度',
      '1.定期或不定期召开工作会议，由组长或组长委托副组长主持。',
      '联席会议研究的内容，经组长审定后印发各成员单位。',
    ].join('\n'),
  );
  it('states the presider and agenda rules generally', () => {
    expect(rulesOf(c, 'presider')).toEqual([expect.objectContaining({ meetingKind: 'any', roles: ['convener', 'deputy_convener'], deputyNeedsDelegation: true })]);
    expect(rulesOf(c, 'agenda_approval')).toEqual([expect.objectContaining({ meetingKind: 'any', approvedBy: ['convener'] })]);
  });
  it('so a topical meeting’s deputy needs the delegation, with the clause', () => {
    const refused = decideGate(c, { step: 'preside', meetingKind: 'topical', roles: ['deputy_convener'], delegated: false });
    expect(refused).toMatchObject({ allowed: false, code: 'delegation_required', basis: { kind: 'rule', clause: { text: expect.stringContaining('组长委托副组长主持') } } });
    expect(decideGate(c, { step: 'preside', meetingKind: 'topical', roles: ['deputy_convener'], delegated: true })).toMatchObject({ allowed: true, as: 'deputy_convener' });
  });
});

describe('a body that names its plenary and its working meetings apart', () => {
  const c = charterOf(
    [
      '某县某某工作领导小组工作规则',
      '一、领导小组全体会议每年至少召开一次，由组长主持。',
      '二、领导小组工作会议根据需要不定期召开，由副组长主持。',
    ].join('\n'),
  );
  const presiders = rulesOf(c, 'presider');
  it('binds each presider rule to its own kind', () => {
    expect(presiders.map((r) => [r.meetingKind, r.roles])).toEqual([
      ['plenary', ['convener']],
      ['working', ['deputy_convener']],
    ]);
  });
  it('a working meeting’s rule does not become the plenary’s or a topical meeting’s', () => {
    expect(decideGate(c, { step: 'preside', meetingKind: 'working', roles: ['deputy_convener'], delegated: false })).toMatchObject({ allowed: true, basis: { kind: 'rule' } });
    expect(decideGate(c, { step: 'preside', meetingKind: 'plenary', roles: ['deputy_convener'], delegated: true })).toMatchObject({
      allowed: false,
      code: 'presider_not_allowed',
      basis: { kind: 'rule', clause: { text: expect.stringContaining('全体会议') } },
    });
    const topical = decideGate(c, { step: 'preside', meetingKind: 'topical', roles: ['deputy_convener'], delegated: false });
    expect(topical).toMatchObject({ allowed: false, code: 'delegation_required', basis: { kind: 'default' } });
    expect(topical.allowed === false && topical.message).toMatch(/^本机构制度未规定，按系统默认规则/);
  });
});

describe('a sentence about proposing a meeting', () => {
  const lines = (sentence: string): string => ['某某工作联席会议制度', '一、工作规则', '联席会议由召集人主持。', sentence].join('\n');
  it('is no agenda approval, whoever it goes to', () => {
    for (const sentence of [
      '各成员单位可根据工作需要向联席会议办公室提出召开会议的建议。',
      '成员单位可以向办公室提请召开专题会议。',
      '成员单位认为需要的，可建议召开联席会议。',
      '成员单位可根据工作需要提出召开会议的建议，经召集人同意后，由办公室通知会议内容。',
    ]) {
      expect(rulesOf(charterOf(lines(sentence)), 'agenda_approval'), sentence).toEqual([]);
    }
  });
  it('while an agenda proposed and approved stays one', () => {
    const c = charterOf(lines('会议议题由联席会议办公室提出，报召集人审定。'));
    expect(rulesOf(c, 'agenda_approval')).toEqual([expect.objectContaining({ proposedBy: ['office'], approvedBy: ['convener'] })]);
    const asked = charterOf(lines('成员单位可提出召开会议的建议和议题，报召集人同意。'));
    expect(rulesOf(asked, 'agenda_approval')).toEqual([expect.objectContaining({ approvedBy: ['convener'] })]);
  });
  it('leaves the agenda to the default, under which the convener approves', () => {
    const c = charterOf(lines('各成员单位可根据工作需要向联席会议办公室提出召开会议的建议。'));
    expect(decideGate(c, { step: 'approve_agenda', meetingKind: 'plenary', roles: ['convener'] })).toMatchObject({ allowed: true, as: 'convener', basis: { kind: 'default' } });
  });
});
