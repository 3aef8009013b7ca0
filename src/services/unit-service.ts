/**
 * The shared unit directory: resolving a unit a charter names to one directory entry (so that
 * 省某某厅 in two bodies of one province is one unit), listing units, and a unit's page with every body
 * it sits in and its roles there.
 */
import type { DbOrTx } from '../db/database.ts';
import type { GroupKind, RoleKind } from '../domain/charter/charter-types.ts';
import { toBodySummary } from './body-service.ts';
import type { BodySummary } from './body-service.ts';
import { candidateKeys, matchUnit, newAliases } from '../domain/directory/unit-matching.ts';
import type { DirectoryUnit } from '../domain/directory/unit-matching.ts';
import { displayUnitName, unitNameKey } from '../domain/directory/unit-name.ts';
import { AppError } from '../errors/app-error.ts';
import { countMemberUnits, findBodiesByIds } from '../repositories/body-repository.ts';
import { listGroupLinksOfUnit } from '../repositories/group-repository.ts';
import { listMembershipsOfUnit } from '../repositories/membership-repository.ts';
import { listBodyIdsHostedByUnit } from '../repositories/office-repository.ts';
import { addUnitAliases, findUnitById, findUnitCandidates, insertUnit, listBodiesOfUnit, listBodyUnits, listUnits } from '../repositories/unit-repository.ts';
import type { UnitRow } from '../repositories/unit-repository.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

function toDirectoryUnit(row: UnitRow): DirectoryUnit {
  return { id: row.id, name: row.name, normalizedKey: row.normalizedKey, regionCode: row.regionCode, aliases: row.aliases };
}

/** Resolves units within one transaction, remembering what it resolved. */
export class UnitResolver {
  private readonly cache = new Map<string, UnitRow>();
  constructor(
    private readonly db: DbOrTx,
    private readonly regionCode: string | null,
  ) {}

  /**
   * The directory unit a charter's unit name (with aliases) denotes, created when the directory
   * does not know it yet; aliases it did not know are added to it. Null for a blank name.
   */
  async resolve(name: string, aliases: readonly string[] = []): Promise<UnitRow | null> {
    const key = unitNameKey(name);
    if (key === '') return null;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const candidate = { name, aliases: [...aliases], regionCode: this.regionCode };
    const keys = candidateKeys(candidate);
    const rows = await findUnitCandidates(this.db, keys, this.regionCode);
    const match = matchUnit(candidate, rows.map(toDirectoryUnit));
    let row: UnitRow;
    if (match) {
      const found = rows.find((r) => r.id === match.id);
      if (!found) throw new Error('matched unit vanished');
      const added = newAliases(match, { name, aliases: [...aliases] });
      if (added.length > 0) {
        await addUnitAliases(this.db, found.id, added, added.map(unitNameKey));
        found.aliases = [...found.aliases, ...added];
        found.aliasKeys = [...found.aliasKeys, ...added.map(unitNameKey)];
      }
      row = found;
    } else {
      const shownAliases = [...new Set(aliases.map(displayUnitName).filter((a) => unitNameKey(a) !== '' && unitNameKey(a) !== key))];
      row = await insertUnit(this.db, {
        name: displayUnitName(name),
        normalizedKey: key,
        regionCode: this.regionCode,
        aliases: shownAliases,
        aliasKeys: shownAliases.map(unitNameKey),
      });
    }
    for (const k of [key, ...row.aliasKeys]) this.cache.set(k, row);
    return row;
  }
}

export interface UnitSummary {
  id: string;
  name: string;
  regionCode: string | null;
  aliases: string[];
}

/** The list view of a directory unit. */
export function toUnitSummary(row: UnitRow): UnitSummary {
  return { id: row.id, name: row.name, regionCode: row.regionCode, aliases: row.aliases };
}

/**
 * Lists directory units by name. `visibleBodyIds` limits the list to units sitting in those bodies
 * (undefined: every unit).
 */
