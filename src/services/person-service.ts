/**
 * People: the persons who hold roles in bodies. A name is not an identity across bodies, so a
 * person is reused only within one body (the same name twice in one roster is one person); a
 * person sitting in several bodies is linked by the office, through the account they sign in with.
 */
import type { Database, DbOrTx } from '../db/database.ts';
import type { PersonCandidate, PersonDetailResponse, PersonSummary } from '../contracts/people.ts';
import type { RoleKind } from '../domain/charter/charter-types.ts';
import { personNameKey } from '../domain/directory/unit-name.ts';
import { AppError } from '../errors/app-error.ts';
import { findBodiesByIds } from '../repositories/body-repository.ts';
import { listMembershipsOfPerson } from '../repositories/membership-repository.ts';
import type { MembershipView } from '../repositories/membership-repository.ts';
import { listAccountsOfPerson } from '../repositories/account-repository.ts';
import {
  findPeopleWithAccounts,
  findPersonById,
  findPersonInBody,
  insertPerson,
  listPeopleOfBody,
  searchPeople as searchPeopleRows,
  searchPeopleByName,
} from '../repositories/person-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import type { PersonRow } from '../repositories/person-repository.ts';

/** Resolves people by name within one body during one transaction. */
export class PersonResolver {
  private readonly cache = new Map<string, PersonRow>();
  constructor(
    private readonly db: DbOrTx,
    private readonly bodyId: string,
  ) {}

  /** The body's person of this name, created when the body has none. Null for a blank name. */
  async resolve(name: string): Promise<PersonRow | null> {
    const key = personNameKey(name);
    if (key === '') return null;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const row = (await findPersonInBody(this.db, this.bodyId, key)) ?? (await insertPerson(this.db, { name: key, normalizedName: key }));
    this.cache.set(key, row);
    return row;
  }
}

/** People who hold or held a membership of the body. */
export async function listBodyPeople(db: DbOrTx, options: { bodyId: string }): Promise<PersonSummary[]> {
  return (await listPeopleOfBody(db, options.bodyId)).map((p) => ({ id: p.id, name: p.name }));
}

/**
 * A person with their memberships in the bodies the reader may see (`mayRead`). A person with no
 * membership in any of those bodies is not found (404), so that nobody outside a body learns who
 * sits in it.
 */
export async function getPerson(db: DbOrTx, options: { personId: string; mayRead: (bodyId: string) => Promise<boolean> }): Promise<PersonDetailResponse> {
  const notFound = new AppError('person_not_found', '人员不存在或无权查看', { field: 'personId' });
  const person = await findPersonById(db, options.personId);
  if (!person) throw notFound;
  const all = await listMembershipsOfPerson(db, person.id);
  const readable = new Set<string>();
  for (const bodyId of new Set(all.map((m) => m.bodyId))) if (await options.mayRead(bodyId)) readable.add(bodyId);
  const memberships = all.filter((m) => readable.has(m.bodyId));
  if (memberships.length === 0) throw notFound;
  const bodies = new Map((await findBodiesByIds(db, [...new Set(memberships.map((m) => m.bodyId))])).map((b) => [b.id, b]));
  return {
    id: person.id,
    name: person.name,
    memberships: memberships.map((m) => ({
      id: m.id,
      bodyId: m.bodyId,
      bodyName: bodies.get(m.bodyId)?.name ?? '',
      roleKind: m.roleKind,
      title: m.title,
      unitId: m.unitId,
      unitName: m.unitName,
      position: m.position,
      validFrom: m.validFrom,
      validTo: m.validTo,
    })),
  };
}

/** A post of a person as the people lists show it: its body by name (`bodyNames`: body id → name). */
function membershipItem(m: MembershipView, bodyNames: ReadonlyMap<string, string>) {
  return { bodyId: m.bodyId, bodyName: bodyNames.get(m.bodyId) ?? '', roleKind: m.roleKind, title: m.title, unitName: m.unitName, validFrom: m.validFrom, validTo: m.validTo };
}

/**
 * People for linking an account (security administrator): those whose name, or a unit they hold
 * or held a membership for, matches `search`; each with their memberships in every body and the
 * accounts already linked to them.
 */
