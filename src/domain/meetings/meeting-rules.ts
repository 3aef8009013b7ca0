/**
 * Reading a charter's meeting rules: which rule governs a meeting of a kind, the clause to cite when
 * it forbids something, the charter's own name for a meeting kind, and whether a role the rule names
 * is held. Pure: no I/O.
 */
import type {
  Actor,
  AgendaApprovalRule,
  AttendanceRule,
  Charter,
  MeetingKind as CharterMeetingKind,
  MinutesDistributionRule,
  MinutesSignoffRule,
  PreMeetingRule,
  PresiderRule,
  Rule,
} from '../charter/charter-types.ts';
import { ACTOR_LABELS, GATE_ROLE_LABELS, ROLE_ACTS_AS, charterTitles, describeActors } from '../charter-gates/gate-roles.ts';
import type { GateRole } from '../charter-gates/gate-types.ts';
import { bindByKind } from '../charter-gates/rule-binding.ts';
import type { MeetingKind } from './meeting-types.ts';

export { ACTOR_LABELS, describeActors };

/** The charter clause behind a rule, as a refusal cites it (same shape as AppError's clause). */
export interface RuleClause {
  document: string | null;
  clause: string | null;
  text: string;
}

export function clauseOf(charter: Pick<Charter, 'documents' | 'normalizedText'>, rule: Rule): RuleClause {
  return {
    document: charter.documents[rule.document]?.title ?? null,
    clause: rule.clause,
    text: charter.normalizedText.slice(rule.source.start, rule.source.end),
  };
}

type RuleOfType<T extends Rule['type']> = Extract<Rule, { type: T }>;

function ruleKind(rule: Rule): CharterMeetingKind | undefined {
  return 'meetingKind' in rule ? rule.meetingKind : undefined;
}

/**
 * The rules of a type that govern a meeting of `kind`: those stated for that kind, else those
 * stated for any meeting (or for no kind in particular). Empty when the charter says nothing.
 * (The binding of the charter gates: src/domain/charter-gates/rule-binding.ts.)
 */
export function rulesFor<T extends Rule['type']>(charter: Pick<Charter, 'rules'>, type: T, kind: MeetingKind): RuleOfType<T>[] {
  return bindByKind(charter, type, kind);
}

export function presiderRule(charter: Pick<Charter, 'rules'>, kind: MeetingKind): PresiderRule | null {
  return rulesFor(charter, 'presider', kind)[0] ?? null;
}

export function agendaApprovalRule(charter: Pick<Charter, 'rules'>, kind: MeetingKind): AgendaApprovalRule | null {
  return rulesFor(charter, 'agenda_approval', kind)[0] ?? null;
}

/** The attendance rule that makes attendance mandatory for the kind, if any. */
export function mandatoryAttendanceRule(charter: Pick<Charter, 'rules'>, kind: MeetingKind): AttendanceRule | null {
  return rulesFor(charter, 'attendance', kind).find((rule) => rule.mandatory) ?? null;
}

/** The attendance rule that says who approves observers (列席) of the kind, if any. */
export function observerApprovalRule(charter: Pick<Charter, 'rules'>, kind: MeetingKind): AttendanceRule | null {
  return rulesFor(charter, 'attendance', kind).find((rule) => rule.participantApproval?.participants === 'observers') ?? null;
}

export function preMeetingRule(charter: Pick<Charter, 'rules'>, kind: MeetingKind): PreMeetingRule | null {
  return charter.rules.find((rule): rule is PreMeetingRule => rule.type === 'pre_meeting' && rule.meetingKind === kind) ?? null;
}

export function minutesSignoffRule(charter: Pick<Charter, 'rules'>): MinutesSignoffRule | null {
  return charter.rules.find((rule): rule is MinutesSignoffRule => rule.type === 'minutes_signoff') ?? null;
}

export function minutesDistributionRule(charter: Pick<Charter, 'rules'>): MinutesDistributionRule | null {
  return charter.rules.find((rule): rule is MinutesDistributionRule => rule.type === 'minutes_distribution') ?? null;
}

/** What the charter may call each kind of meeting, most specific first. */
const KIND_WORDS: Record<MeetingKind, readonly string[]> = {
  plenary: ['全体成员会议', '全体会议'],
  topical: ['专题协调会议', '专题研究会议', '专题会议'],
  liaison: ['联络员会议'],
  working: ['工作会议', '办公室会议'],
  office: ['办公室会议', '工作会议'],
  group: ['专题组会议', '工作组会议', '全体会议', '专题会议'],
};

/** The name used when the charter does not name the kind itself. */
export const DEFAULT_KIND_NAMES: Record<MeetingKind, string> = {
  plenary: '全体会议',
  topical: '专题会议',
  liaison: '联络员会议',
  working: '工作会议',
  office: '办公室会议',
  group: '专题组会议',
};

/**
 * The charter's own name for a meeting kind: the word its rules about that kind use most often
 * (ties go to the more specific word).
 */
export function charterKindName(charter: Pick<Charter, 'rules' | 'normalizedText'>, kind: MeetingKind): string {
  const texts = charter.rules
    .filter((rule) => ruleKind(rule) === kind)
    .map((rule) => charter.normalizedText.slice(rule.source.start, rule.source.end));
  let best: { word: string; count: number } | null = null;
  for (const word of KIND_WORDS[kind]) {
    const count = texts.reduce((sum, text) => sum + text.split(word).length - 1, 0);
    if (count > 0 && (best === null || count > best.count)) best = { word, count };
  }
  return best?.word ?? DEFAULT_KIND_NAMES[kind];
}

/** A role someone holds for the purpose of a rule check: the charter gates' roles (office staff is `office_staff`). */
export type HeldRole = GateRole;

/** The first held role that the rule's actor list allows, or null. */
export function allowedRole(allowed: readonly Actor[], held: readonly HeldRole[]): HeldRole | null {
  return held.find((role) => ROLE_ACTS_AS[role].some((actor) => allowed.includes(actor))) ?? null;
}

/**
 * The title of the role someone acted as (minutes signed off as, an agenda item decided as), in the
 * charter's own words where it has them (组长). Older records say `office` for the office's staff.
 */
export function actedAsTitle(charter: Pick<Charter, 'roles'>, role: string): string | null {
  const titles = charterTitles(charter);
  if (role in titles) return titles[role as Actor] ?? null;
  if (role in GATE_ROLE_LABELS) return GATE_ROLE_LABELS[role as GateRole];
  if (role in ACTOR_LABELS) return ACTOR_LABELS[role as Actor];
  return null;
}
