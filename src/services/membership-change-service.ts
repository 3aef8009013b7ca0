/**
 * Membership changes by the charter (成员、联络员调整): a member unit (its liaison or member, for its
 * own unit only) or the office proposes to start a member's or liaison's post, end one, or hand a
 * post over; the body confirms as the charter's `membership_change` rule says (the office, the
 * convener, or the plenary — recorded by the office citing a held plenary meeting or a written
 * basis; the office by default), and only then do the memberships change, on the proposal's date
 * (or the day of confirmation when that is later). Nobody confirms their own proposal; nobody
 * proposes a post for their own person. Every step is audited in its transaction, and the proposal
 * keeps who proposed and decided, as which role, under which clause.
 *
 * Who may act is decided by src/domain/charter-gates/membership-change-gate.ts.
 */
import type { Database, DbOrTx } from '../db/database.ts';
import type { MembershipChangeKind, MembershipChangeStatus } from '../db/schema/membership-changes.ts';
import type { RoleKind } from '../domain/charter/charter-types.ts';
import { membershipChangeBasis } from '../domain/charter-gates/membership-change-gate.ts';
import type { GateBasis, GateRole } from '../domain/charter-gates/gate-types.ts';
import type { MembershipChangeFacts, MembershipConfirmer } from '../domain/charter-gates/membership-change-gate.ts';
import { checkEnd } from '../domain/directory/membership-timeline.ts';
import { personNameKey } from '../domain/directory/unit-name.ts';
import { AppError } from '../errors/app-error.ts';
import { findMeeting } from '../repositories/meeting-repository.ts';
import {
  findMembershipChange,
  insertMembershipChange,
  listMembershipChanges as listChangeRows,
  updateMembershipChange,
} from '../repositories/membership-change-repository.ts';
import type { MembershipChangeRow, MembershipChangeView } from '../repositories/membership-change-repository.ts';
import { findMembershipById, setMembershipEnd } from '../repositories/membership-repository.ts';
import { findPersonById, findPersonInBody, listPeopleOfBody } from '../repositories/person-repository.ts';
import { assertPersonNotAdministrator } from './accounts/administrator-separation.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { currentCharter, membershipActor, requireMembershipChange } from './membership-gate.ts';
import { checkMembershipInput, endProblem, getMembership, insertFromInput } from './membership-service.ts';
import type { MembershipPost, StartMembershipInput } from './membership-service.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';
import { isIsoDate } from '../domain/calendar/iso-date.ts';

/** A proposal; its person (personId, personName) is the one the change makes a holder (start, handover), by id or as named. */
export interface MembershipChangeItem extends MembershipPost {
  id: string;
  bodyId: string;
  kind: MembershipChangeKind;
  status: MembershipChangeStatus;
  membershipId: string | null;
  /** Who holds the post an end or handover concerns */
  holderName: string | null;
  effectiveDate: string;
  reason: string | null;
  proposedBy: { accountId: string; name: string | null; as: GateRole; at: string };
  /** Who confirms by the charter (or by default) */
  confirmer: MembershipConfirmer;
  /** The rule's clause, or the default, the change is made under */
  basis: GateBasis;
  decidedBy: { accountId: string; name: string | null; as: GateRole | null; at: string | null; note: string | null } | null;
  meetingId: string | null;
  startedMembershipId: string | null;
  tookEffectOn: string | null;
}

