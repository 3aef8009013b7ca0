/**
 * What every information-report step needs of a body: its charter's quota (or the office's default,
 * or none), the reporters the quota counts (member units, or the body's groups) with the units that
 * speak for each, and today's period.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { BodyRow } from '../../repositories/body-repository.ts';
import { listGroupsOfBody } from '../../repositories/group-repository.ts';
import { findReportSettings } from '../../repositories/report-repository.ts';
import type { ReportSettingsRow } from '../../repositories/report-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { periodOf } from '../../domain/reports/report-periods.ts';
import type { ReportPeriod } from '../../domain/reports/report-periods.ts';
import { resolveReportQuota } from '../../domain/reports/report-quota.ts';
import type { ReportQuota } from '../../domain/reports/report-quota.ts';
import type { ReporterKind } from '../../domain/reports/report-types.ts';
import type { ReportQuotaResponse } from '../../contracts/reports.ts';
import { loadBodyCharter } from '../body-service.ts';

/** One reporter the quota counts. */
export interface Reporter {
  kind: ReporterKind;
  id: string;
  name: string;
  /** Units that may report for it: the unit itself, or the group's units */
  unitIds: string[];
  /** Units whose liaisons are reminded: the unit itself, or the group's lead units (all its units when none leads) */
  remindUnitIds: string[];
}

export interface ReportContext {
  body: BodyRow;
  quota: ReportQuota;
  settings: ReportSettingsRow | null;
  today: string;
  /** Today's period; null when the feature is off */
  period: ReportPeriod | null;
  reporters: Reporter[];
}

/** The reporters of a body for a reporter kind, as of `today`. */
export async function listReporters(db: DbOrTx, options: { bodyId: string; kind: ReporterKind; today: string }): Promise<Reporter[]> {
  if (options.kind === 'member_unit') {
    const units = await listBodyUnits(db, options.bodyId, options.today);
    const seen = new Set<string>();
    const out: Reporter[] = [];
    for (const u of units) {
      if (seen.has(u.unitId)) continue;
      seen.add(u.unitId);
      out.push({ kind: 'member_unit', id: u.unitId, name: u.unit.name, unitIds: [u.unitId], remindUnitIds: [u.unitId] });
    }
    return out;
  }
  const groups = await listGroupsOfBody(db, options.bodyId);
  // A quota "by group" counts the thematic groups (专题组) where the body has them, else every group
  const thematic = groups.filter((g) => g.kind === 'thematic');
  return (thematic.length > 0 ? thematic : groups).map((g) => {
    const unitIds = [...new Set(g.units.map((u) => u.unitId))];
    const leads = [...new Set(g.units.filter((u) => u.lead).map((u) => u.unitId))];
    return { kind: 'group', id: g.id, name: g.name, unitIds, remindUnitIds: leads.length > 0 ? leads : unitIds };
  });
}

/** The body's report context on `today`. */
export async function loadReportContext(db: DbOrTx, options: { bodyId: string; today: string }): Promise<ReportContext> {
  const { body, charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const settings = await findReportSettings(db, options.bodyId);
  const quota = resolveReportQuota(charter, settings);
  if (quota.source === 'off') return { body, quota, settings, today: options.today, period: null, reporters: [] };
  const reporters = await listReporters(db, { bodyId: options.bodyId, kind: quota.reporter, today: options.today });
  return { body, quota, settings, today: options.today, period: periodOf(options.today, quota.periodMonths), reporters };
}

/** The quota as the API shows it. */
export function toQuotaResponse(quota: ReportQuota): ReportQuotaResponse {
  if (quota.source === 'off') {
    return { source: 'off', reporter: null, count: null, periodMonths: null, text: null, clause: null, categories: quota.categories, reminderDaysBefore: quota.reminderDaysBefore };
  }
  return {
    source: quota.source,
    reporter: quota.reporter,
    count: quota.count,
    periodMonths: quota.periodMonths,
    text: quota.text,
    clause: quota.source === 'charter' ? quota.clause : null,
    categories: quota.categories,
    reminderDaysBefore: quota.reminderDaysBefore,
  };
}
