/**
 * Change notices: documents that change an existing body rather than found one — an adjustment
 * notice (调整…组成人员 / 调整充实) or an abolition notice (撤销), or both in one text (mixed).
 * A notice names the bodies it changes (targets) and, for each, what changes (the delta).
 * Offsets are spans of the notice's normalised text. Pure types.
 */
import type { Finding, RoleKind, SourceSpan } from '../charter-types.ts';

/** What a document does: founds a body, adjusts bodies, abolishes bodies, or both adjusts and abolishes. */
export type DocumentKind = 'founding' | 'adjustment' | 'abolition' | 'mixed';

/** A name read from the notice, with where it stands. */
export interface NamedSpan {
  name: string;
  source: SourceSpan;
}

/** A person (or a vacant post) the notice puts in a role. */
export interface RoleAssignment {
  kind: RoleKind;
  /** The notice's own title: 召集人, 组长, 副指挥长 … */
  title: string;
  person: string | null;
  position: string | null;
  source: SourceSpan;
}

/** A person the notice takes out of a role (…同志不再担任…). */
export interface RoleRelease {
  /** The role left, or null when the notice says only 不再担任…职务 */
  kind: RoleKind | null;
  person: string;
  source: SourceSpan;
}

export interface UnitRename {
  from: string;
  to: string;
  source: SourceSpan;
}

export interface Abolition {
  /** First day the body no longer exists (ISO date): 自印发之日起 is the notice's date */
  effectiveDate: string | null;
  /** The sentence that says when */
  text: string;
  source: SourceSpan;
}

export interface ChangeDelta {
  /** New role holders */
  roles: RoleAssignment[];
  /** Role kinds whose whole list the notice restates (调整为… / 调整后名单): the old holders of that kind all go */
  replacesRoles: RoleKind[];
  rolesReleased: RoleRelease[];
  unitsAdded: NamedSpan[];
  unitsRemoved: NamedSpan[];
  unitsRenamed: UnitRename[];
  /** The office's new host unit (办公室改设在…) */
  officeHost: NamedSpan | null;
  /** The body's new name (更名为…) */
  renamedTo: NamedSpan | null;
  abolished: Abolition | null;
}

export type ChangeAction = 'adjust' | 'abolish';

/** One body the notice changes. */
export interface ChangeTarget {
  /** The body's name as the notice writes it */
  name: string;
  action: ChangeAction;
  source: SourceSpan;
  delta: ChangeDelta;
}

export interface ChangeNotice {
  documentKind: Exclude<DocumentKind, 'founding'>;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  /** ISO date or null */
  issueDate: string | null;
  targets: ChangeTarget[];
  findings: Finding[];
}

/** A body a target name may mean, with how sure the match is (0…1). */
export interface BodyMatch {
  id: string;
  name: string;
  confidence: number;
  /** How it matched: the name itself, an alias, the name without its region or issuer prefix, or similar wording */
  via: 'name' | 'alias' | 'core_name' | 'similar';
}

export interface BodyCandidate {
  id: string;
  name: string;
  aliases: readonly string[];
}
