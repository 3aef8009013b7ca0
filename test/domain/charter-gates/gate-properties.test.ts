/**
 * Property tests of the charter gates: for random charters (random rules lists, well-typed and
 * odd) and random requests, a gate never throws; a refusal always names a clause (the rule's
 * document, clause label or sentence) or says it is the system default; an allowance is as a role
 * the actor holds; and a rule stated for one meeting kind never decides for another kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Charter, MeetingKind as CharterMeetingKind, Rule } from '../../../src/domain/charter/charter-types.ts';
import { DEFAULT_PREFIX, GATE_ROLES, decideGate } from '../../../src/domain/charter-gates/index.ts';
import type { GateRequest } from '../../../src/domain/charter-gates/index.ts';
import { ATTENDANCE_STATUSES, MEETING_KINDS } from '../../../src/domain/meetings/meeting-types.ts';
import { propertyRuns } from '../property-runs.ts';

const TEXT = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.repeat(40);
const ACTORS: Actor[] = ['convener', 'deputy_convener', 'member', 'liaison', 'office', 'office_director', 'office_deputy_director', 'member_unit', 'group', 'group_leader', 'body'];
const RULE_KINDS: CharterMeetingKind[] = [...MEETING_KINDS, 'any'];

const actors = fc.uniqueArray(fc.constantFrom(...ACTORS), { maxLength: 4 });
const kind = fc.constantFrom(...RULE_KINDS);
const days = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constant(Number.NaN), fc.constant(0));

/** Base fields: a distinct sentence per rule (its index), sometimes a missing document or clause. */
const base = fc.record({
  document: fc.integer({ min: 0, max: 3 }),
  clause: fc.option(fc.constantFrom('第一条', '第十一条', '三、工作规则', ''), { nil: null }),
  at: fc.integer({ min: 0, max: TEXT.length - 12 }),
  length: fc.integer({ min: 0, max: 10 }),
});

const rule: fc.Arbitrary<Rule> = fc
  .tuple(
    base,
    fc.oneof(
      fc.record({ type: fc.constant('presider' as const), meetingKind: kind, roles: actors, deputyNeedsDelegation: fc.boolean() }),
      fc.record({
        type: fc.constant('agenda_approval' as const),
        meetingKind: kind,
        proposedBy: actors,
        approvedBy: actors,
        submittedTo: fc.option(actors, { nil: undefined }),
      }),
      fc.record({
        type: fc.constant('attendance' as const),
        mandatory: fc.boolean(),
        substituteAllowed: fc.boolean(),
        liaisonMayBringOpinion: fc.boolean(),
        meetingKind: fc.option(kind, { nil: undefined }),
        attendees: fc.option(actors, { nil: undefined }),
        participantApproval: fc.option(
          fc.record({ participants: fc.constantFrom('observers' as const, 'attendees' as const), proposedBy: actors, approvedBy: actors, deputyNeedsDelegation: fc.boolean() }),
          { nil: undefined },
        ),
      }),
      fc.record({ type: fc.constant('minutes_signoff' as const), action: fc.constantFrom('approve' as const, 'sign_off' as const), roles: actors }),
      fc.record({ type: fc.constant('handling_deadline' as const), workingDays: days, coHandledWorkingDays: fc.option(days, { nil: null }) }),
      fc.record({
        type: fc.constant('document_signing' as const),
        issuedInNameOf: fc.constantFrom('body' as const, 'office' as const),
        initiatedBy: fc.option(fc.constantFrom<Actor>('group', 'office'), { nil: null }),
        reviewers: actors,
        signers: actors,
      }),
      fc.record({ type: fc.constant('meeting_frequency' as const), meetingKind: kind, minPerYear: fc.option(fc.nat(12), { nil: null }), schedule: fc.constant(null) }),
      fc.record({ type: fc.constant('pre_meeting' as const), meetingKind: kind, before: kind }),
      fc.record({ type: fc.constant('bulletin' as const), name: fc.constant(null), compiledBy: fc.constant<Actor>('office'), recipients: fc.constant([]) }),
    ),
  )
  .map(([b, fields]) => ({ ...fields, document: b.document, clause: b.clause, source: { start: b.at, end: b.at + b.length } }) as Rule);

const charter: fc.Arbitrary<Charter> = fc
  .record({
    rules: fc.array(rule, { maxLength: 12 }),
    documents: fc.integer({ min: 0, max: 3 }),
    titles: fc.boolean(),
  })
  .map(
    ({ rules, documents, titles }) =>
      ({
        rules,
        documents: Array.from({ length: documents }, (_, i) => ({ title: `文件${i}`, source: { start: 0, end: 0 } })),
        normalizedText: TEXT,
        roles: titles ? [{ kind: 'convener', title: '组长', person: null, position: null, unit: null, source: { start: 0, end: 0 } }] : [],
      }) as unknown as Charter,
  );

