/**
 * Corrections a reviewer makes to an imported charter before publishing it: the facts the
 * importer may get wrong and a person can state with certainty (the body's name, kind, level and
 * region, the issue date, the sunset date, the flags, and member units to add or drop).
 * Every corrected item is marked with an `info` finding (code `corrected`) so that the charter
 * says what did not come from the text. Pure: no I/O.
 */
import type { BodyKind, BodyLevel, Charter, MemberUnit } from '../charter/charter-types.ts';
import { getRegion } from '../region/regions.ts';
import { unitNameKey } from './unit-name.ts';
import { isIsoDate } from '../calendar/iso-date.ts';

export interface CharterCorrections {
  body?: {
    name?: string;
    kind?: BodyKind;
    level?: BodyLevel | null;
    /** GB/T 2260 code; null for a national body */
    regionCode?: string | null;
  };
  issueDate?: string | null;
  sunsetDate?: string | null;
  flags?: { noSeal?: boolean; noFormalDocuments?: boolean; notRegisteredBody?: boolean };
  memberUnits?: {
    add?: { name: string; aliases?: string[]; lead?: boolean }[];
    /** Names of units to drop (matched by normalised name) */
    remove?: string[];
  };
}

export interface CorrectionProblem {
  /** Path of the correction at fault, e.g. `corrections.body.regionCode` */
  field: string;
  code: 'unknown_region' | 'invalid_date' | 'unknown_unit' | 'empty_name' | 'duplicate_unit';
}

export type CorrectionResult = { ok: true; charter: Charter } | { ok: false; problem: CorrectionProblem };

/** Drops undefined values, empty objects and empty lists (they correct nothing). */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/** The corrections without parts that correct nothing, or null when nothing is left. */
export function normalizeCorrections(corrections: CharterCorrections | null | undefined): CharterCorrections | null {
  const pruned = prune(corrections ?? null);
  return pruned === undefined || pruned === null ? null : (pruned as CharterCorrections);
}

/** Whether the corrections change anything at all. */
export function hasCorrections(corrections: CharterCorrections | null | undefined): corrections is CharterCorrections {
  return normalizeCorrections(corrections) !== null;
}

/** Applies corrections to a freshly imported charter; returns a new charter, or the first problem. */
export function applyCorrections(charter: Charter, corrections: CharterCorrections): CorrectionResult {
  const next: Charter = structuredClone(charter);
  const noted: string[] = [];
  const zeroSpan = { start: 0, end: 0 };

  const body = corrections.body;
  if (body) {
    if (body.name !== undefined) {
      const name = body.name.trim();
      if (name === '') return { ok: false, problem: { field: 'corrections.body.name', code: 'empty_name' } };
      next.body.name = name;
      noted.push('机构名称');
    }
    if (body.kind !== undefined) {
      next.body.kind = body.kind;
      noted.push('机构类型');
    }
    if (body.level !== undefined) {
      next.body.level = body.level;
      noted.push('层级');
      if (body.level === 'national' && body.regionCode === undefined) next.body.region = null;
    }
    if (body.regionCode !== undefined) {
      if (body.regionCode === null) {
        next.body.region = null;
      } else {
        const region = getRegion(body.regionCode);
        if (!region) return { ok: false, problem: { field: 'corrections.body.regionCode', code: 'unknown_region' } };
        next.body.region = { name: region.name, code: region.code, source: null };
      }
      noted.push('地区');
    }
  }
  if (corrections.issueDate !== undefined) {
    if (corrections.issueDate !== null && !isIsoDate(corrections.issueDate)) {
      return { ok: false, problem: { field: 'corrections.issueDate', code: 'invalid_date' } };
    }
    next.foundingDocument.issueDate = corrections.issueDate;
    noted.push('成文日期');
  }
  if (corrections.sunsetDate !== undefined) {
    if (corrections.sunsetDate === null) {
      if (next.sunset) next.sunset = { ...next.sunset, date: null };
    } else {
      if (!isIsoDate(corrections.sunsetDate)) return { ok: false, problem: { field: 'corrections.sunsetDate', code: 'invalid_date' } };
      next.sunset = next.sunset ? { ...next.sunset, date: corrections.sunsetDate } : { date: corrections.sunsetDate, text: '', source: zeroSpan };
    }
    noted.push('撤销日期');
  }
  if (corrections.flags) {
    for (const flag of ['noSeal', 'noFormalDocuments', 'notRegisteredBody'] as const) {
      const value = corrections.flags[flag];
      if (value !== undefined) next.flags[flag] = value;
    }
    noted.push('机构标志');
  }
  const units = corrections.memberUnits;
  if (units) {
    for (const [i, name] of (units.remove ?? []).entries()) {
      const key = unitNameKey(name);
      const index = next.memberUnits.findIndex((u) => unitNameKey(u.name) === key);
      if (index < 0) return { ok: false, problem: { field: `corrections.memberUnits.remove.${i}`, code: 'unknown_unit' } };
      next.memberUnits.splice(index, 1);
    }
    for (const [i, unit] of (units.add ?? []).entries()) {
      const name = unit.name.trim();
      if (unitNameKey(name) === '') return { ok: false, problem: { field: `corrections.memberUnits.add.${i}.name`, code: 'empty_name' } };
      if (next.memberUnits.some((u) => unitNameKey(u.name) === unitNameKey(name))) {
        return { ok: false, problem: { field: `corrections.memberUnits.add.${i}.name`, code: 'duplicate_unit' } };
      }
      const added: MemberUnit = { name, aliases: unit.aliases ?? [], lead: unit.lead ?? false, source: zeroSpan };
      next.memberUnits.push(added);
    }
    if ((units.add?.length ?? 0) + (units.remove?.length ?? 0) > 0) noted.push('成员单位');
  }
  if (noted.length > 0) {
    next.findings.push({ severity: 'info', code: 'corrected', message: `以下内容经人工更正，并非从原文提取：${noted.join('、')}` });
  }
  return { ok: true, charter: next };
}