function toItem(view: MembershipChangeView): MembershipChangeItem {
  return {
    id: view.id,
    bodyId: view.bodyId,
    kind: view.kind,
    status: view.status,
    membershipId: view.membershipId,
    roleKind: view.roleKind,
    title: view.title,
    unitId: view.unitId,
    unitName: view.unitName,
    personId: view.personId,
    personName: view.personName ?? view.currentPersonName,
    position: view.position,
    holderName: view.holderName,
    effectiveDate: view.effectiveDate,
    reason: view.reason,
    proposedBy: { accountId: view.proposedBy, name: view.proposedByName, as: view.proposedAs, at: view.proposedAt.toISOString() },
    confirmer: view.confirmer,
    basis: view.clause,
    decidedBy:
      view.decidedBy === null
        ? null
        : { accountId: view.decidedBy, name: view.decidedByName, as: view.decidedAs, at: view.decidedAt?.toISOString() ?? null, note: view.decisionNote },
    meetingId: view.meetingId,
    startedMembershipId: view.startedMembershipId,
    tookEffectOn: view.tookEffectOn,
  };
}

/** A body's membership change proposals, newest first; optionally only those of a status. */
export async function listMembershipChanges(db: DbOrTx, options: { bodyId: string; status?: MembershipChangeStatus }): Promise<MembershipChangeItem[]> {
  return (await listChangeRows(db, options.bodyId, options.status === undefined ? {} : { status: options.status })).map(toItem);
}

async function changeItem(db: DbOrTx, bodyId: string, id: string): Promise<MembershipChangeItem> {
  const view = (await listChangeRows(db, bodyId)).find((c) => c.id === id);
  if (!view) throw new Error(`membership change ${id} vanished`);
  return toItem(view);
}

function actorOf(origin: AuditOrigin): string {
  if (origin.actorId === null) throw new AppError('unauthenticated', '请先登录');
  return origin.actorId;
}

function nowOf(origin: AuditOrigin): Date {
  if (origin.at === undefined) throw new Error('membership changes need the request clock (origin.at)');
  return origin.at;
}

/**
 * The person a change makes a holder, for the gate's "not one's own person" check: the id given,
 * or — for a name — the acting account's own person when the name is theirs, else the body's
 * person of that name (if any).
 */
async function nomineeOf(
  tx: DbOrTx,
  options: { bodyId: string; personId: string | null; personName: string | null; actorPersonId: string | null },
): Promise<string | null> {
  if (options.personId !== null) return options.personId;
  const key = options.personName === null ? '' : personNameKey(options.personName);
  if (key === '') return null;
  if (options.actorPersonId !== null) {
    const own = await findPersonById(tx, options.actorPersonId);
    if (own && personNameKey(own.name) === key) return own.id;
  }
  return (await findPersonInBody(tx, options.bodyId, key))?.id ?? null;
}

/** What the confirming or refusing gate reads of a pending proposal: its post, and its nominee as `actorPersonId` sees it. */
async function proposalFacts(
  tx: DbOrTx,
  options: { bodyId: string; proposal: MembershipChangeRow; actorPersonId: string | null },
): Promise<MembershipChangeFacts> {
  const { proposal } = options;
  const startsPersonId = await nomineeOf(tx, { bodyId: options.bodyId, personId: proposal.personId, personName: proposal.personName, actorPersonId: options.actorPersonId });
  return { roleKind: proposal.roleKind, unitId: proposal.unitId, startsPersonId, fillsVacancy: false };
}

export type ProposeMembershipChangeInput =
  | {
      kind: 'start';
      roleKind: RoleKind;
      title: string;
      unitId: string | null;
      personId?: string | null;
      personName?: string | null;
      position?: string | null;
      effectiveDate: string;
      reason: string;
    }
  | { kind: 'end'; membershipId: string; effectiveDate: string; reason: string }
  | {
      kind: 'handover';
      membershipId: string;
      personId?: string | null;
      personName?: string | null;
      position?: string | null;
      effectiveDate: string;
      reason: string;
    };

/**
 * A unit or the office proposes a change of a post. Nothing changes in the memberships until the
 * proposal is confirmed. A unit proposes only for its own unit, names no one from outside the body
 * by id (a name makes a person of this body), and never its own person; dates are today or later.
 */
