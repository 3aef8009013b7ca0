/**
 * Charter gate of the steps `change_membership` and `change_liaison`: who proposes, confirms,
 * refuses or directly records a change of a member unit's member or liaison (成员、联络员调整).
 *
 * A change is proposed by the member unit (its liaison or member, for its own unit only) or by the
 * office, and takes effect only once the body confirms it as the charter's `membership_change`
 * rule says: the office (…须与工作专班办公室联系变更), the convener (…报领导小组组长确定) or the plenary
 * (…由所在单位提出，联席会议确定) — the plenary's decision is recorded by the office, citing a held
 * plenary meeting or a written basis. Where the charter is silent the office confirms (the default
 * of the step's row in gate-table.ts, and the decision says it is the default).
 *
 * Nobody confirms or refuses their own proposal, and nobody proposes or confirms a post for their
 * own person. The office records a change directly (without a proposal) only where the office is
 * the confirmer, or where the change fills a seat nobody holds (naming the incumbent of a post the
 * charter set up is not an adjustment of a member).
 *
 * Convener and deputy convener posts are not governed by `membership_change` (they follow the
 * government's appointments): the office records them, by default. Pure.
 */
import type { MembershipChangeRule, RoleKind } from '../charter/charter-types.ts';
import { defaultBasis, refuse, ruleBasis } from './gate-decisions.ts';
import type { GateCharter } from './gate-decisions.ts';
import { DEFAULT_PREFIX } from './gate-table.ts';
import type { GateBasis, GateDecision, GateRole } from './gate-types.ts';
import { rulesOfType } from './rule-binding.ts';

/** Who confirms a change of a post. */
export type MembershipConfirmer = 'office' | 'convener' | 'plenary';

export type MembershipChangeStep = 'propose' | 'confirm' | 'reject' | 'direct';

/** A role the actor holds in the body on the day; a member or liaison holds it for one unit. */
export interface HeldBodyRole {
  role: GateRole;
  unitId: string | null;
}

export interface MembershipChangeActor {
  accountId: string;
  /** The person the account is linked to, if any */
  personId: string | null;
  roles: readonly HeldBodyRole[];
}

export interface MembershipChangeFacts {
  /** The post that changes */
  roleKind: RoleKind;
  /** The member unit of a member or liaison post */
  unitId: string | null;
  /** The person the change makes a holder (a start's person, a handover's successor), if known */
  startsPersonId: string | null;
  /** The change fills a seat nobody holds (a vacancy, or a unit without a holder of that role) */
  fillsVacancy: boolean;
}

export interface MembershipChangeRequest {
  step: MembershipChangeStep;
  actor: MembershipChangeActor;
  change: MembershipChangeFacts;
  /** For confirm and reject: who proposed */
  proposedByAccountId?: string;
  /** For a plenary's confirmation: the office cites a held plenary meeting or a written basis */
  plenaryBasis?: boolean;
}

/** A gate decision, with who confirms such a change by the charter (or by default). */
export type MembershipChangeDecision = GateDecision & { confirmer: MembershipConfirmer };

const CONFIRMER_LABELS: Record<MembershipConfirmer, string> = {
  office: '办公室',
  convener: '召集人',
  plenary: '全体会议',
};

/**
 * Who a rule's `confirmedBy` names: an office (…办公室), the convener (…组长 / …召集人, e.g.
 * 领导小组组长) or otherwise the body itself (联席会议, 领导小组 …), i.e. its plenary.
 */
export function confirmerOf(confirmedBy: string): MembershipConfirmer {
  if (/办公室/u.test(confirmedBy)) return 'office';
  if (/组长|召集人/u.test(confirmedBy)) return 'convener';
  return 'plenary';
}

/** The rule governing a change of a `roleKind` post, or null when the charter says nothing. */
export function membershipChangeRule(charter: GateCharter, roleKind: RoleKind): MembershipChangeRule | null {
  if (roleKind !== 'member' && roleKind !== 'liaison') return null;
  const rules = rulesOfType(charter, 'membership_change').filter((r) => r.subject === 'member');
  if (roleKind === 'liaison') return rules.find((r) => r.post === 'liaison') ?? null;
  return rules.find((r) => r.post === undefined) ?? null;
}

