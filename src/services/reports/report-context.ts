/**
 * What every information-report step needs of a body: its charter's quota (or the office's default,
 * or none), the reporters the quota counts (member units, or the body's groups) with the units that
 * speak for each, and today's period.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { BodyRow } from '../../repositories/body-repository.ts';
import { listGroupsOfBody } from '../../repositories/group-repository.ts';
import {
  findReportSettings,
  listBodiesWithCharters,
  listGroupUnitsOfBodies,
  listMemberUnitsOfBodies,
  listReportSettingsOfBodies,
} from '../../repositories/report-repository.ts';
import type { ReportSettingsRow } from '../../repositories/report-repository.ts';
import { listBodyUnits } from '../../repositories/unit-repository.ts';
import { periodOf } from '../../domain/reports/report-periods.ts';
import type { ReportPeriod } from '../../domain/reports/report-periods.ts';
import { resolveReportQuota } from '../../domain/reports/report-quota.ts';
import type { ReportQuota } from '../../domain/reports/report-quota.ts';
import type { ReporterKind } from '../../domain/reports/report-types.ts';
import type { GroupKind } from '../../domain/charter/charter-types.ts';
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

/** Member-unit reporters: each unit holding today once, in charter order. */
function memberUnitReporters(units: readonly { unitId: string; name: string }[]): Reporter[] {
  const seen = new Set<string>();
  const out: Reporter[] = [];
  for (const u of units) {
    if (seen.has(u.unitId)) continue;
    seen.add(u.unitId);
    out.push({ kind: 'member_unit', id: u.unitId, name: u.name, unitIds: [u.unitId], remindUnitIds: [u.unitId] });
  }
  return out;
}

/** Group reporters: a quota "by group" counts the thematic groups (专题组) where the body has them, else every group. */
function groupReporters(groups: readonly { id: string; name: string; kind: GroupKind; units: readonly { unitId: string; lead: boolean }[] }[]): Reporter[] {
  const thematic = groups.filter((g) => g.kind === 'thematic');
  return (thematic.length > 0 ? thematic : groups).map((g) => {
    const unitIds = [...new Set(g.units.map((u) => u.unitId))];
    const leads = [...new Set(g.units.filter((u) => u.lead).map((u) => u.unitId))];
    return { kind: 'group', id: g.id, name: g.name, unitIds, remindUnitIds: leads.length > 0 ? leads : unitIds };
  });
}

/** The reporters of a body for a reporter kind, as of `today`. */
export async function listReporters(db: DbOrTx, options: { bodyId: string; kind: ReporterKind; today: string }): Promise<Reporter[]> {
  if (options.kind === 'member_unit') {
    return memberUnitReporters((await listBodyUnits(db, options.bodyId, options.today)).map((u) => ({ unitId: u.unitId, name: u.unit.name })));
  }
  return groupReporters(await listGroupsOfBody(db, options.bodyId));
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

/**
 * The report contexts of many bodies on `today` at once, by body: the same as loadReportContext body
 * by body, in a bounded number of statements (bodies with charters, settings, member units, groups)
 * whatever the number of bodies. Unknown bodies and bodies without a charter in force are left out.
 */
export async function loadReportContexts(db: DbOrTx, options: { bodyIds: readonly string[]; today: string }): Promise<Map<string, ReportContext>> {
  const out = new Map<string, ReportContext>();
  const bodyIds = [...new Set(options.bodyIds)];
  if (bodyIds.length === 0) return out;
  const withCharters = await listBodiesWithCharters(db, bodyIds);
  const settingsOf = new Map((await listReportSettingsOfBodies(db, bodyIds)).map((row) => [row.bodyId, row]));
  const quotas = withCharters.map(({ body, charter }) => ({ body, settings: settingsOf.get(body.id) ?? null, quota: resolveReportQuota(charter, settingsOf.get(body.id) ?? null) }));
  const byUnit = quotas.filter((q) => q.quota.source !== 'off' && q.quota.reporter === 'member_unit').map((q) => q.body.id);
  const byGroup = quotas.filter((q) => q.quota.source !== 'off' && q.quota.reporter === 'group').map((q) => q.body.id);
  const units = await listMemberUnitsOfBodies(db, byUnit, options.today);
  const groupRows = await listGroupUnitsOfBodies(db, byGroup);
  for (const { body, settings, quota } of quotas) {
    if (quota.source === 'off') {
      out.set(body.id, { body, quota, settings, today: options.today, period: null, reporters: [] });
      continue;
    }
    let reporters: Reporter[];
    if (quota.reporter === 'member_unit') {
      reporters = memberUnitReporters(units.filter((u) => u.bodyId === body.id));
    } else {
      const groups = new Map<string, { id: string; name: string; kind: GroupKind; units: { unitId: string; lead: boolean }[] }>();
      for (const row of groupRows) {
        if (row.bodyId !== body.id) continue;
        const group = groups.get(row.groupId) ?? { id: row.groupId, name: row.name, kind: row.kind, units: [] };
        if (row.unitId !== null) group.units.push({ unitId: row.unitId, lead: row.lead === true });
        groups.set(row.groupId, group);
      }
      reporters = groupReporters([...groups.values()]);
    }
    out.set(body.id, { body, quota, settings, today: options.today, period: periodOf(options.today, quota.periodMonths), reporters });
  }
  return out;
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