export async function proposeMembershipChange(
  db: Database,
  options: { bodyId: string; input: ProposeMembershipChangeInput; origin: AuditOrigin },
): Promise<MembershipChangeItem> {
  const accountId = actorOf(options.origin);
  const now = nowOf(options.origin);
  const today = shanghaiDateOf(now);
  const input = options.input;
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('reason_required', '请填写调整理由', { field: 'reason' });
  if (!isIsoDate(input.effectiveDate)) throw new AppError('invalid_date', '生效日期格式应为 YYYY-MM-DD', { field: 'effectiveDate' });
  if (input.effectiveDate < today) {
    throw new AppError('effective_date_in_past', '调整建议的生效日期不能早于今天（确认后方才生效）', { field: 'effectiveDate' });
  }
  return db.transaction(async (tx) => {
    const charter = await currentCharter(tx, options.bodyId);
    const actor = await membershipActor(tx, { accountId, bodyId: options.bodyId, day: today });
    let post: { roleKind: RoleKind; title: string; unitId: string | null; position: string | null; membershipId: string | null; fillsVacancy: boolean };
    let personId: string | null = null;
    let personName: string | null = null;
    if (input.kind === 'start') {
      const start: StartMembershipInput = {
        roleKind: input.roleKind,
        title: input.title,
        unitId: input.unitId,
        personId: input.personId ?? null,
        personName: input.personName ?? null,
        position: input.position ?? null,
        validFrom: input.effectiveDate,
      };
      await checkMembershipInput(tx, options.bodyId, start, '');
      post = { roleKind: input.roleKind, title: input.title.trim(), unitId: input.unitId, position: input.position ?? null, membershipId: null, fillsVacancy: false };
      personId = input.personId ?? null;
      personName = input.personName ?? null;
      if (personId === null && (personName === null || personName.trim() === '')) {
        throw new AppError('person_required', '请填写拟任人员', { field: 'personName' });
      }
    } else {
      const current = await getMembership(tx, { bodyId: options.bodyId, membershipId: input.membershipId });
      const problem = checkEnd(current, input.effectiveDate);
      if (problem) throw endProblem(problem, 'effectiveDate');
      post = { roleKind: current.roleKind, title: current.title, unitId: current.unitId, position: current.position, membershipId: current.id, fillsVacancy: current.personId === null };
      if (input.kind === 'handover') {
        personId = input.personId ?? null;
        personName = input.personName ?? null;
        if (personId === null && (personName === null || personName.trim() === '')) {
          throw new AppError('person_required', '请填写继任人员', { field: 'personName' });
        }
        if (input.position !== undefined) post.position = input.position;
      }
    }
    if (personId !== null) {
      if (!(await findPersonById(tx, personId))) throw new AppError('person_not_found', '人员不存在', { field: 'personId' });
    }
    const nominee = await nomineeOf(tx, { bodyId: options.bodyId, personId, personName, actorPersonId: actor.personId });
    const decision = requireMembershipChange(charter, {
      step: 'propose',
      actor,
      change: { roleKind: post.roleKind, unitId: post.unitId, startsPersonId: nominee, fillsVacancy: post.fillsVacancy },
    });
    // 三员分立: a person linked to an administrator account takes no post.
    await assertPersonNotAdministrator(tx, nominee);
    // A unit names a person from outside this body by name only: someone's record elsewhere is no way in.
    if (decision.as !== 'office_staff' && personId !== null) {
      const inBody = (await listPeopleOfBody(tx, options.bodyId)).some((p) => p.id === personId);
      if (!inBody) throw new AppError('person_not_in_body', '只能提名本机构已有人员，或填写拟任人员姓名', { field: 'personId' });
    }
    const { basis } = membershipChangeBasis(charter, post.roleKind);
    const row = await insertMembershipChange(tx, {
      bodyId: options.bodyId,
      kind: input.kind,
      status: 'proposed',
      membershipId: post.membershipId,
      roleKind: post.roleKind,
      title: post.title,
      unitId: post.unitId,
      personId,
      personName: personName?.replace(/\s+/gu, '') ?? null,
      position: post.position,
      effectiveDate: input.effectiveDate,
      reason,
      proposedBy: accountId,
      proposedAs: decision.as ?? 'office_staff',
      proposedAt: now,
      confirmer: decision.confirmer,
      clause: basis,
      decidedBy: null,
      decidedAs: null,
      decidedAt: null,
      decisionNote: null,
      meetingId: null,
      startedMembershipId: null,
      tookEffectOn: null,
    });
    await recordAudit(tx, { ...options.origin, action: 'membership_change.propose', entityType: 'membership_change', entityId: row.id, before: null, after: row });
    return changeItem(tx, options.bodyId, row.id);
  });
}

