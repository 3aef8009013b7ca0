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

/**
 * Where the charter asks for an annual work plan (年度工作要点 … 提交…会议审议): the sentence, its
 * document and the clause of the nearest rule stated before it in the same document; null when the
 * charter does not mention one.
 */
export function workPlanClause(charter: Charter): RuleClause | null {
  const text = charter.normalizedText;
  const match = /年度(?:工作)?要点/.exec(text);
  if (match === null) return null;
  const pos = match.index;
  const start = Math.max(text.lastIndexOf('。', pos), text.lastIndexOf('\n', pos), text.lastIndexOf('；', pos)) + 1;
  const ends = ['。', '\n'].map((c) => text.indexOf(c, pos)).filter((i) => i >= 0);
  const end = ends.length === 0 ? text.length : Math.min(...ends);
  const docIndex = charter.documents.findIndex((d) => d.source.start <= pos && pos < d.source.end);
  const document = docIndex >= 0 ? (charter.documents[docIndex]?.title ?? null) : null;
  // The clause label of the closest rule before the sentence, in the same document and within the same clause span
  const before = charter.rules
    .filter((r) => r.document === docIndex && r.source.start <= pos && pos - r.source.end < 120)
    .sort((a, b) => b.source.start - a.source.start)[0];
  return { document, clause: before?.clause ?? null, text: text.slice(start, end).trim() };
}
