/**
 * Memberships over time: who holds which role of a body (convener, deputy convener, member,
 * liaison), for which member unit, from when to when. "Who was the convener on 2020-07-22" and
 * "who is it now" are both `listMemberships` with a date. Periods are half-open
 * `[validFrom, validTo)`: see src/domain/directory/membership-timeline.ts.
 */
import type { Database, DbOrTx } from '../db/database.ts';
import type { Role, RoleKind } from '../domain/charter/charter-types.ts';
import type { MembershipChangeFacts } from '../domain/charter-gates/membership-change-gate.ts';
import { checkEnd, checkPeriod } from '../domain/directory/membership-timeline.ts';
import { planSync, rosterKey } from '../domain/directory/roster-sync.ts';
import type { RosterEntry } from '../domain/directory/roster-sync.ts';
import { AppError } from '../errors/app-error.ts';
import { listBodyUnits, findUnitById } from '../repositories/unit-repository.ts';
import {
  deleteMembership,
  findMembershipById,
  insertMembership,
  listMembershipsOfBody,
  setMembershipEnd,
} from '../repositories/membership-repository.ts';
import type { MembershipRow, MembershipView } from '../repositories/membership-repository.ts';
import { findPersonById } from '../repositories/person-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { currentCharter, membershipActor, requireMembershipChange } from './membership-gate.ts';
import { PersonResolver } from './person-service.ts';
import { assertPersonNotAdministrator } from './accounts/administrator-separation.ts';
import type { UnitResolver } from './unit-service.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';
import { isIsoDate } from '../domain/calendar/iso-date.ts';

/** A post and its holder as a membership and a membership change both list them. */
export interface MembershipPost {
  roleKind: RoleKind;
  /** The charter's own title of the post (召集人, 组长, 成员 …) */
  title: string;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
  position: string | null;
}

export interface MembershipItem extends MembershipPost {
  id: string;
  bodyId: string;
  validFrom: string;
  validTo: string | null;
  /** The charter version the membership came from; null when the office entered it */
  sourceCharterVersionId: string | null;
  /** No person named yet: a post for the office to fill */
  vacant: boolean;
}

export function toMembershipItem(view: MembershipView): MembershipItem {
  return {
    id: view.id,
    bodyId: view.bodyId,
    roleKind: view.roleKind,
    title: view.title,
    unitId: view.unitId,
    unitName: view.unitName,
    personId: view.personId,
    personName: view.personName,
    position: view.position,
    validFrom: view.validFrom,
    validTo: view.validTo,
    sourceCharterVersionId: view.sourceCharterVersionId,
    vacant: view.personId === null,
  };
}

/** A body's memberships; with `at` (ISO date) only those holding on that day. */
export async function listMemberships(
  db: DbOrTx,
  options: { bodyId: string; at?: string; roleKind?: RoleKind; unitId?: string },
): Promise<MembershipItem[]> {
  if (options.at !== undefined && !isIsoDate(options.at)) {
    throw new AppError('invalid_date', '日期格式应为 YYYY-MM-DD', { field: 'at' });
  }
  const rows = await listMembershipsOfBody(db, options.bodyId, {
    ...(options.at !== undefined ? { at: options.at } : {}),
    ...(options.roleKind !== undefined ? { roleKind: options.roleKind } : {}),
    ...(options.unitId !== undefined ? { unitId: options.unitId } : {}),
  });
  return rows.map(toMembershipItem);
}

/** One membership of the body, or a 404. */
export async function getMembership(db: DbOrTx, options: { bodyId: string; membershipId: string }): Promise<MembershipRow> {
  const row = await findMembershipById(db, options.membershipId);
  if (!row || row.bodyId !== options.bodyId) {
    throw new AppError('membership_not_found', '成员任职记录不存在', { field: 'membershipId' });
  }
  return row;
}

