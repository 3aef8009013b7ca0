import type { Rule } from '../charter-types.ts';
import type { CompositionResult, ExtractionContext, RulesResult } from '../pipeline-types.ts';
import { extractFunctions } from './functions.ts';
import { buildRuleContext } from './rules-context.ts';
import { agendaApprovalRules, attendanceRules, meetingFrequencyRules, preMeetingRules, presiderRules } from './rules-meetings.ts';
import { decisionTrackingRules, minutesDistributionRules, minutesSignoffRules } from './rules-minutes.ts';
import {
  annualReportRules,
  bulletinRules,
  documentSigningRules,
  handlingDeadlineRules,
  infoReportQuotaRules,
  membershipChangeRules,
} from './rules-documents.ts';
import { bindWorkingMeetings } from './rules-meeting-kinds.ts';
import { undefinedRoleTitleFindings } from './rules-role-titles.ts';
import type { RuleContext } from './rules-context.ts';
import type { Sentence } from './rules-text.ts';

type SentenceExtractor = (rc: RuleContext, s: Sentence) => Rule[];

const SENTENCE_EXTRACTORS: SentenceExtractor[] = [
  meetingFrequencyRules,
  presiderRules,
  agendaApprovalRules,
  preMeetingRules,
  minutesSignoffRules,
  minutesDistributionRules,
  decisionTrackingRules,
  handlingDeadlineRules,
  infoReportQuotaRules,
  annualReportRules,
  membershipChangeRules,
  documentSigningRules,
  bulletinRules,
];

/**
 * Extracts the body's functions (主要职能 / 主要职责) and its typed rules (meeting frequency,
 * presider, agenda approval, attendance, minutes sign-off and distribution, deadlines …).
 *
 * Every rule carries the document it comes from, the clause label the document gives it (第十三条,
 * 三、工作规则, 三、（二）2.) and the span of its sentence. A rule stated the same way in two of the
 * text's documents (a handling deadline in both an office's and the groups' rules) is kept once per
 * document: each document binds its own addressees and is cited by its own clause.
 *
 * Findings: `undefined_role_title` (warning) when a rule names a convener or deputy title that the
 * composition's roster does not define.
 */
export function extractRules(ctx: ExtractionContext, composition: CompositionResult): RulesResult {
  const rc = buildRuleContext(ctx, composition);
  const rules: Rule[] = [];
  for (const s of rc.sentences) {
    for (const extract of SENTENCE_EXTRACTORS) rules.push(...extract(rc, s));
  }
  rules.push(...attendanceRules(rc));
  rules.sort((a, b) => a.source.start - b.source.start);
  return { functions: extractFunctions(rc), rules: bindWorkingMeetings(rc, rules), findings: undefinedRoleTitleFindings(rc, composition) };
}
