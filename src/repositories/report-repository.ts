/** Information reports (信息报送): reports, their offers to bodies, attachments, settings and reminder claims. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, bodyUnits, charterVersions, groups, groupUnits, units } from '../db/schema/bodies.ts';
import type { Charter, GroupKind } from '../domain/charter/charter-types.ts';
import { infoReportAttachments, infoReportOffers, infoReportReminders, infoReports, infoReportSettings } from '../db/schema/reports.ts';
import type { OfferStatus, ReporterKind } from '../domain/reports/report-types.ts';

export type ReportSettingsRow = typeof infoReportSettings.$inferSelect;
export type InfoReportRow = typeof infoReports.$inferSelect;
export type InfoReportOfferRow = typeof infoReportOffers.$inferSelect;
export type ReportAttachmentMeta = Omit<typeof infoReportAttachments.$inferSelect, 'content'>;

/** An offer with its report and the writing unit's name. */
export interface OfferView extends InfoReportOfferRow {
  report: InfoReportRow;
  unitName: string;
}

export async function findReportSettings(db: DbOrTx, bodyId: string): Promise<ReportSettingsRow | null> {
  const [row] = await db.select().from(infoReportSettings).where(eq(infoReportSettings.bodyId, bodyId)).limit(1);
  return row ?? null;
}

/** The report settings of many bodies at once (bodies without settings have no row). */
export async function listReportSettingsOfBodies(db: DbOrTx, bodyIds: readonly string[]): Promise<ReportSettingsRow[]> {
  if (bodyIds.length === 0) return [];
  return db.select().from(infoReportSettings).where(inArray(infoReportSettings.bodyId, [...bodyIds]));
}

/** Bodies with their charters in force (one statement for many bodies; a body without a current version is left out). */
export async function listBodiesWithCharters(db: DbOrTx, bodyIds: readonly string[]): Promise<{ body: typeof bodies.$inferSelect; charter: Charter }[]> {
  if (bodyIds.length === 0) return [];
  return db
    .select({ body: bodies, charter: charterVersions.charter })
    .from(bodies)
    .innerJoin(charterVersions, eq(charterVersions.id, bodies.currentCharterVersionId))
    .where(inArray(bodies.id, [...bodyIds]));
}

/** The member units holding on `at` of many bodies (each body's in charter order), as reporters are drawn from them. */
export async function listMemberUnitsOfBodies(db: DbOrTx, bodyIds: readonly string[], at: string): Promise<{ bodyId: string; unitId: string; name: string }[]> {
  if (bodyIds.length === 0) return [];
  return db
    .select({ bodyId: bodyUnits.bodyId, unitId: bodyUnits.unitId, name: units.name })
    .from(bodyUnits)
    .innerJoin(units, eq(units.id, bodyUnits.unitId))
    .where(and(inArray(bodyUnits.bodyId, [...bodyIds]), lte(bodyUnits.validFrom, at), or(isNull(bodyUnits.validTo), gt(bodyUnits.validTo, at))))
    .orderBy(asc(bodyUnits.bodyId), asc(bodyUnits.position), asc(bodyUnits.validFrom), asc(bodyUnits.id));
}

/** The groups of many bodies with their units (one row per group and unit; a group without units has one row with a null unit). */
export async function listGroupUnitsOfBodies(
  db: DbOrTx,
  bodyIds: readonly string[],
): Promise<{ groupId: string; bodyId: string; name: string; kind: GroupKind; unitId: string | null; unitName: string | null; lead: boolean | null }[]> {
  if (bodyIds.length === 0) return [];
  return db
    .select({ groupId: groups.id, bodyId: groups.bodyId, name: groups.name, kind: groups.kind, unitId: groupUnits.unitId, unitName: units.name, lead: groupUnits.lead })
    .from(groups)
    .leftJoin(groupUnits, eq(groupUnits.groupId, groups.id))
    .leftJoin(units, eq(units.id, groupUnits.unitId))
    .where(inArray(groups.bodyId, [...bodyIds]))
    .orderBy(asc(groups.bodyId), asc(groups.position), asc(groups.name), asc(groups.id));
}

export async function upsertReportSettings(db: DbOrTx, values: ReportSettingsRow): Promise<ReportSettingsRow> {
  const { bodyId, ...rest } = values;
  const [row] = await db.insert(infoReportSettings).values(values).onConflictDoUpdate({ target: infoReportSettings.bodyId, set: rest }).returning();
  if (!row) throw new Error('info_report_settings upsert returned nothing');
  void bodyId;
  return row;
}