const roles = fc.uniqueArray(fc.constantFrom(...GATE_ROLES), { maxLength: 4 });
const meetingKind = fc.constantFrom(...MEETING_KINDS);
const document = fc.record({ issuedInNameOf: fc.constantFrom('body' as const, 'office' as const), initiatedBy: fc.constantFrom('group' as const, null) });

const request: fc.Arbitrary<GateRequest> = fc.oneof(
  fc.record({ step: fc.constant('preside' as const), meetingKind: fc.constantFrom('plenary' as const, 'topical' as const, 'liaison' as const, 'working' as const, 'office' as const), roles, delegated: fc.boolean() }),
  fc.record({ step: fc.constant('preside_group_meeting' as const), roles, delegated: fc.boolean() }),
  fc.record({ step: fc.constant('delegate_presiding' as const), meetingKind, roles, toRoles: roles }),
  fc.record({ step: fc.constant('propose_agenda' as const), meetingKind, roles }),
  fc.record({ step: fc.constant('approve_agenda' as const), meetingKind, roles }),
  fc.record({ step: fc.constant('approve_observers' as const), meetingKind, roles, delegated: fc.boolean() }),
  fc.record({ step: fc.constant('attend' as const), meetingKind, attendance: fc.constantFrom(...ATTENDANCE_STATUSES) }),
  fc.record({ step: fc.constant('sign_off_minutes' as const), meetingKind, roles }),
  fc.record({ step: fc.constant('review_document' as const), document, roles }),
  fc.record({ step: fc.constant('sign_document' as const), document, roles }),
  fc.record({ step: fc.constant('set_handling_deadline' as const), workingDays: days, coHandled: fc.boolean() }),
);

/** The kinds of the rules whose sentence is `text` (undefined for rule types without a kind). */
function kindsOfSentence(c: Charter, text: string): Array<CharterMeetingKind | undefined> {
  return c.rules.filter((r) => c.normalizedText.slice(r.source.start, r.source.end) === text).map((r) => ('meetingKind' in r ? r.meetingKind : undefined));
}

describe('charter gates on random charters', () => {
  it('never throw; a refusal names a clause or says it is the default; an allowance is as a held role', () => {
    fc.assert(
      fc.property(charter, request, (c, req) => {
        const decision = decideGate(c, req);
        if (decision.basis.kind === 'rule') {
          const { clause } = decision.basis;
          expect(clause.text.length + (clause.clause?.length ?? 0) + (clause.document?.length ?? 0)).toBeGreaterThan(0);
          expect(clause.text.length).toBeGreaterThan(0);
        } else {
          expect(decision.basis.text.startsWith(`${DEFAULT_PREFIX}：`)).toBe(true);
        }
        if (!decision.allowed) {
          expect(decision.code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
          expect(decision.message.startsWith(decision.basis.kind === 'rule' ? '根据本机构制度，' : `${DEFAULT_PREFIX}，`)).toBe(true);
        } else if (decision.as !== null && 'roles' in req) {
          expect(req.roles).toContain(decision.as);
        }
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('a rule stated for one meeting kind never decides a meeting of another kind', () => {
    // Every rule has a sentence here, so the clause a decision cites leads back to its rules.
    const withSentences = charter.map((c) => ({ ...c, rules: c.rules.map((r) => ({ ...r, source: { start: r.source.start, end: Math.max(r.source.end, r.source.start + 1) } })) }));
    fc.assert(
      fc.property(withSentences, request, (c, req) => {
        const decision = decideGate(c, req);
        if (decision.basis.kind !== 'rule' || !('meetingKind' in req || req.step === 'preside_group_meeting')) return;
        const asked = req.step === 'preside_group_meeting' ? 'group' : req.meetingKind;
        const kinds = kindsOfSentence(c, decision.basis.clause.text);
        // Some rule with this sentence binds the kind: stated for it, generally, or without a kind.
        expect(kinds.some((k) => k === undefined || k === asked || k === 'any')).toBe(true);
        // …and a group's meeting follows a rule of the groups' own where there is one.
        if (req.step === 'preside_group_meeting' && c.rules.some((r) => r.type === 'presider' && r.meetingKind === 'group' && r.roles.length > 0)) {
          expect(kinds).toContain('group');
        }
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});