export async function membershipItem(db: DbOrTx, bodyId: string, id: string): Promise<MembershipItem> {
  const view = (await listMembershipsOfBody(db, bodyId)).find((m) => m.id === id);
  if (!view) throw new Error(`membership ${id} vanished`);
  return toMembershipItem(view);
}

/** Stored membership as a roster entry, for matching against a charter's roles. */
function storedRosterEntry(view: MembershipView): RosterEntry {
  return { kind: view.roleKind, title: view.title, person: view.personName, position: view.position, unit: view.unitName };
}

/**
 * Brings the body's memberships in line with a new charter: roles the new charter drops (compared
 * with the previous charter) end on `effectiveDate`, roles it adds start then; roles both state are
 * left as they are (the office may have changed them since). Without a previous charter every role
 * starts. A role without a person is a vacancy (person null).
 */
export async function applyRosterChanges(
  tx: DbOrTx,
  options: {
    bodyId: string;
    previousRoles: readonly Role[];
    nextRoles: readonly Role[];
    effectiveDate: string;
    charterVersionId: string;
    units: UnitResolver;
  },
): Promise<{ started: number; ended: number }> {
  const plan = planSync(options.previousRoles, options.nextRoles, rosterKey, rosterKey);
  let ended = 0;
  if (plan.end.length > 0) {
    const holding = (await listMembershipsOfBody(tx, options.bodyId)).filter((m) => m.validTo === null && m.sourceCharterVersionId !== null);
    const endPlan = planSync(holding, plan.end, (m) => rosterKey(storedRosterEntry(m)), rosterKey);
    for (const { current } of endPlan.keep) {
      if (options.effectiveDate > current.validFrom) await setMembershipEnd(tx, current.id, options.effectiveDate);
      else await deleteMembership(tx, current.id);
      ended += 1;
    }
  }
  const people = new PersonResolver(tx, options.bodyId);
  for (const role of plan.start) {
    const unit = role.unit === null ? null : await options.units.resolve(role.unit);
    const person = role.person === null ? null : await people.resolve(role.person);
    await insertMembership(tx, {
      bodyId: options.bodyId,
      roleKind: role.kind,
      title: role.title,
      unitId: unit?.id ?? null,
      personId: person?.id ?? null,
      position: role.position,
      validFrom: options.effectiveDate,
      validTo: null,
      sourceCharterVersionId: options.charterVersionId,
    });
  }
  return { started: plan.start.length, ended };
}

export interface StartMembershipInput {
  roleKind: RoleKind;
  title: string;
  unitId: string | null;
  /** An existing person of the body … */
  personId?: string | null;
  /** … or a name (a person of the body with this name is reused, else created) */
  personName?: string | null;
  position: string | null;
  validFrom: string;
  validTo?: string | null;
}

/** Checks a membership to start: dates, unit (a member unit for members and liaisons) and person. */
export async function checkMembershipInput(tx: DbOrTx, bodyId: string, input: StartMembershipInput, fieldPrefix: string): Promise<void> {
  const problem = checkPeriod({ validFrom: input.validFrom, validTo: input.validTo ?? null });
  if (problem === 'invalid_from') throw new AppError('invalid_date', '开始日期格式应为 YYYY-MM-DD', { field: `${fieldPrefix}validFrom` });
  if (problem === 'invalid_to') throw new AppError('invalid_date', '结束日期格式应为 YYYY-MM-DD', { field: `${fieldPrefix}validTo` });
  if (problem === 'ends_before_start') {
    throw new AppError('period_ends_before_start', '结束日期应晚于开始日期', { field: `${fieldPrefix}validTo` });
  }
  if ((input.roleKind === 'member' || input.roleKind === 'liaison') && input.unitId === null) {
    throw new AppError('unit_required', '成员和联络员须指明所代表的成员单位', { field: `${fieldPrefix}unitId` });
  }
  if (input.unitId !== null) {
    if (input.roleKind === 'member' || input.roleKind === 'liaison') {
      // A member or liaison represents one of the body's member units.
      const units = await listBodyUnits(tx, bodyId);
      if (!units.some((u) => u.unitId === input.unitId)) {
        throw new AppError('unit_not_member', '该单位不是本机构的成员单位', { field: `${fieldPrefix}unitId` });
      }
    } else if (!(await findUnitById(tx, input.unitId))) {
      // A convener or deputy holds a post in a unit that need not be a member unit (市政府, 市政府办公室).
      throw new AppError('unit_not_found', '单位不存在', { field: `${fieldPrefix}unitId` });
    }
  }
  if (input.personId) {
    const person = await findPersonById(tx, input.personId);
    if (!person) throw new AppError('person_not_found', '人员不存在', { field: `${fieldPrefix}personId` });
    // 三员分立: a person linked to an administrator account holds no body role (the database's trigger is the last line).
    await assertPersonNotAdministrator(tx, input.personId, `${fieldPrefix}personId`);
  }
}