async function proposalOfBody(tx: DbOrTx, bodyId: string, proposalId: string): Promise<MembershipChangeRow> {
  const row = await findMembershipChange(tx, proposalId, { forUpdate: true });
  if (!row || row.bodyId !== bodyId) throw new AppError('membership_change_not_found', '人员调整建议不存在', { field: 'proposalId' });
  if (row.status !== 'proposed') {
    throw new AppError('membership_change_decided', '该调整建议已经处理', { field: 'proposalId', details: { status: row.status } });
  }
  return row;
}

/** Starts the membership a confirmed start or handover makes: the post given, the proposal's person, from `day`. */
async function startProposedHolder(
  tx: DbOrTx,
  proposal: MembershipChangeRow,
  post: Pick<StartMembershipInput, 'roleKind' | 'title' | 'unitId'>,
  day: string,
): Promise<string> {
  const input: StartMembershipInput = {
    roleKind: post.roleKind,
    title: post.title,
    unitId: post.unitId,
    personId: proposal.personId,
    personName: proposal.personName,
    position: proposal.position,
    validFrom: day,
  };
  await checkMembershipInput(tx, proposal.bodyId, input, '');
  return (await insertFromInput(tx, proposal.bodyId, input)).id;
}

/** Applies a confirmed proposal to the memberships on `day`: the started membership, if any. */
async function applyChange(tx: DbOrTx, proposal: MembershipChangeRow, day: string): Promise<string | null> {
  if (proposal.kind === 'start') return startProposedHolder(tx, proposal, proposal, day);
  const current = proposal.membershipId === null ? null : await findMembershipById(tx, proposal.membershipId);
  if (!current) throw new Error(`membership of change ${proposal.id} vanished`);
  const problem = checkEnd(current, day);
  if (problem) throw endProblem(problem, 'effectiveDate');
  await setMembershipEnd(tx, current.id, day);
  if (proposal.kind === 'end') return null;
  return startProposedHolder(tx, proposal, current, day);
}

/**
 * Confirms a proposal as the charter says, and the change takes effect on its date (the day of
 * confirmation when that is later: nothing takes effect before it is confirmed). A plenary's
 * confirmation is recorded by the office with a held plenary meeting of the body (`meetingId`) or
 * a written basis (`note`). The proposer never confirms their own proposal.
 */