export async function listDirectoryUnits(
  db: DbOrTx,
  options: { q?: string | undefined; regionCode?: string | null | undefined; cursor?: string | undefined; limit: number; visibleBodyIds?: readonly string[] },
): Promise<{ items: UnitSummary[]; nextCursor: string | null }> {
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor, ['normalizedKey', 'id']);
  const rows = await listUnits(db, {
    ...(options.q ? { nameContains: options.q } : {}),
    ...(options.regionCode !== undefined ? { regionCode: options.regionCode } : {}),
    ...(options.visibleBodyIds !== undefined ? { bodyIds: options.visibleBodyIds } : {}),
    ...(after ? { after: { normalizedKey: after.normalizedKey, id: after.id } } : {}),
    limit: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toUnitSummary),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ normalizedKey: last.normalizedKey, id: last.id }) : null,
  };
}

export interface UnitBodyEntry {
  body: BodySummary;
  /** Periods the unit was a member unit of the body */
  periods: { lead: boolean; nameInCharter: string; validFrom: string; validTo: string | null }[];
  /** Whether the unit hosts the body's office */
  hostsOffice: boolean;
  groups: { id: string; name: string; kind: GroupKind; lead: boolean }[];
  roles: {
    membershipId: string;
    roleKind: RoleKind;
    title: string;
    personId: string | null;
    personName: string | null;
    position: string | null;
    validFrom: string;
    validTo: string | null;
  }[];
}

/**
 * A unit's page: every body it sits in that the reader may see (`mayRead`), with its periods of
 * membership, the groups it belongs to there, and its roles there.
 */
export async function getUnitPage(
  db: DbOrTx,
  options: { unitId: string; mayRead: (bodyId: string) => Promise<boolean>; today: string },
): Promise<{ unit: UnitSummary; bodies: UnitBodyEntry[] }> {
  const unit = await findUnitById(db, options.unitId);
  if (!unit) throw new AppError('unit_not_found', '成员单位不存在', { field: 'unitId' });
  const links = await listBodiesOfUnit(db, unit.id);
  const hosted = new Set(await listBodyIdsHostedByUnit(db, unit.id));
  const groupLinks = await listGroupLinksOfUnit(db, unit.id);
  const roles = await listMembershipsOfUnit(db, unit.id);
  const candidates = new Set([...links.map((l) => l.body.id), ...hosted, ...groupLinks.map((g) => g.bodyId), ...roles.map((r) => r.bodyId)]);
  const visible: string[] = [];
  for (const id of candidates) if (await options.mayRead(id)) visible.push(id);
  const bodyRows = await findBodiesByIds(db, visible);
  const counts = await countMemberUnits(db, visible, options.today);
  const entries: UnitBodyEntry[] = bodyRows
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    .map((body) => ({
      body: toBodySummary(body, counts.get(body.id) ?? 0),
      periods: links
        .filter((l) => l.body.id === body.id)
        .map((l) => ({ lead: l.bodyUnit.lead, nameInCharter: l.bodyUnit.nameInCharter, validFrom: l.bodyUnit.validFrom, validTo: l.bodyUnit.validTo })),
      hostsOffice: hosted.has(body.id),
      groups: groupLinks.filter((g) => g.bodyId === body.id).map((g) => ({ id: g.groupId, name: g.name, kind: g.kind, lead: g.lead })),
      roles: roles
        .filter((r) => r.bodyId === body.id)
        .map((r) => ({
          membershipId: r.id,
          roleKind: r.roleKind,
          title: r.title,
          personId: r.personId,
          personName: r.personName,
          position: r.position,
          validFrom: r.validFrom,
          validTo: r.validTo,
        })),
    }));
  return { unit: toUnitSummary(unit), bodies: entries };
}

/** A body's member units holding on `at`, in the charter's order. */
export async function listBodyMemberUnits(
  db: DbOrTx,
  options: { bodyId: string; at: string },
): Promise<{ unitId: string; name: string; nameInCharter: string; lead: boolean; validFrom: string; validTo: string | null }[]> {
  const rows = await listBodyUnits(db, options.bodyId, options.at);
  return rows
    .map((r) => ({ unitId: r.unitId, name: r.unit.name, nameInCharter: r.nameInCharter, lead: r.lead, validFrom: r.validFrom, validTo: r.validTo }));
}
