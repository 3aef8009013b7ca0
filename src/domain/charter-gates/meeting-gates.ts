/**
 * The meeting gates: who presides (the body's meetings and a group's), who proposes and who
 * approves agenda items, who approves observers (列席), which kinds of attendance a meeting admits
 * (代为出席, 联络员带意见参会), and who signs off the minutes. Each reads the rules that bind the
 * meeting's kind (rule-binding.ts) or, where the charter is silent, the default of its row in
 * gate-table.ts. Pure.
 */
import type { AttendanceRule } from '../charter/charter-types.ts';
import { charterKindName } from '../meetings/meeting-rules.ts';
import type { AttendanceStatus, MeetingKind } from '../meetings/meeting-types.ts';
import { allow, checkActors, defaultBasis, refuse, ruleBasis, type ActorCheck, type GateCharter } from './gate-decisions.ts';
import { charterTitles, describeActors } from './gate-roles.ts';
import { gateRow } from './gate-table.ts';
import type { GateDecision, GateRole } from './gate-types.ts';
import { bindByKind, rulesOfType, statedForKind } from './rule-binding.ts';

function kindName(charter: GateCharter, kind: MeetingKind): string {
  const text = typeof charter.normalizedText === 'string' ? charter.normalizedText : '';
  return charterKindName({ rules: Array.isArray(charter.rules) ? charter.rules : [], normalizedText: text }, kind);
}

/** The presider's check, the same for every presiding gate: refused 422 `presider_not_allowed` on `membershipId`. */
function checkPresider(
  check: Pick<ActorCheck, 'step' | 'charter' | 'rule' | 'allowed' | 'deputyNeedsDelegation' | 'what'>,
  request: { roles: readonly GateRole[]; delegated: boolean },
): GateDecision {
  return checkActors({ ...check, roles: request.roles, delegated: request.delegated, code: 'presider_not_allowed', status: 422, field: 'membershipId' });
}

/** Who presides a meeting of the body (any kind but a group's). */
export function presideGate(
  charter: GateCharter,
  request: { meetingKind: Exclude<MeetingKind, 'group'>; roles: readonly GateRole[]; delegated: boolean },
): GateDecision {
  const rule = bindByKind(charter, 'presider', request.meetingKind, (r) => r.roles.length > 0)[0] ?? null;
  const fallback = gateRow('preside').default;
  return checkPresider(
    {
      step: 'preside',
      charter,
      rule,
      allowed: rule?.roles ?? fallback.actors ?? [],
      deputyNeedsDelegation: rule?.deputyNeedsDelegation ?? fallback.deputyNeedsDelegation,
      what: `主持${kindName(charter, request.meetingKind)}`,
    },
    request,
  );
}

/**
 * Who presides a group's meeting: a rule stated for group meetings (the groups' own rules) binds it
 * alone; else the group's leaders may, and so may whoever presides the body's meetings by its
 * general rule (or by the default: the convener, a deputy convener with delegation).
 */
export function presideGroupMeetingGate(charter: GateCharter, request: { roles: readonly GateRole[]; delegated: boolean }): GateDecision {
  const what = `主持${kindName(charter, 'group')}`;
  const rule = statedForKind(charter, 'presider', 'group').find((r) => r.roles.length > 0) ?? null;
  if (rule !== null) {
    return checkPresider({ step: 'preside_group_meeting', charter, rule, allowed: rule.roles, deputyNeedsDelegation: rule.deputyNeedsDelegation, what }, request);
  }
  if (request.roles.includes('group_leader')) return allow('group_leader', defaultBasis('preside_group_meeting'));
  const general = rulesOfType(charter, 'presider').find((r) => (r.meetingKind === 'any' || r.meetingKind === undefined) && r.roles.length > 0) ?? null;
  const fallback = gateRow('preside').default;
  return checkPresider(
    {
      step: 'preside_group_meeting',
      charter,
      rule: general,
      allowed: [...(general?.roles ?? fallback.actors ?? []), 'group_leader'],
      deputyNeedsDelegation: general?.deputyNeedsDelegation ?? fallback.deputyNeedsDelegation,
      what,
    },
    request,
  );
}

