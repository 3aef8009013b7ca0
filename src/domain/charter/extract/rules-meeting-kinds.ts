/**
 * Binding rules to meeting kinds over the whole text. A body whose own rules name its meetings only
 * as 工作会议 (领导小组实行工作会议制度; 定期或不定期召开工作会议，由组长…主持) and distinguish no
 * plenary, topical or liaison meeting of it holds all its meetings as those working meetings: their
 * rules are stated generally (kind `any`) and bind every kind of the body's meetings. Where the body
 * distinguishes kinds (全体会议 … 工作会议 / 调度会), a working meeting's rule stays bound to working
 * meetings and never becomes another kind's. Pure.
 */
import type { Rule } from '../charter-types.ts';
import type { RuleContext } from './rules-context.ts';
import { subjectOf } from './rules-context.ts';
import { kindInDocument, meetingMentions } from './rules-text.ts';

/** Whether the body's own documents name its meetings only as 工作会议 (and by its own name). */
export function workingMeetingsAreGeneral(rc: RuleContext): boolean {
  let namesWorking = false;
  for (const s of rc.sentences) {
    if (subjectOf(rc, s) !== 'body') continue;
    for (const m of meetingMentions(s.text, rc.names)) {
      const kind = kindInDocument(m.kind, 'body');
      if (kind === 'plenary' || kind === 'topical' || kind === 'liaison' || kind === 'group') return false;
      if (kind === 'working') {
        if (!/^工作会议$/.test(s.text.slice(m.start, m.end))) return false;
        namesWorking = true;
      }
    }
  }
  return namesWorking;
}

/** The rules with the body's own working-meeting rules stated generally, where its meetings are all working meetings. */
export function bindWorkingMeetings(rc: RuleContext, rules: Rule[]): Rule[] {
  if (!workingMeetingsAreGeneral(rc)) return rules;
  const bodyDocuments = new Set(rc.sentences.filter((s) => subjectOf(rc, s) === 'body').map((s) => s.document));
  return rules.map((rule) => {
    if (!('meetingKind' in rule) || rule.meetingKind !== 'working' || !bodyDocuments.has(rule.document)) return rule;
    if (rule.type === 'pre_meeting') return rule;
    return { ...rule, meetingKind: 'any' };
  });
}
