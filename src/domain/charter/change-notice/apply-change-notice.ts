/**
 * Applying one target of a change notice to a body's current charter: the next charter version.
 *
 * The next charter keeps every fact of the current one with its source, and appends the notice's
 * text to `normalizedText` (after two line breaks) as one more entry of `documents`, so that what the
 * notice changed points into the notice (its sources are shifted by the current text's length) and
 * what it left alone still points into the founding document. The offset map is extended the same
 * way: the stored original text of the version is the current original text, two line breaks, then
 * the notice as received. Pure.
 */
import { addDays } from '../../calendar/iso-date.ts';
import type { Charter, Finding, MemberUnit, OffsetRun, Role, SourceSpan } from '../charter-types.ts';
import { personNameKey, unitNameKey } from '../../directory/unit-name.ts';
import type { ChangeNotice, ChangeTarget } from './change-notice-types.ts';
import { coreName } from './match-bodies.ts';

/** What joins the current text and the notice, in both the normalised and the original text. */
export const TEXT_SEPARATOR = '\n\n';

export interface NoticeText {
  /** The notice's normalised text and its offset map (from the importer) */
  normalizedText: string;
  offsetMap: OffsetRun[];
}

export interface ApplyChangeInput {
  current: Charter;
  /** Length of the current version's stored original text */
  currentOriginalLength: number;
  notice: ChangeNotice;
  noticeText: NoticeText;
  target: ChangeTarget;
}

export interface AppliedChange {
  charter: Charter;
  /** What could not be applied as written (a unit to rename or drop that the charter does not hold …) */
  findings: Finding[];
}

function sameUnit(a: string, b: string): boolean {
  const ka = unitNameKey(a);
  const kb = unitNameKey(b);
  return ka === kb || coreName(a) === coreName(b);
}

function findUnit(units: readonly MemberUnit[], name: string): MemberUnit | undefined {
  return units.find((u) => sameUnit(u.name, name) || u.aliases.some((alias) => sameUnit(alias, name)));
}

/** The member unit a position names at its start (市水务局局长 → 市水务局), or null. */
function unitOfPosition(units: readonly MemberUnit[], position: string | null): string | null {
  if (position === null) return null;
  const key = unitNameKey(position);
  let best: string | null = null;
  for (const u of units) {
    for (const n of [u.name, ...u.aliases]) {
      const k = unitNameKey(n);
      if (k.length >= 2 && key.startsWith(k) && (best === null || k.length > unitNameKey(best).length)) best = u.name;
    }
  }
  return best;
}

