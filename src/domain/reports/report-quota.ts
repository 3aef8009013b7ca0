/**
 * Which quota binds a body's information reports: the charter's `info_report_quota` rule (每月不得少于
 * 一篇 …) where the charter states one; else the office's own default once the office has enabled it;
 * else none — the feature is off and nothing is invented. Pure.
 */
import type { Charter, InfoReportQuotaRule } from '../charter/charter-types.ts';
import { clauseOf } from '../meetings/meeting-rules.ts';
import type { RuleClause } from '../meetings/meeting-rules.ts';
import { DEFAULT_REPORT_CATEGORIES } from './report-types.ts';
import type { PeriodMonths, ReporterKind } from './report-types.ts';
import { PERIOD_MONTHS } from './report-types.ts';

/** The office's stored settings (null when it has never saved any). */
export interface ReportSettingsInput {
  enabled: boolean;
  reporter: ReporterKind;
  quotaCount: number;
  periodMonths: number;
  categories: string[];
  reminderDaysBefore: number;
}

export type ReportQuota =
  | {
      source: 'charter';
      reporter: ReporterKind;
      count: number;
      periodMonths: PeriodMonths;
      /** The clause and sentence of the charter */
      clause: RuleClause;
      text: string;
      categories: string[];
      reminderDaysBefore: number;
    }
  | {
      source: 'office_default';
      reporter: ReporterKind;
      count: number;
      periodMonths: PeriodMonths;
      clause: null;
      text: string;
      categories: string[];
      reminderDaysBefore: number;
    }
  | { source: 'off'; categories: string[]; reminderDaysBefore: number };

export const DEFAULT_REMINDER_DAYS_BEFORE = 5;

function asPeriodMonths(n: number): PeriodMonths {
  return (PERIOD_MONTHS as readonly number[]).includes(n) ? (n as PeriodMonths) : 1;
}

/** The charter's quota rule, if it states one. */
export function charterQuotaRule(charter: Charter): InfoReportQuotaRule | null {
  for (const rule of charter.rules) if (rule.type === 'info_report_quota') return rule;
  return null;
}

/** The quota a reporter kind is counted by, from the charter's rule or the office's settings. */
export function resolveReportQuota(charter: Charter, settings: ReportSettingsInput | null): ReportQuota {
  const categories = settings !== null && settings.categories.length > 0 ? settings.categories : [...DEFAULT_REPORT_CATEGORIES];
  const reminderDaysBefore = settings?.reminderDaysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE;
  const rule = charterQuotaRule(charter);
  if (rule !== null) {
    const periodMonths = asPeriodMonths(rule.periodMonths ?? 1);
    const count = rule.count ?? Math.max(1, Math.round(rule.perMonth * periodMonths));
    const reporter: ReporterKind = rule.reporter === 'group' ? 'group' : 'member_unit';
    const clause = clauseOf(charter, rule);
    return { source: 'charter', reporter, count, periodMonths, clause, text: clause.text, categories, reminderDaysBefore };
  }
  if (settings === null || !settings.enabled) return { source: 'off', categories, reminderDaysBefore };
  const periodMonths = asPeriodMonths(settings.periodMonths);
  return {
    source: 'office_default',
    reporter: settings.reporter,
    count: settings.quotaCount,
    periodMonths,
    clause: null,
    text: quotaText(settings.reporter, settings.quotaCount, periodMonths),
    categories,
    reminderDaysBefore,
  };
}

/** 各成员单位每月报送信息不少于1篇 — the office's default, in words. */
export function quotaText(reporter: ReporterKind, count: number, periodMonths: PeriodMonths): string {
  const who = reporter === 'group' ? '各工作组' : '各成员单位';
  const every: Record<PeriodMonths, string> = { 1: '每月', 3: '每季度', 6: '每半年', 12: '每年' };
  return `${who}${every[periodMonths]}报送工作信息不少于${count}篇`;
}
