/**
 * The office's information-report settings: where the charter states no quota the feature is off
 * until the office enables it with a default of its choosing (reporter, count, period); the category
 * list and the reminder lead time apply to every body.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { ReportSettingsResponse } from '../../contracts/reports.ts';
import { DEFAULT_REMINDER_DAYS_BEFORE, resolveReportQuota } from '../../domain/reports/report-quota.ts';
import { DEFAULT_REPORT_CATEGORIES } from '../../domain/reports/report-types.ts';
import type { PeriodMonths, ReporterKind } from '../../domain/reports/report-types.ts';
import { findReportSettings, upsertReportSettings } from '../../repositories/report-repository.ts';
import type { ReportSettingsRow } from '../../repositories/report-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { loadBodyCharter } from '../body-service.ts';
import { toQuotaResponse } from './report-context.ts';

function view(bodyId: string, row: ReportSettingsRow | null, quota: ReportSettingsResponse['quota']): ReportSettingsResponse {
  return {
    bodyId,
    quota,
    enabled: row?.enabled ?? false,
    reporter: row?.reporter ?? 'member_unit',
    quotaCount: row?.quotaCount ?? 1,
    periodMonths: row?.periodMonths ?? 1,
    categories: row !== null && row.categories.length > 0 ? row.categories : [...DEFAULT_REPORT_CATEGORIES],
    reminderDaysBefore: row?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The body's settings and the quota that binds it (the charter's, the office's default, or off). */
export async function getReportSettings(db: DbOrTx, options: { bodyId: string }): Promise<ReportSettingsResponse> {
  const { charter } = await loadBodyCharter(db, options);
  const row = await findReportSettings(db, options.bodyId);
  return view(options.bodyId, row, toQuotaResponse(resolveReportQuota(charter, row)));
}

/** The office changes the settings (audited with before and after). */
export async function updateReportSettings(options: {
  db: Database;
  clock: Clock;
  bodyId: string;
  patch: { enabled?: boolean; reporter?: ReporterKind; quotaCount?: number; periodMonths?: PeriodMonths; categories?: string[]; reminderDaysBefore?: number };
  origin: AuditOrigin;
}): Promise<ReportSettingsResponse> {
  return options.db.transaction(async (tx) => {
    const { charter } = await loadBodyCharter(tx, { bodyId: options.bodyId });
    const before = await findReportSettings(tx, options.bodyId);
    const p = options.patch;
    const categories = p.categories === undefined ? (before?.categories ?? []) : [...new Set(p.categories)];
    const row = await upsertReportSettings(tx, {
      bodyId: options.bodyId,
      enabled: p.enabled ?? before?.enabled ?? false,
      reporter: p.reporter ?? before?.reporter ?? 'member_unit',
      quotaCount: p.quotaCount ?? before?.quotaCount ?? 1,
      periodMonths: p.periodMonths ?? before?.periodMonths ?? 1,
      categories,
      reminderDaysBefore: p.reminderDaysBefore ?? before?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE,
      updatedAt: options.origin.at,
      updatedBy: options.origin.actorId,
    });
    await recordAudit(tx, {
      ...options.origin,
      action: 'info_report_settings.update',
      entityType: 'body',
      entityId: options.bodyId,
      before,
      after: row,
    });
    return view(options.bodyId, row, toQuotaResponse(resolveReportQuota(charter, row)));
  });
}