export async function searchPeople(db: DbOrTx, options: { search?: string | undefined; limit: number }): Promise<PersonCandidate[]> {
  const rows = await searchPeopleRows(db, options);
  const items: PersonCandidate[] = [];
  const held = new Map<string, Awaited<ReturnType<typeof listMembershipsOfPerson>>>();
  for (const row of rows) held.set(row.id, await listMembershipsOfPerson(db, row.id));
  const bodyIds = [...new Set([...held.values()].flat().map((m) => m.bodyId))];
  const bodies = new Map((await findBodiesByIds(db, bodyIds)).map((b) => [b.id, b.name]));
  for (const row of rows) {
    const linked = await listAccountsOfPerson(db, row.id);
    items.push({
      id: row.id,
      name: row.name,
      memberships: (held.get(row.id) ?? []).map((m) => ({ id: m.id, ...membershipItem(m, bodies) })),
      accounts: linked.map((a) => ({ id: a.id, username: a.username })),
    });
  }
  return items;
}

/** A person as the office's picker offers one for a post (see `findPersonChoices`). */
export interface PersonChoice extends PersonSummary {
  memberships: {
    bodyId: string;
    bodyName: string;
    roleKind: RoleKind;
    title: string;
    unitName: string | null;
    validFrom: string;
    validTo: string | null;
  }[];
  hasAccount: boolean;
}

/** How many people of a name search are looked at for one page of choices (the rest are filtered out). */
const CHOICE_SCAN_FACTOR = 4;

/**
 * The persons the office may pick as a post's holder (issue 15): those whose name contains
 * `search` and who either hold or held a membership in a body the reader may see (`mayRead`), hold
 * no membership anywhere (created for an account), or have an account linked. A person known only
 * in bodies the reader does not see is left out, so that nobody learns who sits in a body from
 * outside it; each choice lists only the memberships in bodies the reader sees, and whether an
 * account is linked (not which). At most `limit`, by name.
 */
export async function findPersonChoices(
  db: DbOrTx,
  options: { search: string; limit: number; mayRead: (bodyId: string) => Promise<boolean> },
): Promise<PersonChoice[]> {
  const rows = await searchPeopleByName(db, { search: options.search, limit: options.limit * CHOICE_SCAN_FACTOR });
  const withAccounts = await findPeopleWithAccounts(db, rows.map((row) => row.id));
  const readable = new Map<string, Promise<boolean>>();
  const mayRead = (bodyId: string): Promise<boolean> => {
    let answer = readable.get(bodyId);
    if (answer === undefined) {
      answer = options.mayRead(bodyId);
      readable.set(bodyId, answer);
    }
    return answer;
  };
  const picked: { row: PersonSummary; held: Awaited<ReturnType<typeof listMembershipsOfPerson>>; hasAccount: boolean }[] = [];
  for (const row of rows) {
    if (picked.length >= options.limit) break;
    const all = await listMembershipsOfPerson(db, row.id);
    const held = [];
    for (const membership of all) if (await mayRead(membership.bodyId)) held.push(membership);
    const hasAccount = withAccounts.has(row.id);
    if (held.length > 0 || all.length === 0 || hasAccount) picked.push({ row, held, hasAccount });
  }
  const bodies = new Map((await findBodiesByIds(db, [...new Set(picked.flatMap((p) => p.held.map((m) => m.bodyId)))])).map((b) => [b.id, b.name]));
  return picked.map(({ row, held, hasAccount }) => ({
    id: row.id,
    name: row.name,
    memberships: held.map((m) => membershipItem(m, bodies)),
    hasAccount,
  }));
}

/**
 * Creates a person by name for an account before any body names them (security administrator);
 * audited as `person.create`. A body reuses a person only by its own roster's names, so this person
 * holds no role until the office records one for them.
 */
export async function createPerson(db: Database, options: { name: string; origin: AuditOrigin }): Promise<PersonCandidate> {
  const key = personNameKey(options.name);
  if (key === '') throw new AppError('validation_failed', '请填写姓名', { field: 'name' });
  return db.transaction(async (tx) => {
    const row = await insertPerson(tx, { name: key, normalizedName: key });
    await recordAudit(tx, {
      ...options.origin,
      action: 'person.create',
      entityType: 'person',
      entityId: row.id,
      before: null,
      after: { id: row.id, name: row.name },
    });
    return { id: row.id, name: row.name, memberships: [], accounts: [] };
  });
}