/** Starts a membership as checked (a named person of the body is reused, else created). */
export async function insertFromInput(tx: DbOrTx, bodyId: string, input: StartMembershipInput): Promise<MembershipRow> {
  let personId = input.personId ?? null;
  if (personId === null && input.personName) {
    const person = await new PersonResolver(tx, bodyId).resolve(input.personName);
    personId = person?.id ?? null;
  }
  return insertMembership(tx, {
    bodyId,
    roleKind: input.roleKind,
    title: input.title.trim(),
    unitId: input.unitId,
    personId,
    position: input.position,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    sourceCharterVersionId: null,
  });
}

/** Whether nobody (with a name) holds the unit's `roleKind` post on `day`: a start then fills a seat. */
export async function seatIsVacant(tx: DbOrTx, options: { bodyId: string; roleKind: RoleKind; unitId: string | null; day: string }): Promise<boolean> {
  const holding = await listMembershipsOfBody(tx, options.bodyId, {
    at: options.day,
    roleKind: options.roleKind,
    ...(options.unitId === null ? {} : { unitId: options.unitId }),
  });
  return holding.every((m) => m.personId === null);
}

/**
 * The office records a change directly (without a proposal): only where the charter lets the
 * office confirm such a change, or where it fills a seat nobody holds (gate
 * src/domain/charter-gates/membership-change-gate.ts). Calls without an acting account (the
 * system's own import) are not gated.
 */
async function gateDirectChange(tx: DbOrTx, options: { bodyId: string; origin: AuditOrigin; change: MembershipChangeFacts }): Promise<Record<string, unknown>> {
  if (options.origin.actorId === null) return {};
  const day = shanghaiDateOf(options.origin.at);
  const charter = await currentCharter(tx, options.bodyId);
  const actor = await membershipActor(tx, { accountId: options.origin.actorId, bodyId: options.bodyId, day });
  const decision = requireMembershipChange(charter, { step: 'direct', actor, change: options.change });
  return { recordedAs: decision.as, confirmer: decision.confirmer, basis: decision.basis, fillsVacancy: options.change.fillsVacancy };
}

/** Looks up the person a start names by id, for the gate (the name is resolved later). */
function startsPersonId(input: { personId?: string | null }): string | null {
  return input.personId ?? null;
}

/**
 * Starts a membership directly (the office records a new member, liaison or convener), where the
 * charter lets the office decide; otherwise it is a proposal to confirm (membership-change-service).
 */
export async function startMembership(
  db: Database,
  options: { bodyId: string; input: StartMembershipInput; reason?: string | null; origin: AuditOrigin },
): Promise<MembershipItem> {
  return db.transaction(async (tx) => {
    await checkMembershipInput(tx, options.bodyId, options.input, '');
    const fillsVacancy = await seatIsVacant(tx, { bodyId: options.bodyId, roleKind: options.input.roleKind, unitId: options.input.unitId, day: options.input.validFrom });
    const basis = await gateDirectChange(tx, {
      bodyId: options.bodyId,
      origin: options.origin,
      change: { roleKind: options.input.roleKind, unitId: options.input.unitId, startsPersonId: startsPersonId(options.input), fillsVacancy },
    });
    const row = await insertFromInput(tx, options.bodyId, options.input);
    await recordAudit(tx, {
      ...options.origin,
      action: 'membership.start',
      entityType: 'membership',
      entityId: row.id,
      before: null,
      after: { ...row, direct: { ...basis, reason: options.reason ?? null } },
    });
    return membershipItem(tx, options.bodyId, row.id);
  });
}