/**
 * Who may delegate presiding a meeting to whom (委托): the convener, to a deputy convener. Where the
 * presider rule of the kind lets no deputy preside at all (会议由组长主持), there is nothing to
 * delegate, and the rule says so.
 */
export function delegatePresidingGate(
  charter: GateCharter,
  request: { meetingKind: MeetingKind; roles: readonly GateRole[]; toRoles: readonly GateRole[] },
): GateDecision {
  const rule =
    request.meetingKind === 'group'
      ? (statedForKind(charter, 'presider', 'group').find((r) => r.roles.length > 0) ??
        rulesOfType(charter, 'presider').find((r) => (r.meetingKind === 'any' || r.meetingKind === undefined) && r.roles.length > 0) ??
        null)
      : (bindByKind(charter, 'presider', request.meetingKind, (r) => r.roles.length > 0)[0] ?? null);
  const basis = rule === null ? defaultBasis('delegate_presiding') : ruleBasis(charter, rule);
  const titles = charterTitles(charter);
  const convener = titles.convener ?? '召集人';
  const deputy = titles.deputy_convener ?? '副召集人';
  if (!request.roles.includes('convener')) {
    return refuse('delegation_by_convener_only', 403, `只有会议当日在任的${convener}本人可以委托${deputy}主持会议`, basis);
  }
  if (!request.toRoles.includes('deputy_convener')) {
    return refuse('delegation_to_deputy_only', 422, `只能委托${deputy}主持会议`, basis, 'toMembershipId');
  }
  if (rule !== null && !rule.roles.includes('deputy_convener')) {
    return refuse('delegation_not_provided', 422, `${kindName(charter, request.meetingKind)}由${describeActors(rule.roles, titles)}主持，不能委托${deputy}主持`, basis, 'toMembershipId');
  }
  return allow('convener', basis);
}

/**
 * The agenda rules of a kind. A sentence that names nobody approving (成员单位可向办公室提出召开会议的
 * 建议, read as such by older imports) is not an approval rule.
 */
function agendaRules(charter: GateCharter, kind: MeetingKind) {
  return bindByKind(charter, 'agenda_approval', kind, (r) => Array.isArray(r.approvedBy) && r.approvedBy.length > 0);
}

/** Who may propose an agenda item: the proposers the rule names, else anyone of the default. */
export function proposeAgendaGate(charter: GateCharter, request: { meetingKind: MeetingKind; roles: readonly GateRole[] }): GateDecision {
  const rule = agendaRules(charter, request.meetingKind).find((r) => r.proposedBy.length > 0) ?? null;
  return checkActors({
    step: 'propose_agenda',
    charter,
    rule,
    allowed: rule?.proposedBy ?? gateRow('propose_agenda').default.actors ?? [],
    deputyNeedsDelegation: false,
    roles: request.roles,
    delegated: false,
    what: `提出${kindName(charter, request.meetingKind)}的议题`,
    code: 'agenda_proposer_not_allowed',
    status: 403,
    field: 'unitId',
  });
}

/** Who approves (or rejects) an agenda item. */
export function approveAgendaGate(charter: GateCharter, request: { meetingKind: MeetingKind; roles: readonly GateRole[] }): GateDecision {
  const rule = agendaRules(charter, request.meetingKind)[0] ?? null;
  return checkActors({
    step: 'approve_agenda',
    charter,
    rule,
    allowed: rule?.approvedBy ?? gateRow('approve_agenda').default.actors ?? [],
    deputyNeedsDelegation: false,
    roles: request.roles,
    delegated: false,
    what: '审核会议议题',
    code: 'agenda_approval_not_allowed',
    status: 403,
  });
}