export async function insertReport(db: DbOrTx, values: Omit<typeof infoReports.$inferInsert, 'id'>): Promise<InfoReportRow> {
  const [row] = await db.insert(infoReports).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('info_reports insert returned nothing');
  return row;
}

export async function insertReportAttachment(
  db: DbOrTx,
  values: { reportId: string; fileName: string; mediaType: string; sha256: string; content: Buffer },
): Promise<ReportAttachmentMeta> {
  const id = randomUUID();
  await db.insert(infoReportAttachments).values({ id, ...values, sizeBytes: values.content.length });
  return { id, reportId: values.reportId, fileName: values.fileName, mediaType: values.mediaType, sizeBytes: values.content.length, sha256: values.sha256 };
}

export async function listReportAttachments(db: DbOrTx, reportIds: readonly string[]): Promise<ReportAttachmentMeta[]> {
  if (reportIds.length === 0) return [];
  return db
    .select({
      id: infoReportAttachments.id,
      reportId: infoReportAttachments.reportId,
      fileName: infoReportAttachments.fileName,
      mediaType: infoReportAttachments.mediaType,
      sizeBytes: infoReportAttachments.sizeBytes,
      sha256: infoReportAttachments.sha256,
    })
    .from(infoReportAttachments)
    .where(inArray(infoReportAttachments.reportId, [...reportIds]))
    .orderBy(asc(infoReportAttachments.fileName));
}

export async function findReportAttachment(db: DbOrTx, reportId: string, attachmentId: string): Promise<typeof infoReportAttachments.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(infoReportAttachments)
    .where(and(eq(infoReportAttachments.reportId, reportId), eq(infoReportAttachments.id, attachmentId)))
    .limit(1);
  return row ?? null;
}

export async function insertOffer(db: DbOrTx, values: Omit<typeof infoReportOffers.$inferInsert, 'id'>): Promise<InfoReportOfferRow> {
  const [row] = await db.insert(infoReportOffers).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('info_report_offers insert returned nothing');
  return row;
}

export interface ListOffersFilter {
  period?: string;
  status?: OfferStatus;
  reporterKind?: ReporterKind;
  reporterIds?: readonly string[];
  /** The writing unit */
  unitId?: string;
  ids?: readonly string[];
  limit?: number;
}

function offerSelect(db: DbOrTx) {
  return db.select({ offer: infoReportOffers, report: infoReports, unitName: units.name }).from(infoReportOffers).innerJoin(infoReports, eq(infoReports.id, infoReportOffers.reportId)).innerJoin(units, eq(units.id, infoReports.unitId));
}

/** A body's offers, newest first. */
export async function listOffers(db: DbOrTx, bodyId: string, filter: ListOffersFilter = {}): Promise<OfferView[]> {
  const where: SQL[] = [eq(infoReportOffers.bodyId, bodyId)];
  if (filter.period !== undefined) where.push(eq(infoReportOffers.period, filter.period));
  if (filter.status !== undefined) where.push(eq(infoReportOffers.status, filter.status));
  if (filter.reporterKind !== undefined) where.push(eq(infoReportOffers.reporterKind, filter.reporterKind));
  if (filter.reporterIds !== undefined) where.push(filter.reporterIds.length === 0 ? sql`false` : inArray(infoReportOffers.reporterId, [...filter.reporterIds]));
  if (filter.unitId !== undefined) where.push(eq(infoReports.unitId, filter.unitId));
  if (filter.ids !== undefined) where.push(filter.ids.length === 0 ? sql`false` : inArray(infoReportOffers.id, [...filter.ids]));
  const rows = await offerSelect(db)
    .where(and(...where))
    .orderBy(desc(infoReportOffers.submittedAt), asc(infoReportOffers.id))
    .limit(filter.limit ?? 500);
  return rows.map((r) => ({ ...r.offer, report: r.report, unitName: r.unitName }));
}

export async function findOffer(db: DbOrTx, bodyId: string, offerId: string): Promise<OfferView | null> {
  const [row] = await offerSelect(db)
    .where(and(eq(infoReportOffers.bodyId, bodyId), eq(infoReportOffers.id, offerId)))
    .limit(1);
  return row ? { ...row.offer, report: row.report, unitName: row.unitName } : null;
}

/** Locks an offer row for a decision. */
export async function lockOffer(db: DbOrTx, bodyId: string, offerId: string): Promise<InfoReportOfferRow | null> {
  const [row] = await db
    .select()
    .from(infoReportOffers)
    .where(and(eq(infoReportOffers.bodyId, bodyId), eq(infoReportOffers.id, offerId)))
    .for('update')
    .limit(1);
  return row ?? null;
}

