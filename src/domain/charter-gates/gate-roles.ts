/**
 * Held roles against the actors a charter rule names: which actor each role acts as, the first
 * held role a rule allows, and the charter's own titles for messages (组长 for the convener). Pure.
 */
import type { Actor, Charter } from '../charter/charter-types.ts';
import type { GateRole } from './gate-types.ts';

/**
 * Which of a rule's actors each held role satisfies. The office's staff act for the office and its
 * posts (办公室主任 / 副主任 are office staff in Lianxi); a member or a liaison acts for its member unit.
 */
export const ROLE_ACTS_AS: Record<GateRole, readonly Actor[]> = {
  convener: ['convener'],
  deputy_convener: ['deputy_convener'],
  member: ['member', 'member_unit'],
  liaison: ['liaison', 'member_unit'],
  office_staff: ['office', 'office_director', 'office_deputy_director'],
  group_leader: ['group_leader'],
};

/** The held roles `allowed` admits, in the order held. */
export function rolesAllowed(allowed: readonly Actor[], held: readonly GateRole[]): GateRole[] {
  return held.filter((role) => ROLE_ACTS_AS[role]?.some((actor) => allowed.includes(actor)) ?? false);
}

/** Chinese names of the actors a rule names, for messages. */
export const ACTOR_LABELS: Record<Actor, string> = {
  convener: '召集人',
  deputy_convener: '副召集人',
  member: '成员',
  liaison: '联络员',
  office: '办公室',
  office_director: '办公室主任',
  office_deputy_director: '办公室副主任',
  member_unit: '成员单位',
  group: '工作组',
  group_leader: '工作组组长',
  body: '本机构',
};

/** Chinese names of the held roles. */
export const GATE_ROLE_LABELS: Record<GateRole, string> = {
  convener: '召集人',
  deputy_convener: '副召集人',
  member: '成员',
  liaison: '联络员',
  office_staff: '办公室工作人员',
  group_leader: '工作组组长',
};

/** The charter's own titles of its convener and deputy convener (组长, 副组长 …), for messages. */
export function charterTitles(charter: Pick<Charter, 'roles'>): Partial<Record<Actor, string>> {
  const titles: Partial<Record<Actor, string>> = {};
  for (const role of charter.roles ?? []) {
    if ((role.kind === 'convener' || role.kind === 'deputy_convener') && titles[role.kind] === undefined) titles[role.kind] = role.title;
  }
  return titles;
}

/** "召集人或副召集人" in the charter's own titles. */
export function describeActors(allowed: readonly Actor[], titles: Partial<Record<Actor, string>> = {}): string {
  const names = [...new Set(allowed.map((actor) => titles[actor] ?? ACTOR_LABELS[actor] ?? String(actor)))];
  return names.length === 0 ? '（无人）' : names.join('或');
}