/** The next charter: the current one with the target's changes, the notice appended as its source. */
export function applyChangeNotice(input: ApplyChangeInput): AppliedChange {
  const { current, notice, target } = input;
  const base = current.normalizedText.length + TEXT_SEPARATOR.length;
  const shift = (span: SourceSpan): SourceSpan => ({ start: span.start + base, end: span.end + base });
  const findings: Finding[] = [];
  const delta = target.delta;

  let units: MemberUnit[] = current.memberUnits.map((u) => ({ ...u, aliases: [...u.aliases] }));
  let roles: Role[] = current.roles.map((r) => ({ ...r }));
  let office = current.office === null ? null : { ...current.office };
  const groups = current.groups.map((g) => ({ ...g, leadUnits: [...g.leadUnits], memberUnits: [...g.memberUnits] }));
  let stated = current.memberUnitsStated;

  for (const rename of delta.unitsRenamed) {
    const unit = findUnit(units, rename.from);
    if (!unit) {
      findings.push({ severity: 'warning', code: 'renamed_unit_not_member', message: `要更名的“${rename.from}”不是本机构的成员单位，未更名`, source: shift(rename.source) });
      continue;
    }
    const old = unit.name;
    unit.name = rename.to;
    // The old name is not kept as an alias: the directory then keeps the old unit (its period ends on
    // the notice's date) and starts the renamed one, as the notice does.
    unit.aliases = unit.aliases.filter((a) => !sameUnit(a, rename.to));
    unit.source = shift(rename.source);
    const follow = (name: string): string => (sameUnit(name, old) ? rename.to : name);
    roles = roles.map((r) => (r.unit !== null && sameUnit(r.unit, old) ? { ...r, unit: rename.to } : r));
    if (office?.hostUnit) office.hostUnit = follow(office.hostUnit);
    for (const g of groups) {
      g.leadUnits = g.leadUnits.map(follow);
      g.memberUnits = g.memberUnits.map(follow);
    }
  }
  for (const removed of delta.unitsRemoved) {
    const unit = findUnit(units, removed.name);
    if (!unit) {
      findings.push({ severity: 'warning', code: 'removed_unit_not_member', message: `要调出的“${removed.name}”不是本机构的成员单位`, source: shift(removed.source) });
      continue;
    }
    units = units.filter((u) => u !== unit);
    roles = roles.filter((r) => !((r.kind === 'member' || r.kind === 'liaison') && r.unit !== null && sameUnit(r.unit, unit.name)));
    for (const g of groups) {
      g.leadUnits = g.leadUnits.filter((n) => !sameUnit(n, unit.name));
      g.memberUnits = g.memberUnits.filter((n) => !sameUnit(n, unit.name));
    }
    if (stated !== null) stated -= 1;
  }
  for (const added of delta.unitsAdded) {
    if (findUnit(units, added.name)) {
      findings.push({ severity: 'info', code: 'added_unit_already_member', message: `“${added.name}”已是本机构的成员单位`, source: shift(added.source) });
      continue;
    }
    units.push({ name: added.name, aliases: [], lead: false, source: shift(added.source) });
    if (stated !== null) stated += 1;
  }

  for (const release of delta.rolesReleased) {
    const before = roles.length;
    roles = roles.filter((r) => !(r.person !== null && personNameKey(r.person) === personNameKey(release.person) && (release.kind === null || r.kind === release.kind)));
    if (roles.length === before) {
      findings.push({ severity: 'info', code: 'released_person_not_found', message: `制度中没有“${release.person}”的相应职务`, source: shift(release.source) });
    }
  }
  for (const kind of delta.replacesRoles) roles = roles.filter((r) => r.kind !== kind);
  for (const assignment of delta.roles) {
    const person = assignment.person;
    if (person !== null) roles = roles.filter((r) => !(r.kind === assignment.kind && r.person !== null && personNameKey(r.person) === personNameKey(person)));
    const role: Role = {
      kind: assignment.kind,
      title: assignment.title,
      person,
      position: assignment.position,
      unit: unitOfPosition(units, assignment.position),
      source: shift(assignment.source),
    };
    const insertAt = roles.findIndex((r) => r.kind === role.kind);
    const afterKind = roles.map((r) => r.kind).lastIndexOf(role.kind);
    if (insertAt < 0) {
      const order = ['convener', 'deputy_convener', 'member', 'liaison'];
      const next = roles.findIndex((r) => order.indexOf(r.kind) > order.indexOf(role.kind));
      roles.splice(next < 0 ? roles.length : next, 0, role);
    } else {
      roles.splice(afterKind + 1, 0, role);
    }
  }

  if (delta.officeHost) {
    const host = findUnit(units, delta.officeHost.name)?.name ?? delta.officeHost.name;
    office = office === null
      ? { hostUnit: host, director: null, deputyDirectors: [], duties: [], source: shift(delta.officeHost.source) }
      : { ...office, hostUnit: host, source: shift(delta.officeHost.source) };
  }
  const body = delta.renamedTo ? { ...current.body, name: delta.renamedTo.name, source: shift(delta.renamedTo.source) } : current.body;
  let sunset = current.sunset;
  if (delta.abolished) {
    const on = delta.abolished.effectiveDate;
    sunset = { date: on === null ? null : addDays(on, -1), text: delta.abolished.text, source: shift(delta.abolished.source) };
  }

  const noticeSpan = { start: base, end: base + input.noticeText.normalizedText.length };
  const origBase = input.currentOriginalLength + TEXT_SEPARATOR.length;
  const offsetMap: OffsetRun[] = [
    ...current.offsetMap,
    // The separator maps onto the separator of the stored original text.
    [current.normalizedText.length, input.currentOriginalLength],
    ...input.noticeText.offsetMap.map(([n, o]): OffsetRun => [n + base, o + origBase]),
  ];
  const noticeFindings = notice.findings.map((f) => (f.source ? { ...f, source: shift(f.source) } : f));
  const applied: Finding = {
    severity: 'info',
    code: 'change_notice_applied',
    message: `依据《${notice.title}》${notice.docNumber ? `（${notice.docNumber}）` : ''}${target.action === 'abolish' ? '撤销' : '调整'}`,
    source: noticeSpan,
  };
  const charter: Charter = {
    ...current,
    body,
    documents: [...current.documents, { title: notice.title, source: noticeSpan }],
    sunset,
    memberUnits: units,
    memberUnitsStated: stated,
    roles,
    office,
    groups,
    findings: [...current.findings, ...noticeFindings, ...findings, applied],
    normalizedText: `${current.normalizedText}${TEXT_SEPARATOR}${input.noticeText.normalizedText}`,
    offsetMap,
  };
  return { charter, findings: [...noticeFindings, ...findings] };
}