export function endProblem(problem: NonNullable<ReturnType<typeof checkEnd>>, field: string): AppError {
  switch (problem) {
    case 'invalid_date':
      return new AppError('invalid_date', '日期格式应为 YYYY-MM-DD', { field });
    case 'already_ended':
      return new AppError('membership_already_ended', '该任职已经结束', { field: 'membershipId' });
    case 'before_start':
      return new AppError('end_before_start', '结束日期应晚于任职开始日期', { field });
  }
}

/** Ends a membership on `validTo` (the first day it no longer holds). */
export async function endMembership(
  db: Database,
  options: { bodyId: string; membershipId: string; validTo: string; reason?: string | null; origin: AuditOrigin },
): Promise<MembershipItem> {
  return db.transaction(async (tx) => {
    const before = await getMembership(tx, options);
    const problem = checkEnd(before, options.validTo);
    if (problem) throw endProblem(problem, 'validTo');
    const basis = await gateDirectChange(tx, {
      bodyId: options.bodyId,
      origin: options.origin,
      change: { roleKind: before.roleKind, unitId: before.unitId, startsPersonId: null, fillsVacancy: before.personId === null },
    });
    await setMembershipEnd(tx, before.id, options.validTo);
    const after = { ...before, validTo: options.validTo, direct: { ...basis, reason: options.reason ?? null } };
    await recordAudit(tx, { ...options.origin, action: 'membership.end', entityType: 'membership', entityId: before.id, before, after });
    return membershipItem(tx, options.bodyId, before.id);
  });
}

/**
 * Changes who holds a post: ends the membership on `date` and starts its successor on the same
 * day, with the same role, title and unit unless the change says otherwise.
 */
export async function changeMembership(
  db: Database,
  options: {
    bodyId: string;
    membershipId: string;
    date: string;
    successor: { personId?: string | null; personName?: string | null; position?: string | null; title?: string };
    reason?: string | null;
    origin: AuditOrigin;
  },
): Promise<{ ended: MembershipItem; started: MembershipItem }> {
  return db.transaction(async (tx) => {
    const before = await getMembership(tx, options);
    const problem = checkEnd(before, options.date);
    if (problem) throw endProblem(problem, 'date');
    const basis = await gateDirectChange(tx, {
      bodyId: options.bodyId,
      origin: options.origin,
      change: { roleKind: before.roleKind, unitId: before.unitId, startsPersonId: options.successor.personId ?? null, fillsVacancy: before.personId === null },
    });
    const input: StartMembershipInput = {
      roleKind: before.roleKind,
      title: options.successor.title ?? before.title,
      unitId: before.unitId,
      personId: options.successor.personId ?? null,
      personName: options.successor.personName ?? null,
      position: options.successor.position === undefined ? before.position : options.successor.position,
      validFrom: options.date,
      validTo: null,
    };
    await checkMembershipInput(tx, options.bodyId, input, '');
    await setMembershipEnd(tx, before.id, options.date);
    const started = await insertFromInput(tx, options.bodyId, input);
    await recordAudit(tx, {
      ...options.origin,
      action: 'membership.change',
      entityType: 'membership',
      entityId: before.id,
      before,
      after: { ended: { ...before, validTo: options.date }, started, direct: { ...basis, reason: options.reason ?? null } },
    });
    return { ended: await membershipItem(tx, options.bodyId, before.id), started: await membershipItem(tx, options.bodyId, started.id) };
  });
}
