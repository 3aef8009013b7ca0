/**
 * Every charter gate, on the five founding documents and on silent charters: allowed as which role,
 * refused with the clause and its sentence, or by default saying so.
 */
import { describe, expect, it } from 'vitest';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import { DEFAULT_PREFIX, decideGate } from '../../../src/domain/charter-gates/index.ts';
import type { GateDecision, GateRequest } from '../../../src/domain/charter-gates/index.ts';
import { seed } from '../charter/seed-files.ts';

const charters = new Map<string, Charter>();
function charterOf(prefix: string): Charter {
  let c = charters.get(prefix);
  if (c === undefined) {
    const result = importCharter(seed(prefix));
    if (!result.ok) throw new Error(result.error.message);
    c = result.charter;
    charters.set(prefix, c);
  }
  return c;
}

/** A charter with no rules at all. */
function silent(): Charter {
  return { ...charterOf('000'), rules: [] };
}

function refused(decision: GateDecision): Extract<GateDecision, { allowed: false }> {
  if (decision.allowed) throw new Error(`expected a refusal, got allowed as ${decision.as}`);
  return decision;
}

function decide(prefix: string | Charter, request: GateRequest): GateDecision {
  return decideGate(typeof prefix === 'string' ? charterOf(prefix) : prefix, request);
}

describe('preside', () => {
  it('004 plenary: the 组长 only (第十一条)', () => {
    expect(decide('004', { step: 'preside', meetingKind: 'plenary', roles: ['convener'], delegated: false })).toMatchObject({ allowed: true, as: 'convener' });
    const r = refused(decide('004', { step: 'preside', meetingKind: 'plenary', roles: ['deputy_convener'], delegated: true }));
    expect(r).toMatchObject({ code: 'presider_not_allowed', status: 422, field: 'membershipId', basis: { kind: 'rule', clause: { clause: '第十一条' } } });
    expect(r.message).toBe('根据本机构制度，只有组长可以主持全体会议');
    expect(r.basis.kind === 'rule' && r.basis.clause.text).toContain('会议由组长主持');
  });
  it('004 topical: a 副组长 only when delegated (第十二条)', () => {
    const r = refused(decide('004', { step: 'preside', meetingKind: 'topical', roles: ['deputy_convener'], delegated: false }));
    expect(r).toMatchObject({ code: 'delegation_required', basis: { kind: 'rule', clause: { clause: '第十二条' } } });
    expect(r.message).toContain('副组长须经组长委托');
    expect(decide('004', { step: 'preside', meetingKind: 'topical', roles: ['deputy_convener'], delegated: true })).toMatchObject({ allowed: true, as: 'deputy_convener' });
  });
  it('003: the rule of its 工作会议 binds a topical meeting too', () => {
    const r = refused(decide('003', { step: 'preside', meetingKind: 'topical', roles: ['deputy_convener'], delegated: false }));
    expect(r).toMatchObject({ code: 'delegation_required', basis: { kind: 'rule', clause: { clause: '三、（二）2.' } } });
  });
  it('004 liaison meeting: no rule, so the default, which says so', () => {
    const r = refused(decide('004', { step: 'preside', meetingKind: 'liaison', roles: ['deputy_convener'], delegated: false }));
    expect(r).toMatchObject({ code: 'delegation_required', basis: { kind: 'default' } });
    expect(r.message.startsWith(DEFAULT_PREFIX)).toBe(true);
    expect(r.basis.kind === 'default' && r.basis.text).toBe(`${DEFAULT_PREFIX}：会议由召集人主持，副召集人经召集人委托方可主持`);
    expect(refused(decide(silent(), { step: 'preside', meetingKind: 'plenary', roles: ['member', 'office_staff'], delegated: false })).code).toBe('presider_not_allowed');
  });
  it('prefers the role that passes when several are held', () => {
    expect(decide('004', { step: 'preside', meetingKind: 'topical', roles: ['deputy_convener', 'convener'], delegated: false })).toMatchObject({ allowed: true, as: 'convener' });
  });
});

