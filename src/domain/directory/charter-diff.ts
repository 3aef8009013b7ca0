/**
 * What changed between two versions of a body's charter.
 *
 * Items are matched by what identifies them in a founding document, never by position or by
 * source span (spans move whenever the text changes): member units by normalised name, roles by
 * kind + title + person (or position when no person is named), groups by name, rules by type +
 * clause (+ meeting kind), functions by text. Pure: no I/O.
 */
import type { Charter, Group, MemberUnit, Role, Rule } from '../charter/charter-types.ts';
import { personNameKey, unitNameKey } from './unit-name.ts';

/** A JSON value as it appears in a diff. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FieldChange {
  /** Dotted path of the field, e.g. `body.name`, `flags.noSeal`, `sunset.date` */
  field: string;
  before: JsonValue;
  after: JsonValue;
}

export interface ChangedItem {
  key: string;
  before: JsonValue;
  after: JsonValue;
  /** Names of the item's fields that differ */
  fields: string[];
}

export interface ListDiff {
  added: { key: string; item: JsonValue }[];
  removed: { key: string; item: JsonValue }[];
  changed: ChangedItem[];
}

export interface CharterDiff {
  /** True when nothing below lists a change */
  unchanged: boolean;
  /** Scalar facts: body, founding document, flags, sunset, stated count, office, liaison */
  fields: FieldChange[];
  memberUnits: ListDiff;
  roles: ListDiff;
  groups: ListDiff;
  rules: ListDiff;
  functions: ListDiff;
}

/** Drops `source`/`sources` (and the rules' document index) and makes a plain JSON value. */
function plain(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'source' || k === 'sources') continue;
      out[k] = plain(v);
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

/** Canonical JSON text with sorted keys, for equality. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k] ?? null)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function same(a: JsonValue, b: JsonValue): boolean {
  return canonical(a) === canonical(b);
}

function diffList<T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string, summarise: (item: T) => JsonValue): ListDiff {
  const keyed = (items: readonly T[]): Map<string, JsonValue> => {
    const map = new Map<string, JsonValue>();
    const seen = new Map<string, number>();
    for (const item of items) {
      const base = keyOf(item);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      map.set(n === 1 ? base : `${base}#${n}`, summarise(item));
    }
    return map;
  };
  const a = keyed(before);
  const b = keyed(after);
  const diff: ListDiff = { added: [], removed: [], changed: [] };
  for (const [key, item] of a) {
    const other = b.get(key);
    if (other === undefined) {
      diff.removed.push({ key, item });
    } else if (!same(item, other)) {
      const fields =
        item !== null && other !== null && typeof item === 'object' && typeof other === 'object' && !Array.isArray(item) && !Array.isArray(other)
          ? [...new Set([...Object.keys(item), ...Object.keys(other)])].filter((f) => !same(item[f] ?? null, other[f] ?? null)).sort()
          : [];
      diff.changed.push({ key, before: item, after: other, fields });
    }
  }
  for (const [key, item] of b) if (!a.has(key)) diff.added.push({ key, item });
  return diff;
}

function roleKey(role: Role): string {
  const who = role.person !== null ? personNameKey(role.person) : unitNameKey(role.position ?? role.unit ?? '');
  return `${role.kind}|${role.title}|${who}`;
}

function ruleKey(rule: Rule): string {
  const meetingKind = 'meetingKind' in rule ? rule.meetingKind : '';
  return `${rule.type}|${rule.clause ?? ''}|${meetingKind}`;
}

/** Compares two charters; `before` is the older version. */
export function diffCharters(before: Charter, after: Charter): CharterDiff {
  const fields: FieldChange[] = [];
  const compare = (field: string, a: unknown, b: unknown): void => {
    const pa = plain(a);
    const pb = plain(b);
    if (!same(pa, pb)) fields.push({ field, before: pa, after: pb });
  };
  compare('body.name', before.body.name, after.body.name);
  compare('body.kind', before.body.kind, after.body.kind);
  compare('body.level', before.body.level, after.body.level);
  compare('body.region', before.body.region, after.body.region);
  compare('foundingDocument.title', before.foundingDocument.title, after.foundingDocument.title);
  compare('foundingDocument.docNumber', before.foundingDocument.docNumber, after.foundingDocument.docNumber);
  compare('foundingDocument.issuer', before.foundingDocument.issuer, after.foundingDocument.issuer);
  compare('foundingDocument.issueDate', before.foundingDocument.issueDate, after.foundingDocument.issueDate);
  compare('foundingDocument.addressees', before.foundingDocument.addressees, after.foundingDocument.addressees);
  compare('flags.noSeal', before.flags.noSeal, after.flags.noSeal);
  compare('flags.noFormalDocuments', before.flags.noFormalDocuments, after.flags.noFormalDocuments);
  compare('flags.notRegisteredBody', before.flags.notRegisteredBody, after.flags.notRegisteredBody);
  compare('sunset.date', before.sunset?.date ?? null, after.sunset?.date ?? null);
  compare('sunset.text', before.sunset?.text ?? null, after.sunset?.text ?? null);
  compare('memberUnitsStated', before.memberUnitsStated, after.memberUnitsStated);
  compare('office', before.office, after.office);
  compare('liaison', before.liaison, after.liaison);

  const unit = (u: MemberUnit): JsonValue => plain({ name: u.name, aliases: u.aliases, lead: u.lead });
  const group = (g: Group): JsonValue => plain(g);
  const diff: Omit<CharterDiff, 'unchanged'> = {
    fields,
    memberUnits: diffList(before.memberUnits, after.memberUnits, (u) => unitNameKey(u.name), unit),
    roles: diffList(before.roles, after.roles, roleKey, plain),
    groups: diffList(before.groups, after.groups, (g) => unitNameKey(g.name), group),
    rules: diffList(before.rules, after.rules, ruleKey, (r) => {
      const { document: _document, ...rest } = r;
      return plain(rest);
    }),
    functions: diffList(before.functions, after.functions, (f) => f.text.replace(/\s+/gu, ''), (f) => f.text),
  };
  const lists = [diff.memberUnits, diff.roles, diff.groups, diff.rules, diff.functions];
  const unchanged = fields.length === 0 && lists.every((l) => l.added.length === 0 && l.removed.length === 0 && l.changed.length === 0);
  return { unchanged, ...diff };
}
