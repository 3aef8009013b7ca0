/**
 * The shapes of the charter gates: the workflow steps a charter governs, what a gate is asked
 * (the step, the meeting kind, the actor's roles on the day) and what it answers (allowed as a
 * role, or refused with a stable code, a Chinese message and the clause — or the system default
 * when the charter is silent). Pure types.
 */
import type { Actor, RuleType } from '../charter/charter-types.ts';
import type { AttendanceStatus, MeetingKind } from '../meetings/meeting-types.ts';

/**
 * A role someone holds in a body on a day, as the gates read it. The same names as the policy's
 * body roles (`office_staff` is the office's role everywhere), plus `group_leader`: the leader of the
 * group whose meeting it is (its lead unit's member, or the group's own 组长).
 */
export const GATE_ROLES = ['convener', 'deputy_convener', 'member', 'liaison', 'office_staff', 'group_leader'] as const;
export type GateRole = (typeof GATE_ROLES)[number];

/** Every step a charter governs. */
export const GATE_STEPS = [
  'preside',
  'preside_group_meeting',
  'delegate_presiding',
  'propose_agenda',
  'approve_agenda',
  'approve_observers',
  'attend',
  'sign_off_minutes',
  'review_document',
  'sign_document',
  'set_handling_deadline',
  'change_membership',
  'change_liaison',
] as const;
export type GateStep = (typeof GATE_STEPS)[number];

/** In whose name an outgoing document is issued, and who initiates it (a group, or the body itself). */
export interface OutgoingDocument {
  issuedInNameOf: 'body' | 'office';
  /** `group` when a group asks for the document (专题组需要以…名义发文); null otherwise */
  initiatedBy: 'group' | null;
}

/** What a gate is asked. `roles` are the actor's roles on the day the step is about. */
export type GateRequest =
  | { step: 'preside'; meetingKind: Exclude<MeetingKind, 'group'>; roles: readonly GateRole[]; delegated: boolean }
  | { step: 'preside_group_meeting'; roles: readonly GateRole[]; delegated: boolean }
  | {
      step: 'delegate_presiding';
      meetingKind: MeetingKind;
      /** The roles of the account delegating */
      roles: readonly GateRole[];
      /** The roles of the membership the presiding is delegated to */
      toRoles: readonly GateRole[];
    }
  | { step: 'propose_agenda'; meetingKind: MeetingKind; roles: readonly GateRole[] }
  | { step: 'approve_agenda'; meetingKind: MeetingKind; roles: readonly GateRole[] }
  | { step: 'approve_observers'; meetingKind: MeetingKind; roles: readonly GateRole[]; delegated: boolean }
  | { step: 'attend'; meetingKind: MeetingKind; attendance: AttendanceStatus }
  | { step: 'sign_off_minutes'; meetingKind: MeetingKind; roles: readonly GateRole[] }
  | { step: 'review_document'; document: OutgoingDocument; roles: readonly GateRole[] }
  | { step: 'sign_document'; document: OutgoingDocument; roles: readonly GateRole[] }
  | { step: 'set_handling_deadline'; workingDays: number; coHandled: boolean };

/** A charter clause as a refusal cites it (the same shape as AppError's clause). */
export interface GateClause {
  /** Title of the charter's document the rule is in */
  document: string | null;
  /** The clause as the document numbers it: 第十一条, 三、工作规则 … */
  clause: string | null;
  /** The sentence of the charter the rule is read from */
  text: string;
}

/** Why a gate answered as it did: a rule of the charter, or the system default for a silent charter. */
export type GateBasis =
  | { kind: 'rule'; ruleType: RuleType; clause: GateClause }
  | { kind: 'default'; /** 本机构制度未规定…，按系统默认规则：… */ text: string };

export type GateDecision =
  | {
      allowed: true;
      /** The role the actor acts as (null for steps that are not about the actor, e.g. attendance) */
      as: GateRole | null;
      basis: GateBasis;
    }
  | {
      allowed: false;
      /** Stable snake_case code, e.g. presider_not_allowed */
      code: string;
      /** 403 (not this actor) or 422 (the charter forbids what is asked) */
      status: 403 | 422;
      /** Chinese message for the user */
      message: string;
      basis: GateBasis;
      /** The request field at fault, where one is */
      field?: string;
    };

/** Who a step allows when the charter is silent, and how that reads. */
export interface GateDefault {
  /** Actors allowed (null: the step does not depend on who acts) */
  actors: readonly Actor[] | null;
  /** Whether a deputy convener needs the convener's delegation under the default */
  deputyNeedsDelegation: boolean;
  /** The default as the user reads it: 由召集人主持，副召集人须经召集人委托 */
  text: string;
}