describe('preside a group meeting', () => {
  it('004: the group’s 组长 (专题组细则第九条), not the body’s convener', () => {
    expect(decide('004', { step: 'preside_group_meeting', roles: ['member', 'group_leader'], delegated: false })).toMatchObject({
      allowed: true,
      as: 'group_leader',
      basis: { kind: 'rule', clause: { clause: '第九条' } },
    });
    expect(refused(decide('004', { step: 'preside_group_meeting', roles: ['convener'], delegated: false }))).toMatchObject({ code: 'presider_not_allowed' });
  });
  it('without a rule for group meetings: the group’s leaders by default, or who presides the body’s meetings by its general rule', () => {
    expect(decide('000', { step: 'preside_group_meeting', roles: ['group_leader'], delegated: false })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
    expect(decide('000', { step: 'preside_group_meeting', roles: ['convener'], delegated: false })).toMatchObject({
      allowed: true,
      as: 'convener',
      basis: { kind: 'rule', clause: { clause: '三、工作规则' } },
    });
    expect(refused(decide('000', { step: 'preside_group_meeting', roles: ['deputy_convener'], delegated: false })).code).toBe('delegation_required');
    const r = refused(decide(silent(), { step: 'preside_group_meeting', roles: ['member'], delegated: false }));
    expect(r).toMatchObject({ code: 'presider_not_allowed', basis: { kind: 'default' } });
    expect(r.message.startsWith(DEFAULT_PREFIX)).toBe(true);
  });
});

describe('delegate presiding', () => {
  it('004: the 组长 delegates a topical meeting to a 副组长; a plenary cannot be delegated (第十一条)', () => {
    expect(decide('004', { step: 'delegate_presiding', meetingKind: 'topical', roles: ['convener'], toRoles: ['deputy_convener'] })).toMatchObject({
      allowed: true,
      as: 'convener',
      basis: { clause: { clause: '第十二条' } },
    });
    const r = refused(decide('004', { step: 'delegate_presiding', meetingKind: 'plenary', roles: ['convener'], toRoles: ['deputy_convener'] }));
    expect(r).toMatchObject({ code: 'delegation_not_provided', status: 422, basis: { clause: { clause: '第十一条' } } });
    expect(r.message).toBe('根据本机构制度，全体会议由组长主持，不能委托副组长主持');
  });
  it('only the convener, only to a deputy', () => {
    expect(refused(decide('000', { step: 'delegate_presiding', meetingKind: 'plenary', roles: ['deputy_convener'], toRoles: ['deputy_convener'] })).code).toBe(
      'delegation_by_convener_only',
    );
    expect(refused(decide('000', { step: 'delegate_presiding', meetingKind: 'plenary', roles: ['convener'], toRoles: ['member'] })).code).toBe('delegation_to_deputy_only');
    expect(decide(silent(), { step: 'delegate_presiding', meetingKind: 'plenary', roles: ['convener'], toRoles: ['deputy_convener'] })).toMatchObject({
      allowed: true,
      basis: { kind: 'default' },
    });
  });
});

describe('agenda', () => {
  it('004 plenary: proposed by the office, approved by the 组长 (第十一条)', () => {
    expect(refused(decide('004', { step: 'propose_agenda', meetingKind: 'plenary', roles: ['liaison'] }))).toMatchObject({
      code: 'agenda_proposer_not_allowed',
      status: 403,
      basis: { kind: 'rule', clause: { clause: '第十一条' } },
    });
    expect(decide('004', { step: 'propose_agenda', meetingKind: 'plenary', roles: ['office_staff'] })).toMatchObject({ allowed: true, as: 'office_staff' });
    expect(refused(decide('004', { step: 'approve_agenda', meetingKind: 'plenary', roles: ['office_staff', 'deputy_convener'] }))).toMatchObject({
      code: 'agenda_approval_not_allowed',
      basis: { clause: { clause: '第十一条' } },
    });
    expect(decide('004', { step: 'approve_agenda', meetingKind: 'plenary', roles: ['convener'] })).toMatchObject({ allowed: true, as: 'convener' });
  });
  it('000: the 召集人 approves (the sentence about proposing a meeting is no approval rule)', () => {
    expect(decide('000', { step: 'approve_agenda', meetingKind: 'plenary', roles: ['convener'] })).toMatchObject({ allowed: true, as: 'convener', basis: { kind: 'default' } });
    expect(decide('000', { step: 'propose_agenda', meetingKind: 'plenary', roles: ['liaison'] })).toMatchObject({ allowed: true, as: 'liaison' });
    expect(refused(decide('000', { step: 'approve_agenda', meetingKind: 'plenary', roles: ['liaison'] })).message.startsWith(DEFAULT_PREFIX)).toBe(true);
  });
  it('an approval rule an older import read from a proposal sentence (nobody approving) is not one', () => {
    const c = charterOf('000');
    const old: Charter = {
      ...c,
      rules: [...c.rules, { type: 'agenda_approval', document: 1, clause: '三、工作规则', source: { start: 0, end: 5 }, meetingKind: 'any', proposedBy: ['member_unit'], approvedBy: [], submittedTo: ['office'] }],
    };
    expect(decide(old, { step: 'approve_agenda', meetingKind: 'plenary', roles: ['convener'] })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
  });
  it('003: 组长 or 副组长 for any kind', () => {
    expect(decide('003', { step: 'approve_agenda', meetingKind: 'topical', roles: ['deputy_convener'] })).toMatchObject({ allowed: true, basis: { kind: 'rule' } });
  });
});

describe('observers', () => {
  it('004 plenary: the 组长 decides (第十一条)', () => {
    expect(decide('004', { step: 'approve_observers', meetingKind: 'plenary', roles: ['convener'], delegated: false })).toMatchObject({ allowed: true, as: 'convener' });
    expect(refused(decide('004', { step: 'approve_observers', meetingKind: 'plenary', roles: ['office_staff'], delegated: false }))).toMatchObject({
      code: 'observer_approval_not_allowed',
      basis: { kind: 'rule', clause: { text: '列席人员由协调小组办公室提出建议，报组长确定' } },
    });
  });
  it('by default the office', () => {
    expect(decide('000', { step: 'approve_observers', meetingKind: 'plenary', roles: ['office_staff'], delegated: false })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
  });
});

describe('attend', () => {
  it('004 plenary (出席人员为组长、副组长、成员): no substitute, no liaison with opinion', () => {
    const sub = refused(decide('004', { step: 'attend', meetingKind: 'plenary', attendance: 'substitute' }));
    expect(sub).toMatchObject({ code: 'substitute_not_allowed', status: 422, basis: { kind: 'rule', clause: { clause: '第十一条' } } });
    expect(sub.message).toContain('组长、副组长、成员');
    expect(refused(decide('004', { step: 'attend', meetingKind: 'plenary', attendance: 'liaison_with_opinion' })).code).toBe('liaison_with_opinion_not_allowed');
    for (const attendance of ['attended', 'absent_with_leave', 'absent'] as const) {
      expect(decide('004', { step: 'attend', meetingKind: 'plenary', attendance }).allowed).toBe(true);
    }
  });
  it('004 group meeting (专题组细则第九条): no substitute', () => {
    expect(refused(decide('004', { step: 'attend', meetingKind: 'group', attendance: 'substitute' })).basis).toMatchObject({ clause: { clause: '第九条' } });
  });
  it('003 allows both, citing the sentence that does', () => {
    expect(decide('003', { step: 'attend', meetingKind: 'topical', attendance: 'substitute' })).toMatchObject({ allowed: true, basis: { kind: 'rule' } });
    expect(decide('003', { step: 'attend', meetingKind: 'plenary', attendance: 'liaison_with_opinion' })).toMatchObject({ allowed: true });
  });
  it('a silent charter allows both by default', () => {
    expect(decide('000', { step: 'attend', meetingKind: 'plenary', attendance: 'substitute' })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
  });
});

describe('sign off minutes', () => {
  it('004: the 组长 signs (第十三条), the office may not', () => {
    const r = refused(decide('004', { step: 'sign_off_minutes', meetingKind: 'plenary', roles: ['office_staff'] }));
    expect(r).toMatchObject({ code: 'minutes_signoff_not_allowed', status: 403, basis: { clause: { clause: '第十三条' } } });
    expect(r.message).toBe('根据本机构制度，只有组长可以签发会议纪要');
    expect(decide('004', { step: 'sign_off_minutes', meetingKind: 'topical', roles: ['convener'] })).toMatchObject({ allowed: true, as: 'convener' });
  });
  it('000 is silent: the default, which says so', () => {
    const r = refused(decide('000', { step: 'sign_off_minutes', meetingKind: 'plenary', roles: ['office_staff'] }));
    expect(r.message).toBe(`${DEFAULT_PREFIX}，只有召集人或副召集人可以审定会议纪要`);
    expect(decide('000', { step: 'sign_off_minutes', meetingKind: 'plenary', roles: ['deputy_convener'] })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
  });
});

describe('outgoing documents', () => {
  const body = { issuedInNameOf: 'body', initiatedBy: null } as const;
  it('004 in the body’s name: reviewed by the office director, signed by 组长 or 副组长 (办公室细则第十三条)', () => {
    expect(decide('004', { step: 'review_document', document: body, roles: ['office_staff'] })).toMatchObject({ allowed: true, as: 'office_staff' });
    expect(refused(decide('004', { step: 'review_document', document: body, roles: ['member'] })).code).toBe('document_review_not_allowed');
    const r = refused(decide('004', { step: 'sign_document', document: body, roles: ['office_staff'] }));
    expect(r).toMatchObject({ code: 'document_signing_not_allowed', basis: { clause: { clause: '第十三条', text: expect.stringContaining('由组长或副组长签发') } } });
    expect(decide('004', { step: 'sign_document', document: body, roles: ['deputy_convener'] })).toMatchObject({ allowed: true, as: 'deputy_convener' });
  });
  it('004 in the office’s name, and a group’s requests (专题组细则第十条、第十一条)', () => {
    expect(decide('004', { step: 'sign_document', document: { issuedInNameOf: 'office', initiatedBy: null }, roles: ['office_staff'] })).toMatchObject({
      allowed: true,
      basis: { clause: { clause: '第十四条' } },
    });
    expect(decide('004', { step: 'review_document', document: { issuedInNameOf: 'office', initiatedBy: 'group' }, roles: ['group_leader'] })).toMatchObject({
      allowed: true,
      basis: { clause: { clause: '第十一条' } },
    });
    expect(refused(decide('004', { step: 'sign_document', document: { issuedInNameOf: 'body', initiatedBy: 'group' }, roles: ['group_leader'] })).basis).toMatchObject({
      clause: { clause: '第十条' },
    });
  });
  it('a silent charter: the office may issue in the body’s name by default', () => {
    expect(decide('000', { step: 'sign_document', document: body, roles: ['office_staff'] })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
    expect(decide('000', { step: 'review_document', document: body, roles: [] })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
  });
});

describe('handling deadline', () => {
  it('004 (办公室细则第十六条): 7 working days, 10 co-handled', () => {
    expect(decide('004', { step: 'set_handling_deadline', workingDays: 7, coHandled: false })).toMatchObject({ allowed: true, basis: { kind: 'rule' } });
    const r = refused(decide('004', { step: 'set_handling_deadline', workingDays: 15, coHandled: false }));
    expect(r).toMatchObject({ code: 'handling_deadline_exceeded', status: 422, basis: { clause: { clause: '第十六条', text: expect.stringContaining('7个工作日内办结') } } });
    expect(r.message).toContain('应在7个工作日内办结，不能定为15个工作日');
    expect(decide('004', { step: 'set_handling_deadline', workingDays: 10, coHandled: true }).allowed).toBe(true);
    expect(refused(decide('004', { step: 'set_handling_deadline', workingDays: 11, coHandled: true })).message).toContain('10个工作日');
  });
  it('a charter without one sets no limit; a negative limit is refused', () => {
    expect(decide('000', { step: 'set_handling_deadline', workingDays: 200, coHandled: false })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
    expect(refused(decide('000', { step: 'set_handling_deadline', workingDays: -1, coHandled: false })).code).toBe('deadline_not_positive');
  });
});
