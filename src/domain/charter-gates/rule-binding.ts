/**
 * Which of a charter's rules bind a step of a meeting of a kind, and the clause a rule is cited by.
 *
 * Binding by meeting kind: a rule stated for one kind of meeting binds that kind only — it never
 * becomes the rule of another kind; a rule stated generally (meeting kind `any`, or a rule type
 * without a kind) binds every kind that has no rule of its own for the same matter. Pure.
 */
import type { Charter, MeetingKind as CharterMeetingKind, Rule, RuleType } from '../charter/charter-types.ts';
import type { MeetingKind } from '../meetings/meeting-types.ts';
import type { GateClause } from './gate-types.ts';

export type RuleOfType<T extends RuleType> = Extract<Rule, { type: T }>;

/** The meeting kind a rule is stated for; undefined for rule types that name none. */
export function ruleMeetingKind(rule: Rule): CharterMeetingKind | undefined {
  return 'meetingKind' in rule ? rule.meetingKind : undefined;
}

/** A charter's rules of one type (an absent or malformed list reads as none). */
export function rulesOfType<T extends RuleType>(charter: Pick<Charter, 'rules'>, type: T): RuleOfType<T>[] {
  const rules: readonly Rule[] = Array.isArray(charter.rules) ? charter.rules : [];
  return rules.filter((rule): rule is RuleOfType<T> => rule !== null && typeof rule === 'object' && rule.type === type);
}

/**
 * The rules of `type` (those `relevant` to the matter at hand) that bind a meeting of `kind`: those
 * stated for that kind, else those stated generally. Empty when the charter says nothing that binds.
 */
export function bindByKind<T extends RuleType>(
  charter: Pick<Charter, 'rules'>,
  type: T,
  kind: MeetingKind,
  relevant: (rule: RuleOfType<T>) => boolean = () => true,
): RuleOfType<T>[] {
  const ofType = rulesOfType(charter, type).filter(relevant);
  const exact = ofType.filter((rule) => ruleMeetingKind(rule) === kind);
  if (exact.length > 0) return exact;
  return ofType.filter((rule) => {
    const stated = ruleMeetingKind(rule);
    return stated === undefined || stated === 'any';
  });
}

/** The rules of `type` stated for `kind` itself (no general rule binds it). */
export function statedForKind<T extends RuleType>(charter: Pick<Charter, 'rules'>, type: T, kind: MeetingKind): RuleOfType<T>[] {
  return rulesOfType(charter, type).filter((rule) => ruleMeetingKind(rule) === kind);
}

/** The clause a rule is cited by: its document's title, its clause label and its sentence. */
export function clauseOfRule(charter: Pick<Charter, 'documents' | 'normalizedText'>, rule: Rule): GateClause {
  const documents = Array.isArray(charter.documents) ? charter.documents : [];
  const text = typeof charter.normalizedText === 'string' ? charter.normalizedText : '';
  const source = rule.source ?? { start: 0, end: 0 };
  const sentence = text.slice(Math.max(0, source.start), Math.max(0, source.end));
  const clause = typeof rule.clause === 'string' && rule.clause.trim() !== '' ? rule.clause : null;
  return {
    document: documents[rule.document]?.title ?? null,
    clause,
    // A rule always cites something: its sentence, else (a charter stored without it) its clause label.
    text: sentence !== '' ? sentence : (clause ?? '（本条原文缺失）'),
  };
}
