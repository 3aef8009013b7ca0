/**
 * The annual cycle a charter orders: its `annual_report` rules say who reports each year (各区镇、市
 * 有关部门每年应当通过办公室向协调小组报告工作情况 — the member units; 各专题组 — the groups) and to whom
 * the body's own report goes (办公室…向协调小组报送年度工作报告; 向市人民政府汇报). A charter without such a
 * rule orders no annual collection: nothing is invented. Pure.
 */
import type { AnnualReportRule, Charter } from '../charter/charter-types.ts';
import { clauseOf } from '../meetings/meeting-rules.ts';
import type { RuleClause } from '../meetings/meeting-rules.ts';

/** Who files a yearly report under a rule: the member units, the groups, or the body itself (its office / convener). */
export type AnnualReporter = 'member_units' | 'groups' | 'body';

export interface AnnualPlan {
  /** The member units report (a task each) */
  memberUnits: boolean;
  /** The (thematic) groups report (a task each) */
  groups: boolean;
  /** Where the body's compiled report goes (the rules' `to`), first stated first */
  reportTo: string[];
  /** The rules, with their clauses */
  rules: { rule: AnnualReportRule; clause: RuleClause; reporter: AnnualReporter }[];
}

/** Who the reporter text of a rule names. */
export function annualReporterOf(reporter: string): AnnualReporter {
  if (/专题组|工作组/.test(reporter) && !/部门|单位|区镇|县|区/.test(reporter)) return 'groups';
  if (/办公室|召集人|组长|指挥长|主任/.test(reporter) || reporter.trim() === '') return 'body';
  if (/各|有关|成员单位|部门|单位|区镇|县|区/.test(reporter)) return 'member_units';
  return 'body';
}

/** The annual plan of a charter; null when it states no annual report. */
export function annualPlan(charter: Charter): AnnualPlan | null {
  const rules = charter.rules.filter((r): r is AnnualReportRule => r.type === 'annual_report');
  if (rules.length === 0) return null;
  const withClauses = rules.map((rule) => {
    const clause = clauseOf(charter, rule);
    return { rule, clause, reporter: annualReporterOf(rule.reporter) };
  });
  const memberUnits = withClauses.some((r) => r.reporter === 'member_units');
  // The office compiles the groups' yearly reports where a rule's sentence names them (汇总和整理各专题组…年度工作报告)
  const groups = withClauses.some((r) => r.reporter === 'groups' || /各专题组|各工作组/.test(r.clause.text));
  const own = withClauses.filter((r) => r.reporter === 'body');
  const reportTo = [...new Set((own.length > 0 ? own : withClauses).map((r) => r.rule.to))];
  return { memberUnits, groups, reportTo, rules: withClauses };
}
