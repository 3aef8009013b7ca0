/** The charter's quota and annual-report rules as the reports read them, on the seeds: nothing invented for a silent charter. */
import { describe, expect, it } from 'vitest';
import { importCharter } from '../../../src/domain/charter/import-charter.ts';
import type { Charter } from '../../../src/domain/charter/charter-types.ts';
import { annualPlan, annualReporterOf } from '../../../src/domain/reports/annual-rules.ts';
import { resolveReportQuota } from '../../../src/domain/reports/report-quota.ts';
import { seeds } from '../charter/seed-files.ts';

function charterOf(prefix: string): Charter {
  const entry = Object.entries(seeds).find(([name]) => name.startsWith(prefix));
  if (!entry) throw new Error(`seed ${prefix}`);
  const result = importCharter(entry[1]);
  if (!result.ok) throw new Error('import failed');
  return result.charter;
}

describe('the information-report quota', () => {
  it('seed 004: each thematic group, one a month, 第十三条', () => {
    const quota = resolveReportQuota(charterOf('004'), null);
    expect(quota).toMatchObject({ source: 'charter', reporter: 'group', count: 1, periodMonths: 1 });
    expect(quota.source === 'charter' && quota.clause.clause).toBe('第十三条');
    expect(quota.categories).toEqual(['工作动态', '经验做法', '问题建议']);
  });

  it('a silent charter: off, until the office enables its own default', () => {
    const charter = charterOf('000');
    expect(resolveReportQuota(charter, null).source).toBe('off');
    const settings = { enabled: false, reporter: 'member_unit' as const, quotaCount: 2, periodMonths: 3, categories: ['动态'], reminderDaysBefore: 7 };
    expect(resolveReportQuota(charter, settings)).toMatchObject({ source: 'off', categories: ['动态'] });
    expect(resolveReportQuota(charter, { ...settings, enabled: true })).toMatchObject({ source: 'office_default', count: 2, periodMonths: 3, text: '各成员单位每季度报送工作信息不少于2篇' });
  });
});

describe('the annual plan', () => {
  it('seed 004: units and groups report through the office to the group', () => {
    const plan = annualPlan(charterOf('004'));
    expect(plan).toMatchObject({ memberUnits: true, groups: true });
    expect(plan?.reportTo).toEqual(['协调小组']);
  });

  it('charters without an annual report rule: none', () => {
    for (const prefix of ['000', '001', '002']) expect(annualPlan(charterOf(prefix)), prefix).toBeNull();
  });

  it('reads who reports from the rule’s words', () => {
    expect(annualReporterOf('各区镇、市有关部门')).toBe('member_units');
    expect(annualReporterOf('协调小组办公室')).toBe('body');
    expect(annualReporterOf('各专题组')).toBe('groups');
  });
});
