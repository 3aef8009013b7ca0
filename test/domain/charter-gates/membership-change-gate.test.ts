/**
 * The membership change gate on synthetic charters (never a seed): who proposes, confirms, refuses
 * or records directly a change of a member's or liaison's post, by the charter's
 * `membership_change` rule or by default; and, for random rules and requests, the gate never
 * throws and a refusal names a clause or says it is the default.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MembershipChangeRule, RoleKind } from '../../../src/domain/charter/charter-types.ts';
import { DEFAULT_PREFIX } from '../../../src/domain/charter-gates/gate-table.ts';
import type { GateRole } from '../../../src/domain/charter-gates/gate-types.ts';
import { confirmerOf, membershipChangeGate } from '../../../src/domain/charter-gates/membership-change-gate.ts';
import type { MembershipChangeActor, MembershipChangeRequest, MembershipChangeStep } from '../../../src/domain/charter-gates/membership-change-gate.ts';
import { propertyRuns } from '../property-runs.ts';

const MEMBER_SENTENCE = '成员因工作变动需要调整的，由所在单位提出，全体会议确定。';
const LIAISON_SENTENCE = '联络员如需变动，须与办公室联系变更。';
const TEXT = `${MEMBER_SENTENCE}${LIAISON_SENTENCE}`;

function charterWith(rules: MembershipChangeRule[]) {
  return { rules, documents: [{ title: '某某制度', source: { start: 0, end: TEXT.length } }], normalizedText: TEXT, roles: [] };
}

const memberRule: MembershipChangeRule = {
  type: 'membership_change',
  document: 0,
  clause: '第五条',
  source: { start: 0, end: MEMBER_SENTENCE.length },
  subject: 'member',
  proposedBy: '所在单位',
  confirmedBy: '某某联席会议',
};
const liaisonRule: MembershipChangeRule = {
  type: 'membership_change',
  document: 0,
  clause: '第六条',
  source: { start: MEMBER_SENTENCE.length, end: TEXT.length },
  subject: 'member',
  post: 'liaison',
  proposedBy: '各成员单位',
  confirmedBy: '某某办公室',
};
const CHARTER = charterWith([memberRule, liaisonRule]);
const SILENT = charterWith([]);

const office: MembershipChangeActor = { accountId: 'office', personId: null, roles: [{ role: 'office_staff', unitId: null }] };
const office2: MembershipChangeActor = { accountId: 'office2', personId: null, roles: [{ role: 'office_staff', unitId: null }] };
const liaisonA: MembershipChangeActor = { accountId: 'liaison', personId: 'p-liaison', roles: [{ role: 'liaison', unitId: 'unit-a' }] };
const convener: MembershipChangeActor = { accountId: 'convener', personId: 'p-convener', roles: [{ role: 'convener', unitId: null }] };

const change = (roleKind: RoleKind, over: Partial<MembershipChangeRequest['change']> = {}) => ({
  roleKind,
  unitId: roleKind === 'member' || roleKind === 'liaison' ? 'unit-a' : null,
  startsPersonId: 'p-new',
  fillsVacancy: false,
  ...over,
});

describe('membership change gate', () => {
  it('reads who confirms from the rule: an office, the convener, or the body (its plenary)', () => {
    expect(confirmerOf('工作专班办公室')).toBe('office');
    expect(confirmerOf('领导小组办公室')).toBe('office');
    expect(confirmerOf('领导小组组长')).toBe('convener');
    expect(confirmerOf('召集人')).toBe('convener');
    expect(confirmerOf('联席会议')).toBe('plenary');
    expect(confirmerOf('协调小组')).toBe('plenary');
  });

  it('lets a unit propose for its own unit only, never itself, and the office for any unit', () => {
    expect(membershipChangeGate(CHARTER, { step: 'propose', actor: liaisonA, change: change('member') })).toMatchObject({ allowed: true, as: 'liaison', confirmer: 'plenary' });
    expect(membershipChangeGate(CHARTER, { step: 'propose', actor: liaisonA, change: change('member', { unitId: 'unit-b' }) })).toMatchObject({
      allowed: false,
      code: 'membership_proposer_not_allowed',
      status: 403,
      basis: { kind: 'rule', clause: { clause: '第五条', text: MEMBER_SENTENCE } },
    });
    expect(membershipChangeGate(CHARTER, { step: 'propose', actor: liaisonA, change: change('convener') })).toMatchObject({ allowed: false, basis: { kind: 'default' } });
    expect(membershipChangeGate(CHARTER, { step: 'propose', actor: liaisonA, change: change('member', { startsPersonId: 'p-liaison' }) })).toMatchObject({
      allowed: false,
      code: 'membership_self_nomination',
    });
    expect(membershipChangeGate(CHARTER, { step: 'propose', actor: office, change: change('member', { unitId: 'unit-b' }) })).toMatchObject({ allowed: true, as: 'office_staff' });
  });

  it('confirms as the rule says: the plenary through the office with a basis, the liaison rule by the office', () => {
    const request = (actor: MembershipChangeActor, over: Partial<MembershipChangeRequest> = {}): MembershipChangeRequest => ({
      step: 'confirm',
      actor,
      change: change('member'),
      proposedByAccountId: 'liaison',
      ...over,
    });
    expect(membershipChangeGate(CHARTER, request(office))).toMatchObject({ allowed: false, code: 'membership_plenary_basis_required', status: 422 });
    expect(membershipChangeGate(CHARTER, request(office, { plenaryBasis: true }))).toMatchObject({ allowed: true, as: 'office_staff', confirmer: 'plenary' });
    expect(membershipChangeGate(CHARTER, request(convener, { plenaryBasis: true }))).toMatchObject({ allowed: false, code: 'membership_confirmer_not_allowed' });
    expect(membershipChangeGate(CHARTER, request(liaisonA))).toMatchObject({ allowed: false, code: 'membership_own_proposal' });
    expect(membershipChangeGate(CHARTER, request(office, { proposedByAccountId: 'office', plenaryBasis: true }))).toMatchObject({ allowed: false, code: 'membership_own_proposal' });
    // The liaison rule names the office.
    const liaisonChange = request(office, { change: change('liaison') });
    expect(membershipChangeGate(CHARTER, liaisonChange)).toMatchObject({ allowed: true, confirmer: 'office', basis: { kind: 'rule', clause: { clause: '第六条' } } });
    expect(membershipChangeGate(CHARTER, { ...liaisonChange, actor: convener })).toMatchObject({ allowed: false, code: 'membership_confirmer_not_allowed' });
    // Nobody confirms a post for their own person.
    const own = { ...office2, personId: 'p-new' };
    expect(membershipChangeGate(CHARTER, { ...liaisonChange, actor: own })).toMatchObject({ allowed: false, code: 'membership_own_post' });
  });

  it('lets the office record directly only where the office confirms, or to fill a vacancy', () => {
    expect(membershipChangeGate(CHARTER, { step: 'direct', actor: office, change: change('member') })).toMatchObject({
      allowed: false,
      code: 'membership_change_needs_confirmation',
      basis: { kind: 'rule', clause: { clause: '第五条' } },
    });
    expect(membershipChangeGate(CHARTER, { step: 'direct', actor: office, change: change('member', { fillsVacancy: true }) })).toMatchObject({ allowed: true });
    expect(membershipChangeGate(CHARTER, { step: 'direct', actor: office, change: change('liaison') })).toMatchObject({ allowed: true, confirmer: 'office' });
    expect(membershipChangeGate(CHARTER, { step: 'direct', actor: office, change: change('convener') })).toMatchObject({ allowed: true, basis: { kind: 'default' } });
    expect(membershipChangeGate(CHARTER, { step: 'direct', actor: liaisonA, change: change('liaison') })).toMatchObject({ allowed: false, code: 'membership_direct_office_only' });
  });

  it('says so when the charter is silent: the office confirms by default', () => {
    const allowed = membershipChangeGate(SILENT, { step: 'confirm', actor: office2, change: change('member'), proposedByAccountId: 'office' });
    expect(allowed).toMatchObject({ allowed: true, confirmer: 'office', basis: { kind: 'default' } });
    const refused = membershipChangeGate(SILENT, { step: 'confirm', actor: office, change: change('member'), proposedByAccountId: 'office' });
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.message.startsWith(DEFAULT_PREFIX)).toBe(true);
      expect(refused.basis.kind === 'default' && refused.basis.text.startsWith(DEFAULT_PREFIX)).toBe(true);
    }
  });

  it('never throws; a refusal names a clause or says it is the default; an allowance is as a role held', () => {
    const ROLES: GateRole[] = ['convener', 'deputy_convener', 'member', 'liaison', 'office_staff', 'group_leader'];
    const rule = fc.record({
      type: fc.constant('membership_change' as const),
      document: fc.integer({ min: 0, max: 2 }),
      clause: fc.option(fc.constantFrom('第五条', '二、成员单位', ''), { nil: null }),
      source: fc.constant({ start: 0, end: MEMBER_SENTENCE.length }),
      subject: fc.constantFrom('member' as const, 'member_unit' as const),
      post: fc.option(fc.constant('liaison' as const), { nil: undefined }),
      proposedBy: fc.constantFrom('所在单位', '各成员单位', ''),
      confirmedBy: fc.constantFrom('联席会议', '某某办公室', '领导小组组长', '', '召集人'),
    });
    const actor = fc.record({
      accountId: fc.constantFrom('a', 'b'),
      personId: fc.option(fc.constantFrom('p1', 'p2'), { nil: null }),
      roles: fc.array(fc.record({ role: fc.constantFrom(...ROLES), unitId: fc.option(fc.constantFrom('u1', 'u2'), { nil: null }) }), { maxLength: 3 }),
    });
    const request = fc.record({
      step: fc.constantFrom<MembershipChangeStep>('propose', 'confirm', 'reject', 'direct'),
      actor,
      change: fc.record({
        roleKind: fc.constantFrom<RoleKind>('convener', 'deputy_convener', 'member', 'liaison'),
        unitId: fc.option(fc.constantFrom('u1', 'u2'), { nil: null }),
        startsPersonId: fc.option(fc.constantFrom('p1', 'p2'), { nil: null }),
        fillsVacancy: fc.boolean(),
      }),
      proposedByAccountId: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
      plenaryBasis: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 3 }), request, (rules, req) => {
        const decision = membershipChangeGate(charterWith(rules), req as MembershipChangeRequest);
        if (decision.allowed) {
          expect(decision.as === null || req.actor.roles.some((r) => r.role === decision.as)).toBe(true);
        } else if (decision.basis.kind === 'rule') {
          const c = decision.basis.clause;
          expect(c.text !== '' || c.clause !== null || c.document !== null).toBe(true);
          expect(decision.message.startsWith('根据本机构制度')).toBe(true);
        } else {
          expect(decision.basis.text.startsWith(DEFAULT_PREFIX)).toBe(true);
          expect(decision.message.startsWith(DEFAULT_PREFIX)).toBe(true);
        }
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