export async function updateOffer(db: DbOrTx, offerId: string, patch: Partial<Pick<InfoReportOfferRow, 'status' | 'reason' | 'decidedAt' | 'decidedBy'>>): Promise<void> {
  await db.update(infoReportOffers).set(patch).where(eq(infoReportOffers.id, offerId));
}

/** Counted offers (every status but returned) of a body per reporter and period, for the periods given. */
export async function countOffers(db: DbOrTx, bodyId: string, reporterKind: ReporterKind, periods: readonly string[]): Promise<{ reporterId: string; period: string; count: number }[]> {
  if (periods.length === 0) return [];
  const rows = await db
    .select({ reporterId: infoReportOffers.reporterId, period: infoReportOffers.period, count: sql<number>`count(*)::int` })
    .from(infoReportOffers)
    .where(
      and(
        eq(infoReportOffers.bodyId, bodyId),
        eq(infoReportOffers.reporterKind, reporterKind),
        inArray(infoReportOffers.period, [...periods]),
        ne(infoReportOffers.status, 'returned'),
      ),
    )
    .groupBy(infoReportOffers.reporterId, infoReportOffers.period);
  return rows.map((r) => ({ reporterId: r.reporterId, period: r.period, count: Number(r.count) }));
}

/** Counted offers (not returned) of many bodies for the periods given, by body, reporter kind, reporter and period. */
export async function countOffersOfBodies(
  db: DbOrTx,
  bodyIds: readonly string[],
  periods: readonly string[],
): Promise<{ bodyId: string; reporterKind: ReporterKind; reporterId: string; period: string; count: number }[]> {
  if (bodyIds.length === 0 || periods.length === 0) return [];
  const rows = await db
    .select({
      bodyId: infoReportOffers.bodyId,
      reporterKind: infoReportOffers.reporterKind,
      reporterId: infoReportOffers.reporterId,
      period: infoReportOffers.period,
      count: sql<number>`count(*)::int`,
    })
    .from(infoReportOffers)
    .where(and(inArray(infoReportOffers.bodyId, [...bodyIds]), inArray(infoReportOffers.period, [...periods]), ne(infoReportOffers.status, 'returned')))
    .groupBy(infoReportOffers.bodyId, infoReportOffers.reporterKind, infoReportOffers.reporterId, infoReportOffers.period);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Claims the reminder of a reporter for a period; false when it was claimed before. */
export async function claimReportReminder(db: DbOrTx, values: { bodyId: string; reporterKind: ReporterKind; reporterId: string; period: string; sentAt: Date }): Promise<boolean> {
  const rows = await db.insert(infoReportReminders).values(values).onConflictDoNothing().returning({ bodyId: infoReportReminders.bodyId });
  return rows.length > 0;
}

export async function setReportReminderOutbox(db: DbOrTx, values: { bodyId: string; reporterKind: ReporterKind; reporterId: string; period: string; outboxId: number }): Promise<void> {
  await db
    .update(infoReportReminders)
    .set({ outboxId: values.outboxId })
    .where(
      and(
        eq(infoReportReminders.bodyId, values.bodyId),
        eq(infoReportReminders.reporterKind, values.reporterKind),
        eq(infoReportReminders.reporterId, values.reporterId),
        eq(infoReportReminders.period, values.period),
      ),
    );
}

/** The reminders sent to a body's reporters for a period. */
export async function listReportReminders(db: DbOrTx, bodyId: string, period: string): Promise<{ reporterId: string; sentAt: Date }[]> {
  return db
    .select({ reporterId: infoReportReminders.reporterId, sentAt: infoReportReminders.sentAt })
    .from(infoReportReminders)
    .where(and(eq(infoReportReminders.bodyId, bodyId), eq(infoReportReminders.period, period)));
}

/** The bodies each report was offered to. */
export async function listOfferBodiesOfReports(db: DbOrTx, reportIds: readonly string[]): Promise<{ reportId: string; bodyId: string; bodyName: string }[]> {
  if (reportIds.length === 0) return [];
  return db
    .select({ reportId: infoReportOffers.reportId, bodyId: infoReportOffers.bodyId, bodyName: bodies.name })
    .from(infoReportOffers)
    .innerJoin(bodies, eq(bodies.id, infoReportOffers.bodyId))
    .where(inArray(infoReportOffers.reportId, [...reportIds]))
    .orderBy(asc(bodies.name));
}