/** The rule that says who approves observers of a kind, if any. */
export function observerApprovalRuleOf(charter: GateCharter, kind: MeetingKind): AttendanceRule | null {
  return (
    bindByKind(
      charter,
      'attendance',
      kind,
      (r) => r.participantApproval?.participants === 'observers' && Array.isArray(r.participantApproval.approvedBy) && r.participantApproval.approvedBy.length > 0,
    )[0] ?? null
  );
}

/** Who approves (or rejects) a proposed observer (列席). */
export function approveObserversGate(
  charter: GateCharter,
  request: { meetingKind: MeetingKind; roles: readonly GateRole[]; delegated: boolean },
): GateDecision {
  const rule = observerApprovalRuleOf(charter, request.meetingKind);
  const approval = rule?.participantApproval;
  return checkActors({
    step: 'approve_observers',
    charter,
    rule,
    allowed: approval?.approvedBy ?? gateRow('approve_observers').default.actors ?? [],
    deputyNeedsDelegation: approval?.deputyNeedsDelegation ?? false,
    roles: request.roles,
    delegated: request.delegated,
    what: '确定列席人员',
    code: 'observer_approval_not_allowed',
    status: 403,
  });
}

/** An attendance rule that says who attends or how (not only who approves participants). */
function governsAttendance(rule: AttendanceRule): boolean {
  return rule.mandatory || rule.substituteAllowed || rule.liaisonMayBringOpinion || (rule.attendees?.length ?? 0) > 0;
}

/**
 * Which kinds of attendance a meeting of a kind admits. Where the rules that bind the kind say who
 * attends (出席人员为…) or that members must attend, a substitute (代为出席) is admitted only when a
 * rule allows one, and a liaison bringing the unit's opinion only when a rule allows it or lists
 * liaisons among the attendees. Attending, leave and absence are always recorded.
 */
export function attendGate(charter: GateCharter, request: { meetingKind: MeetingKind; attendance: AttendanceStatus }): GateDecision {
  const governing = bindByKind(charter, 'attendance', request.meetingKind, governsAttendance);
  const first = governing[0];
  if (first === undefined) return allow(null, defaultBasis('attend'));
  const name = kindName(charter, request.meetingKind);
  const titles = charterTitles(charter);
  const who = first.attendees !== undefined && first.attendees.length > 0 ? `${name}的出席人员为${describeActors(first.attendees, titles).split('或').join('、')}` : `${name}须由成员本人出席`;
  if (request.attendance === 'substitute') {
    const allowing = governing.find((r) => r.substituteAllowed);
    if (allowing !== undefined) return allow(null, ruleBasis(charter, allowing));
    return refuse('substitute_not_allowed', 422, `${who}，未规定可由他人代为出席`, ruleBasis(charter, first), 'status');
  }
  if (request.attendance === 'liaison_with_opinion') {
    const allowing = governing.find((r) => r.liaisonMayBringOpinion || (r.attendees?.includes('liaison') ?? false));
    if (allowing !== undefined) return allow(null, ruleBasis(charter, allowing));
    return refuse('liaison_with_opinion_not_allowed', 422, `${who}，未规定可由联络员带本单位意见参会`, ruleBasis(charter, first), 'status');
  }
  return allow(null, ruleBasis(charter, first));
}

/** Who signs off (审定 / 签发) the minutes. The sign-off rule names no meeting kind: it binds every meeting. */
export function signOffMinutesGate(charter: GateCharter, request: { meetingKind: MeetingKind; roles: readonly GateRole[] }): GateDecision {
  const rule = rulesOfType(charter, 'minutes_signoff').find((r) => Array.isArray(r.roles) && r.roles.length > 0) ?? null;
  return checkActors({
    step: 'sign_off_minutes',
    charter,
    rule,
    allowed: rule?.roles ?? gateRow('sign_off_minutes').default.actors ?? [],
    deputyNeedsDelegation: false,
    roles: request.roles,
    delegated: false,
    what: rule?.action === 'sign_off' ? '签发会议纪要' : '审定会议纪要',
    code: 'minutes_signoff_not_allowed',
    status: 403,
  });
}