/** The confirmer and basis for a change of a `roleKind` post: the charter's rule, or the default (the office). */
export function membershipChangeBasis(charter: GateCharter, roleKind: RoleKind): { confirmer: MembershipConfirmer; basis: GateBasis } {
  const rule = membershipChangeRule(charter, roleKind);
  if (rule !== null) return { confirmer: confirmerOf(rule.confirmedBy), basis: ruleBasis(charter, rule) };
  if (roleKind === 'member') return { confirmer: 'office', basis: defaultBasis('change_membership') };
  if (roleKind === 'liaison') return { confirmer: 'office', basis: defaultBasis('change_liaison') };
  return { confirmer: 'office', basis: { kind: 'default', text: `${DEFAULT_PREFIX}：召集人、副召集人的任免由办公室据任免文件登记` } };
}

function holds(actor: MembershipChangeActor, role: GateRole): boolean {
  return actor.roles.some((r) => r.role === role);
}

/** Decides one step of a change of a post, as the charter (or the default) says. Never throws. */
export function membershipChangeGate(charter: GateCharter, request: MembershipChangeRequest): MembershipChangeDecision {
  const { actor, change } = request;
  const { confirmer, basis } = membershipChangeBasis(charter, change.roleKind);
  const allowAs = (as: GateRole): MembershipChangeDecision => ({ allowed: true, as, basis, confirmer });
  const refuseWith = (code: string, status: 403 | 422, message: string, field?: string): MembershipChangeDecision => ({
    ...refuse(code, status, message, basis, field),
    confirmer,
  });
  const unitPost = change.roleKind === 'member' || change.roleKind === 'liaison';
  const ownPerson = actor.personId !== null && change.startsPersonId !== null && actor.personId === change.startsPersonId;

  switch (request.step) {
    case 'propose': {
      if (ownPerson) return refuseWith('membership_self_nomination', 422, '不能提出由本人任职的调整建议，须由本单位其他人员或办公室提出', 'personId');
      if (holds(actor, 'office_staff')) return allowAs('office_staff');
      const unitRole = unitPost
        ? actor.roles.find((r) => (r.role === 'liaison' || r.role === 'member') && r.unitId !== null && r.unitId === change.unitId)
        : undefined;
      if (unitRole !== undefined) return allowAs(unitRole.role);
      return refuseWith('membership_proposer_not_allowed', 403, '人员调整由所在成员单位（限本单位）或办公室提出');
    }
    case 'confirm':
    case 'reject': {
      const verb = request.step === 'confirm' ? '确认' : '退回';
      if (request.proposedByAccountId !== undefined && request.proposedByAccountId === actor.accountId) {
        return refuseWith('membership_own_proposal', 403, `不能${verb}本人提出的调整建议`);
      }
      if (ownPerson) return refuseWith('membership_own_post', 403, `不能${verb}由本人任职的调整`);
      if (confirmer === 'office' && holds(actor, 'office_staff')) return allowAs('office_staff');
      if (confirmer === 'convener' && holds(actor, 'convener')) return allowAs('convener');
      if (confirmer === 'plenary' && holds(actor, 'office_staff')) {
        // The plenary decides in session; the office records its decision, with the basis.
        if (request.step === 'reject' || request.plenaryBasis === true) return allowAs('office_staff');
        return refuseWith(
          'membership_plenary_basis_required',
          422,
          '人员调整由全体会议确定，办公室登记确认时须注明已召开的全体会议或书面依据',
          'meetingId',
        );
      }
      return refuseWith('membership_confirmer_not_allowed', 403, `人员调整须由${CONFIRMER_LABELS[confirmer]}${verb}`);
    }
    case 'direct': {
      if (!holds(actor, 'office_staff')) return refuseWith('membership_direct_office_only', 403, '只有办公室可以直接登记任职变动，其他人员请提交调整建议');
      if (ownPerson) return refuseWith('membership_own_post', 403, '不能直接登记由本人任职的变动', 'personId');
      if (confirmer === 'office' || change.fillsVacancy) return allowAs('office_staff');
      return refuseWith('membership_change_needs_confirmation', 422, `人员调整须经${CONFIRMER_LABELS[confirmer]}确认后生效，请提交调整建议`);
    }
  }
}