export async function confirmMembershipChange(
  db: Database,
  options: { bodyId: string; proposalId: string; meetingId?: string | null; note?: string | null; origin: AuditOrigin },
): Promise<MembershipChangeItem> {
  const accountId = actorOf(options.origin);
  const now = nowOf(options.origin);
  const today = shanghaiDateOf(now);
  const note = options.note?.trim() || null;
  return db.transaction(async (tx) => {
    const before = await proposalOfBody(tx, options.bodyId, options.proposalId);
    const charter = await currentCharter(tx, options.bodyId);
    const actor = await membershipActor(tx, { accountId, bodyId: options.bodyId, day: today });
    const meetingId = options.meetingId ?? null;
    if (meetingId !== null) {
      const meeting = await findMeeting(tx, meetingId);
      if (!meeting || meeting.bodyId !== options.bodyId) throw new AppError('meeting_not_found', '会议不存在', { field: 'meetingId' });
      if (meeting.kind !== 'plenary' || meeting.status !== 'held') {
        throw new AppError('meeting_not_held_plenary', '确认依据须是本机构已召开的全体会议', { field: 'meetingId' });
      }
    }
    const decision = requireMembershipChange(
      charter,
      {
        step: 'confirm',
        actor,
        change: await proposalFacts(tx, { bodyId: options.bodyId, proposal: before, actorPersonId: actor.personId }),
        proposedByAccountId: before.proposedBy,
        plenaryBasis: meetingId !== null || note !== null,
      },
      'proposalId',
    );
    const day = before.effectiveDate < today ? today : before.effectiveDate;
    // 三员分立: the nominee may have been linked to an administrator account since the proposal.
    if (before.kind !== 'end') await assertPersonNotAdministrator(tx, before.personId);
    const startedMembershipId = await applyChange(tx, before, day);
    const after = await updateMembershipChange(tx, before.id, {
      status: 'confirmed',
      decidedBy: accountId,
      decidedAs: decision.as ?? 'office_staff',
      decidedAt: now,
      decisionNote: note,
      meetingId,
      startedMembershipId,
      tookEffectOn: day,
    });
    await recordAudit(tx, { ...options.origin, action: 'membership_change.confirm', entityType: 'membership_change', entityId: before.id, before, after });
    return changeItem(tx, options.bodyId, before.id);
  });
}

/** Refuses a proposal (退回) with a reason; whoever may confirm may refuse, never the proposer. */
export async function rejectMembershipChange(
  db: Database,
  options: { bodyId: string; proposalId: string; note: string; origin: AuditOrigin },
): Promise<MembershipChangeItem> {
  const accountId = actorOf(options.origin);
  const now = nowOf(options.origin);
  const note = options.note.trim();
  if (note === '') throw new AppError('reason_required', '请填写退回理由', { field: 'note' });
  return db.transaction(async (tx) => {
    const before = await proposalOfBody(tx, options.bodyId, options.proposalId);
    const charter = await currentCharter(tx, options.bodyId);
    const actor = await membershipActor(tx, { accountId, bodyId: options.bodyId, day: shanghaiDateOf(now) });
    const decision = requireMembershipChange(
      charter,
      {
        step: 'reject',
        actor,
        change: await proposalFacts(tx, { bodyId: options.bodyId, proposal: before, actorPersonId: actor.personId }),
        proposedByAccountId: before.proposedBy,
      },
      'proposalId',
    );
    const after = await updateMembershipChange(tx, before.id, { status: 'rejected', decidedBy: accountId, decidedAs: decision.as ?? 'office_staff', decidedAt: now, decisionNote: note });
    await recordAudit(tx, { ...options.origin, action: 'membership_change.reject', entityType: 'membership_change', entityId: before.id, before, after });
    return changeItem(tx, options.bodyId, before.id);
  });
}

/** Who confirms a change of one kind of post, and whether the office records it directly. */
export interface MembershipChangeRuleView {
  roleKind: RoleKind;
  confirmer: MembershipConfirmer;
  officeRecordsDirectly: boolean;
  basis: GateBasis;
}

/**
 * For each kind of post (convener, deputy convener, member, liaison): who confirms a change by the
 * body's current charter (or the default), and whether the office records it directly — what the
 * members tab offers (a direct change, or a proposal waiting for its confirmation). Read-only.
 */
export async function membershipChangeRules(db: DbOrTx, options: { bodyId: string }): Promise<MembershipChangeRuleView[]> {
  const charter = await currentCharter(db, options.bodyId);
  const kinds: RoleKind[] = ['convener', 'deputy_convener', 'member', 'liaison'];
  return kinds.map((roleKind) => {
    const { confirmer, basis } = membershipChangeBasis(charter, roleKind);
    return { roleKind, confirmer, officeRecordsDirectly: confirmer === 'office', basis };
  });
}
