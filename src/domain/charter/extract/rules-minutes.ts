/**
 * Minutes and decisions: who approves or signs off the minutes, where they are sent, who tracks the
 * decisions to completion. Pure.
 */
import type { Actor, DecisionTrackingRule, MinutesDistributionRule, MinutesSignoffRule } from '../charter-types.ts';
import { uniqueActors } from './actors.ts';
import { ruleBase, splitList, subjectActor, subjectOf, withoutLabel, type RuleContext } from './rules-context.ts';
import type { Sentence } from './rules-text.ts';

/** Minutes or the decisions they record. */
const MINUTES = /纪要|议定事项|决议事项|会议决定/;

const SIGN_VERBS = /审定同意|审核同意|审定|审核|签发|签批|审签|同意/g;

/**
 * The actors just before a verb: back to the last 由 / 经 / 报 of the clause, keeping only the trailing
 * items of a 、-list that are actor titles (…整理、组长签发 → 组长).
 */
function actorsBefore(rc: RuleContext, s: Sentence, text: string, verbAt: number): Actor[] {
  const clauseStart = Math.max(text.lastIndexOf('，', verbAt - 1), text.lastIndexOf('：', verbAt - 1)) + 1;
  let segment = text.slice(clauseStart, verbAt);
  const by = Math.max(segment.lastIndexOf('由'), segment.lastIndexOf('经'), segment.lastIndexOf('报'));
  if (by >= 0) segment = segment.slice(by + 1);
  const items = segment.split('、');
  const kept: string[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as string;
    if (!rc.vocabulary.isOnlyActors(item, subjectOf(rc, s))) break;
    kept.unshift(item);
  }
  return uniqueActors(kept.flatMap((k) => rc.vocabulary.actors(k, subjectOf(rc, s))));
}

export function minutesSignoffRules(rc: RuleContext, s: Sentence): MinutesSignoffRule[] {
  const text = s.text;
  const topic = MINUTES.exec(text);
  if (topic === null) return [];
  const out: MinutesSignoffRule[] = [];
  for (const m of text.matchAll(SIGN_VERBS)) {
    if (m.index < topic.index) continue;
    const roles = actorsBefore(rc, s, text, m.index).filter((a) => a !== 'body');
    if (roles.length === 0) continue;
    const action = /签/.test(m[0]) ? 'sign_off' : 'approve';
    if (out.some((r) => r.action === action)) continue;
    out.push({ type: 'minutes_signoff', ...ruleBase(rc, s), action, roles });
  }
  return out;
}

/** 重大事项按程序报批 / 重大事项按程序报省委、省政府审定: where major matters go ([] when no one is named). */
function majorMattersEscalation(text: string): { to: string[]; at: number } | null {
  // 重大事项要及时向国务院报告 / 重大事项按程序报批 / 重大事项报告省政府
  const toward = /重大(?:事项|问题)[^。；，]{0,40}?向([^。；，]{1,40}?)(?:报告|请示|汇报|报送|报批)/.exec(text);
  if (toward !== null) return { to: splitList(toward[1] as string), at: toward.index };
  const m = /重大(?:事项|问题)[^。；，]{0,40}?报(批|[^。；，]{0,60})/.exec(text);
  if (m === null) return null;
  const target = (m[1] as string).replace(/^(?:告|送|请)/, '').replace(/(?:审定|批准|审批|审议|决定|同意)$/, '');
  return { to: target === '批' ? [] : splitList(target), at: m.index };
}

export function minutesDistributionRules(rc: RuleContext, s: Sentence): MinutesDistributionRule[] {
  const full = s.text;
  const topic = MINUTES.exec(full);
  if (topic === null) return [];
  const escalation = majorMattersEscalation(full);
  const text = escalation !== null ? full.slice(0, escalation.at) : full;
  const sendRe = /印发|分送|送达|发送|下发/g;
  let send: RegExpMatchArray | null = null;
  for (const m of text.matchAll(sendRe)) {
    if (m.index > topic.index) {
      send = m;
      break;
    }
  }
  if (send === null) return [];
  const after = text.slice((send.index ?? 0) + send[0].length);
  const stop = /[，]?(?:同时|并)?(?:抄报|抄送|报送|并报|上报|报)|[。；]/.exec(after);
  const recipientsText = stop !== null ? after.slice(0, stop.index) : after;
  const recipients = splitList(recipientsText.replace(/^(?:给|至|到)/, ''));
  const subject = subjectOf(rc, s);
  let toMemberUnits = false;
  const copyTo: string[] = [];
  for (const r of recipients) {
    const actors = rc.vocabulary.find(r, subject);
    if (actors.some((a) => a.actor === 'member_unit' || a.actor === 'member')) toMemberUnits = true;
    if (actors.length === 0 && !/^(?:落实|执行)$/.test(r)) copyTo.push(r);
  }
  const reportCopyTo: string[] = [];
  const report = /(?:抄报|并报|报送|上报|，报)([^。；]+)/.exec(after);
  if (report !== null) reportCopyTo.push(...splitList(report[1] as string));
  const cc = /抄送([^。；]+)/.exec(after);
  if (cc !== null) copyTo.push(...splitList(cc[1] as string));
  const rule: MinutesDistributionRule = { type: 'minutes_distribution', ...ruleBase(rc, s), toMemberUnits, reportCopyTo, copyTo };
  if (escalation !== null) rule.escalateMajorMattersTo = escalation.to;
  else {
    // 重大事项按程序报批。 stated right after, in the same section
    const next = rc.sentences[s.index + 1];
    const nextEscalation = next !== undefined && next.section === s.section ? majorMattersEscalation(next.text) : null;
    if (next !== undefined && nextEscalation !== null && nextEscalation.at === 0) {
      rule.escalateMajorMattersTo = nextEscalation.to;
      rule.source = { start: rule.source.start, end: next.end };
    }
  }
  return [rule];
}

/** Decisions tracked to completion: 办公室要加强对议定事项的跟踪督促落实，及时向各成员单位通报. */
export function decisionTrackingRules(rc: RuleContext, s: Sentence): DecisionTrackingRule[] {
  const text = s.text;
  if (!/议定(?:的)?事项|决定(?:的)?事项|决议事项|会议决定/.test(text)) return [];
  const subject = subjectOf(rc, s);
  const reportedTo = /落实情况[^。；]{0,60}?报([^。；，]{1,20})/.exec(text);
  const tracks = /跟踪|督促|督办|督查|催办/.exec(text);
  if (reportedTo === null && tracks === null) return [];
  let trackedBy: Actor[] = [];
  if (reportedTo !== null) trackedBy = rc.vocabulary.actors(reportedTo[1] as string, subject).filter((a) => a !== 'body');
  if (trackedBy.length === 0) {
    const lead = subjectActor(rc, s, 'office');
    trackedBy = lead !== null && lead !== 'body' && lead !== 'member_unit' ? [lead] : ['office'];
  }
  const rule: DecisionTrackingRule = { type: 'decision_tracking', ...ruleBase(rc, s), trackedBy, circular: /通报/.test(text) };
  const implemented = /由([^。；，]{1,20}?)(?:具体|负责)?(?:落实|承办|办理)/.exec(withoutLabel(text));
  if (implemented !== null) {
    const by = rc.vocabulary.actors(implemented[1] as string, subject).filter((a) => a !== 'body');
    if (by.length > 0) rule.implementedBy = by;
  }
  return [rule];
}
