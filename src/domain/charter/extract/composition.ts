import type { Finding, Group, MemberUnit, Role, RoleKind, SourceSpan } from '../charter-types.ts';
import type { CompositionResult, ExtractionContext } from '../pipeline-types.ts';
import { extractGroupDrafts, groupFindings } from './groups.ts';
import { extractLiaison } from './liaison.ts';
import { MemberUnitSet, chooseMemberList, findDutyUnits, findLeadUnits, findMemberListCandidates } from './member-units.ts';
import { extractOffice } from './office.ts';
import { findPositionalRoles, findRosterEntries, rolesFromPositions, rolesFromRoster } from './roster.ts';
import type { RosterEntry } from './roster.ts';
import { roleKindOfTitle } from './role-titles.ts';
import { insideAny } from './text-lines.ts';
import { looksLikeUnit, matchUnit, unitOfPost } from './unit-names.ts';

/**
 * Extracts the body's composition: member units (with the stated count), the roster of roles,
 * the office, the liaison arrangement and the groups (专题组 / 保障组 / 协调类别).
 *
 * Sources and precedence:
 * - Member units come from the body's list sentence (the longest list outside group blocks). When
 *   the text has no list, they are the units named in the roster's member positions together with
 *   the units heading a per-unit duties section (deduplicated: 某某办 ~ 某某办公室).
 * - Roles: a named roster wins over positional clauses for every role kind it covers; positional
 *   roles (`由…任召集人`) are kept only for kinds the roster does not list (or when there is none).
 * - Units named in roles, office posts and groups are resolved to member-unit names where they match
 *   (exactly, by alias, or without the carried prefix).
 */
export function extractComposition(ctx: ExtractionContext): CompositionResult {
  const text = ctx.text;
  const findings: Finding[] = [];

  const groupDrafts = extractGroupDrafts(text);
  const units = new MemberUnitSet();

  const chosen = chooseMemberList(findMemberListCandidates(text, groupDrafts.blockRanges));
  if (chosen) for (const item of chosen.list.items) units.add(item.name, item.aliases, item.source);
  const memberUnitsStated = chosen?.list.stated ?? null;

  for (const lead of findLeadUnits(text, groupDrafts.blockRanges)) {
    const known = matchUnit(lead.name, units.units);
    if (known) known.lead = true;
    else units.add(lead.name, lead.aliases, lead.source, true);
  }

  const knownNames = units.units.flatMap((u) => [u.name, ...u.aliases]);
  const entries = findRosterEntries(text, knownNames);

  if (!chosen) addUnitsFromRosterAndDuties(text, entries, units);

  const resolveUnit = (name: string): string | null => matchUnit(name, units.units)?.name ?? null;
  const unitOf = (position: string | null): string | null => {
    if (!position) return null;
    const named = unitOfPost(position, (u) => resolveUnit(u) !== null);
    if (!named) return null;
    const resolved = resolveUnit(named);
    if (resolved) return resolved;
    // A unit the position names outside the member list (某某委副主任); a government is no unit of it
    return looksLikeUnit(named) && !/^(?:国务院|[\u4e00-\u9fff]{0,8}?(?:人民)?政府)$/u.test(named) ? named : null;
  };

  const rosterRoles = rolesFromRoster(entries, unitOf);
  const rosterSpans: SourceSpan[] = entries.map((e) => e.source);
  const positional = findPositionalRoles(text).filter((p) => !insideAny(p.source, rosterSpans));
  const positionalRoles = rolesFromPositions(positional, unitOf);
  const coveredKinds = new Set<RoleKind>(rosterRoles.map((r) => r.kind));
  const roles: Role[] = [...rosterRoles, ...positionalRoles.filter((r) => !coveredKinds.has(r.kind))];
  roles.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.source.start - b.source.start);

  const officeResult = extractOffice(text, { resolveUnit, roster: entries });
  const office = officeResult.office;
  if (office && officeResult.deputyDirectorsStated !== null && officeResult.deputyDirectorsStated !== office.deputyDirectors.length) {
    findings.push({
      severity: 'warning',
      code: 'office_deputy_count_mismatch',
      message: `文件写明办公室副主任${officeResult.deputyDirectorsStated}名，但识别出${office.deputyDirectors.length}名`,
      source: office.source,
    });
  }

  const liaison = extractLiaison(text);

  const canonical = (name: string): string => resolveUnit(name) ?? name;
  const groups: Group[] = groupDrafts.groups.map((g) => ({
    kind: g.kind,
    name: g.name,
    leadUnits: unique(g.leadUnits.map((u) => canonical(u.name))),
    memberUnits: unique(g.memberUnits.map((u) => canonical(u.name))),
    duties: g.duties,
    source: g.source,
  }));
  findings.push(...groupFindings(groups, groupDrafts.stated, groupDrafts.groups));

  const memberUnits: MemberUnit[] = units.units;
  if (chosen && chosen.list.rejected.length > 0) {
    findings.push({
      severity: 'warning',
      code: 'member_list_partly_read',
      message: `成员单位名单只识别出${chosen.list.items.length}个单位，另有${chosen.list.rejected.length}处未能识别为单位名称，请核对`,
      source: chosen.list.source,
    });
  }
  if (chosen) {
    for (const r of chosen.list.rejected) {
      findings.push({
        severity: 'info',
        code: 'member_unit_unrecognised',
        message: `成员单位名单中的“${r.text}”未能识别为单位名称`,
        source: r.source,
      });
    }
  }

  return { memberUnits, memberUnitsStated, roles, office, liaison, groups, findings };
}

/** Member units named by the roster's member positions and by a per-unit duties section. */
function addUnitsFromRosterAndDuties(text: string, entries: readonly RosterEntry[], units: MemberUnitSet): void {
  const titles = [...new Set(entries.map((e) => e.title))];
  for (const e of entries) {
    if (roleKindOfTitle(e.title, { titles }) !== 'member' || !e.position) continue;
    const unit = unitOfPost(e.position);
    if (!unit) continue;
    const at = text.indexOf(unit, e.source.start);
    const source = at >= 0 && at + unit.length <= e.source.end ? { start: at, end: at + unit.length } : e.source;
    units.add(unit, [], source);
  }
  for (const d of findDutyUnits(text)) units.add(d.name, d.aliases, d.source);
}

function kindOrder(kind: RoleKind): number {
  return kind === 'convener' ? 0 : kind === 'deputy_convener' ? 1 : kind === 'member' ? 2 : 3;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
