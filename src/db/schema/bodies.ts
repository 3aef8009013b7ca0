/** Body tables: bodies, charter versions, units, people, memberships, groups, office. Mirrors migrations/0002_bodies.sql. */
import { type AnyPgColumn, bigserial, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { BodyKind, BodyLevel, Charter, CharterFlags, GroupKind, OfficePost, RoleKind } from '../../domain/charter/charter-types.ts';
import type { CharterDiff } from '../../domain/directory/charter-diff.ts';
import type { GroupLeader } from '../../domain/directory/group-corrections.ts';
import { accounts } from './platform.ts';

export type BodyStatus = 'active' | 'dissolved';

/** Corrections sent with a publish, stored with the version they shaped. */
export type StoredCorrections = Record<string, unknown>;

export const bodies = pgTable(
  'bodies',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<BodyKind>().notNull(),
    level: text('level').$type<BodyLevel>(),
    regionCode: text('region_code'),
    regionName: text('region_name'),
    status: text('status').$type<BodyStatus>().notNull().default('active'),
    sunsetDate: date('sunset_date', { mode: 'string' }),
    dissolvedOn: date('dissolved_on', { mode: 'string' }),
    flags: jsonb('flags').$type<CharterFlags>().notNull(),
    currentCharterVersionId: text('current_charter_version_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    // 0015 (issue 16): registry filtered, newest first
    index('bodies_kind_created_idx').on(t.kind, t.createdAt, t.id),
    index('bodies_level_created_idx').on(t.level, t.createdAt, t.id),
    index('bodies_status_created_idx').on(t.status, t.createdAt, t.id),
    index('bodies_region_idx').on(t.regionCode),
    index('bodies_created_idx').on(t.createdAt, t.id),
    // 0019 (issue 15 point 4): the registry by name (keyset)
    index('bodies_name_idx').on(t.name, t.id),
    // DEFERRABLE INITIALLY DEFERRED in the SQL (a body and its first version are stored together)
    foreignKey({ columns: [t.currentCharterVersionId], foreignColumns: [charterVersions.id] }),
  ],
);

export const charterVersions = pgTable(
  'charter_versions',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id')
      .notNull()
      .references((): AnyPgColumn => bodies.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    charter: jsonb('charter').$type<Charter>().notNull(),
    originalText: text('original_text').notNull(),
    textHash: text('text_hash').notNull(),
    corrections: jsonb('corrections').$type<StoredCorrections | null>(),
    importedBy: text('imported_by').references(() => accounts.id),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    diffFromPrevious: jsonb('diff_from_previous').$type<CharterDiff | null>(),
  },
  (t) => [unique().on(t.bodyId, t.version), index('charter_versions_hash_idx').on(t.textHash)],
);

export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    normalizedKey: text('normalized_key').notNull(),
    regionCode: text('region_code'),
    aliases: text('aliases').array().notNull().default([]),
    aliasKeys: text('alias_keys').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [unique('units_key_region_unique').on(t.normalizedKey, t.regionCode).nullsNotDistinct(), index('units_alias_keys_idx').using('gin', t.aliasKeys)],
);

export const bodyUnits = pgTable(
  'body_units',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    lead: boolean('lead').notNull().default(false),
    nameInCharter: text('name_in_charter').notNull(),
    position: integer('position').notNull().default(0),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    sourceCharterVersionId: text('source_charter_version_id').references(() => charterVersions.id),
  },
  (t) => [index('body_units_body_idx').on(t.bodyId), index('body_units_unit_idx').on(t.unitId)],
);

export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    normalizedName: text('normalized_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  // people_name_trgm_idx: the audit trail's search by name (migrations/0021)
  (t) => [index('people_normalized_name_idx').on(t.normalizedName), index('people_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops'))],
);

export const memberships = pgTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    roleKind: text('role_kind').$type<RoleKind>().notNull(),
    title: text('title').notNull(),
    unitId: text('unit_id').references(() => units.id),
    personId: text('person_id').references(() => people.id),
    position: text('position'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    sourceCharterVersionId: text('source_charter_version_id').references(() => charterVersions.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Insertion order: a charter's roster keeps its order */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('memberships_body_idx').on(t.bodyId, t.validFrom),
    index('memberships_person_body_idx').on(t.personId, t.bodyId),
    index('memberships_unit_idx').on(t.unitId),
  ],
);

export const groups = pgTable(
  'groups',
  {
    id: text('id').primaryKey(),
    bodyId: text('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<GroupKind>().notNull(),
    name: text('name').notNull(),
    duties: jsonb('duties').$type<string[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    /** The group's own leaders (组长/副组长) as the office set them (migrations/0007) */
    leaders: jsonb('leaders').$type<GroupLeader[]>().notNull().default([]),
  },
  (t) => [unique().on(t.bodyId, t.name)],
);

export const groupUnits = pgTable(
  'group_units',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    lead: boolean('lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId, t.lead] }), index('group_units_unit_idx').on(t.unitId)],
);

/** Office posts are stored as the charter states them (person, position, unit name). */
export type StoredOfficePost = Omit<OfficePost, 'source'>;

export const bodyOffice = pgTable('body_office', {
  bodyId: text('body_id')
    .primaryKey()
    .references(() => bodies.id, { onDelete: 'cascade' }),
  hostUnitId: text('host_unit_id').references(() => units.id),
  hostUnitName: text('host_unit_name'),
  director: jsonb('director').$type<StoredOfficePost | null>(),
  deputyDirectors: jsonb('deputy_directors').$type<StoredOfficePost[]>().notNull().default([]),
  duties: jsonb('duties').$type<string[]>().notNull().default([]),
});
