/**
 * Meeting rules: how often meetings are held, who presides, who proposes and approves the agenda,
 * who must attend, which meeting precedes which. Pure.
 */
import type {
  Actor,
  AgendaApprovalRule,
  AttendanceRule,
  MeetingFrequencyRule,
  MeetingKind,
  ParticipantApproval,
  PreMeetingRule,
  PresiderRule,
} from '../charter-types.ts';
import { parseCount } from '../../text/chinese-numerals.ts';
import { uniqueActors } from './actors.ts';
import { meetingKindOf, meetingKindsNamed, ruleBase, subjectOf, withoutLabel, type RuleContext } from './rules-context.ts';
import { kindInDocument, meetingMentions, type Sentence } from './rules-text.ts';

/** A number; it starts where a run of digits starts (a match never begins inside one: linear time). */
const NUM = '(?<![0-9一二三四五六七八九十两])[0-9一二三四五六七八九十两]+';

/** Months per period word. */
const WEEK = 12 / 52;
const DAY = 12 / 365;
/** Months per period word; `per` > 0 scales a stated count (每2个月, 每两周, 每10天). */
const PERIOD_MONTHS: Array<{ re: RegExp; months: number; per?: number }> = [
  { re: /每半年/, months: 6 },
  { re: /每(?:个)?季度|每季/, months: 3 },
  { re: new RegExp(`每(${NUM})个月`), months: -1, per: 1 },
  { re: /每半(?:个)?月/, months: 0.5 },
  { re: /每(?:个)?月/, months: 1 },
  { re: /每(?:一)?年(?:度)?/, months: 12 },
  { re: new RegExp(`每(${NUM})(?:周|个星期)`), months: -1, per: WEEK },
  { re: /每(?:一)?(?:周|星期)/, months: WEEK },
  { re: new RegExp(`每(${NUM})(?:天|日)`), months: -1, per: DAY },
  // 原则上两个月召开一次: a period without 每, right before the verb
  { re: new RegExp(`(${NUM})个月(?=[^，。；]{0,6}?(?:召开|举行|一次))`), months: -1, per: 1 },
];

/** The period a sentence states (每季度 → 3 months), with where it was found. */
export function statedPeriod(text: string): { months: number; index: number; length: number } | null {
  for (const { re, months, per } of PERIOD_MONTHS) {
    const m = re.exec(text);
    if (m === null) continue;
    const count = months === -1 ? parseCount(m[1] ?? '') : null;
    const value = months === -1 ? (count === null ? null : count * (per ?? 1)) : months;
    if (value === null || value <= 0) continue;
    return { months: value, index: m.index, length: m[0].length };
  }
  return null;
}

/** The minimum number of meetings a year a sentence states (每年至少召开两次 → 2, 每季度召开一次 → 4). */
export function minPerYear(text: string): number | null {
  const period = statedPeriod(text);
  if (period === null) return null;
  const after = text.slice(period.index + period.length);
  const count = new RegExp(`^[^，。；]{0,12}?(${NUM})(?:至${NUM})?次`).exec(after);
  const n = count !== null ? parseCount(count[1] ?? '') : 1;
  if (n === null) return null;
  return Math.round((12 / period.months) * n * 100) / 100;
}

function schedule(text: string, hasCount: boolean): MeetingFrequencyRule['schedule'] {
  if (/定期(?:或|、|和|\/|或者)?不定期|不定期(?:或|、)定期/.test(text)) return 'regular_or_irregular';
  if (/不定期/.test(text)) return 'irregular';
  if (hasCount || /定期/.test(text)) return 'regular';
  if (/(?:根据|视)(?:工作)?(?:需要|情况)|必要时|适时|随时|可(?:以)?(?:根据[^，。；]*)?(?:召开|召集|举行)/.test(text)) return 'as_needed';
  return null;
}

export function meetingFrequencyRules(rc: RuleContext, s: Sentence): MeetingFrequencyRule[] {
  const text = s.text;
  // Meetings only: 定期召开新闻发布会 is not a meeting of the body.
  if (!/召开|举行|组织[^。；，]{0,16}?会议/.test(text)) return [];
  const withoutNames = rc.names.reduce((t, n) => t.split(n).join('□'), text);
  // A meeting is named (会议, 召开联席会议), or the body itself meets (联席会议每半年召开一次).
  const bodyMeets = /□(?:原则上|一般|根据[^，。；]{0,40}?需要|视[^，。；]{0,40}?情况|每|定期|不定期)[^，。；]{0,12}?(?:召开|举行)/;
  // …or the sentence's subject is the body and it 召开s (联席会议根据工作需要，由办公室提出…定期或不定期召开)
  const bodySubject = /^□(?!办公室|各?成员|联络员)[^。；]{0,60}?(?:召开|举行)(?=[，。；]|$)/.test(withoutLabel(withoutNames));
  if (!/会议|例会|全会|调度会|推进会|召开□/.test(withoutNames) && !bodyMeets.test(withoutNames) && !bodySubject) return [];
  // 提出召开会议的建议 is a proposal, 召开前 a sequence: not how often meetings are held.
  if (/(?:提出|提请|建议)召开|召开(?:会议)?的建议/.test(text)) return [];
  // 可召集有关部门、单位召开会议，就…进行协调: an ad-hoc coordination meeting, not one of the body's.
  if (/召集(?!人)[^。；，]{1,20}?召开/.test(text)) return [];
  if (preMeetingMatch(text) !== null) return [];
  const perYear = minPerYear(text);
  const sched = schedule(text, perYear !== null);
  if (sched === null) return [];
  const named = meetingKindsNamed(rc, s);
  const kinds: MeetingKind[] = named.length > 0 ? named : [meetingKindOf(rc, s)];
  return kinds.map((meetingKind) => ({ type: 'meeting_frequency', ...ruleBase(rc, s), meetingKind, minPerYear: perYear, schedule: sched }));
}

/** Roles that can preside. */
const PRESIDING: ReadonlySet<Actor> = new Set<Actor>(['convener', 'deputy_convener', 'group_leader', 'office_director', 'office_deputy_director']);

export function presiderRules(rc: RuleContext, s: Sentence): PresiderRule[] {
  const out: PresiderRule[] = [];
  // 由召集人或召集人委托的副召集人主持; 由召集人组织或委托副召集人定期或不定期召开会议
  for (const m of s.text.matchAll(/由([^。；，]{1,30}?)(?:主持|召开|召集(?!人))/g)) {
    const segment = m[1] as string;
    if (/提出|提交|建议/.test(segment)) continue;
    const roles = rc.vocabulary.actors(segment, subjectOf(rc, s)).filter((a) => PRESIDING.has(a));
    if (roles.length === 0) continue;
    const deputyNeedsDelegation = roles.includes('deputy_convener') && /委托/.test(segment);
    // 由办公室主任主持召开联络员会议: the meeting named right after the verb
    const after = s.text.slice(m.index + m[0].length);
    const named = /^(?:召开)?[^，。；]{0,12}?会议/.exec(after);
    const next = named !== null ? meetingMentions(named[0], rc.names).find((x) => x.kind !== 'any') : undefined;
    const meetingKind = next !== undefined ? kindInDocument(next.kind, subjectOf(rc, s)) : meetingKindOf(rc, s, m.index);
    out.push({ type: 'presider', ...ruleBase(rc, s), meetingKind, roles, deputyNeedsDelegation });
    break;
  }
  return out;
}

const APPROVE = '(?:审核同意|审定同意|批准决定|批准|审定|审核|同意|确定|审批)';

function approvers(rc: RuleContext, s: Sentence, text: string): Actor[] {
  const re = new RegExp(`(?:报|经|由|请)([^。；，]{1,24}?)${APPROVE}`, 'g');
  const out: Actor[] = [];
  for (const m of text.matchAll(re)) out.push(...rc.vocabulary.actors(stripPurpose(m[1] as string), subjectOf(rc, s)));
  return uniqueActors(out.filter((a) => a !== 'body' || out.length === 1));
}

/** Drops 根据组长要求 / 按照…指示 from an actor segment: the actor named there is not the one acting. */
function stripPurpose(segment: string): string {
  return segment.replace(/(?:根据|按照|按)[^，。；]{0,40}?(?:要求|指示|意见|需要|安排)/g, '');
}

/**
 * A sentence about proposing that a meeting be held (成员单位可根据工作需要向办公室提出召开会议的建议,
 * 提请召开…会议): who may ask for a meeting, not who approves its agenda.
 */
export function proposesMeeting(text: string): boolean {
  return /(?:提出|提请|建议)(?:召开|举行)[^，。；]{0,16}?(?:会议|会)|(?:召开|举行)[^，。；]{0,16}?(?:会议|会)的建议/.test(text);
}

export function agendaApprovalRules(rc: RuleContext, s: Sentence): AgendaApprovalRule[] {
  const text = s.text;
  const subject = subjectOf(rc, s);
  // Asking for a meeting is not approving an agenda, even where the sentence names the office it goes to.
  if (proposesMeeting(withoutLabel(text)) && !/议题|议程/.test(text)) return [];
  const agenda = /议题|议程|研究的内容|研究内容|会议内容/.exec(text);
  if (agenda === null) return [];
  const approvedBy = approvers(rc, s, text);
  const proposerMatch = /由([^。；，]{1,30}?)(?:研究)?(?:提出|拟定|准备|确定)/.exec(text);
  let proposedBy = proposerMatch !== null ? rc.vocabulary.actors(stripPurpose(proposerMatch[1] as string), subject) : [];
  if (proposedBy.length === 0 && subject === 'office' && /准备|拟定|提出/.test(text)) proposedBy = ['office'];
  if (approvedBy.length === 0) return [];
  const rule: AgendaApprovalRule = { type: 'agenda_approval', ...ruleBase(rc, s), meetingKind: meetingKindOf(rc, s, agenda.index), proposedBy, approvedBy };
  if (/提前[^。；]{0,6}(?:印发|发送|送达|送|通知|报送|发给)/.test(text)) rule.circulateInAdvance = true;
  return [rule];
}

interface AttendanceSignals {
  mandatory: boolean;
  substituteAllowed: boolean;
  liaisonMayBringOpinion: boolean;
  attendees: Actor[];
  participantApproval: ParticipantApproval | null;
}

function attendanceSignals(rc: RuleContext, s: Sentence): AttendanceSignals | null {
  const text = s.text;
  const subject = subjectOf(rc, s);
  const mandatory = /(?:务必|必须|应当|须|要)(?:按时|准时|亲自)?(?:参加|出席)|不得缺席/.test(text);
  const substituteAllowed = /(?:派|委托|指定)[^。；，]{0,12}?(?:出席|参加|参会)|代为(?:出席|参加)|代替/.test(text) && !/不得(?:委托|派|代)/.test(text);
  const liaisonMayBringOpinion = /联络员[^。；]{0,20}意见/.test(text);
  const listed = /出席人员(?:为|是)?[：:]([^。；，]+)/.exec(text);
  const attendees = listed !== null ? rc.vocabulary.actors(listed[1] as string, subject) : [];
  let participantApproval: ParticipantApproval | null = null;
  const approval = /(列席人员|出席人员|参会人员|与会人员|参加人员)[^。；]{0,60}?由([^。；，]{1,20}?)提出[^。；]{0,60}?报([^。；，]{1,24}?)(?:确定|批准|审定|同意|决定)/.exec(text);
  if (approval !== null) {
    const approvedBy = rc.vocabulary.actors(approval[3] as string, subject);
    participantApproval = {
      participants: approval[1] === '列席人员' ? 'observers' : 'attendees',
      proposedBy: rc.vocabulary.actors(approval[2] as string, subject),
      approvedBy,
      deputyNeedsDelegation: approvedBy.includes('deputy_convener') && /委托/.test(approval[3] as string),
    };
  }
  if (!mandatory && !substituteAllowed && !liaisonMayBringOpinion && attendees.length === 0 && participantApproval === null) return null;
  return { mandatory, substituteAllowed, liaisonMayBringOpinion, attendees, participantApproval };
}

/**
 * Attendance: consecutive sentences of one section about attending (务必参加 … 因公外出的，由…派其他负责人出席)
 * make one rule; a participant approval (列席人员由…提出建议，报组长确定) makes its own.
 */
export function attendanceRules(rc: RuleContext): AttendanceRule[] {
  const out: AttendanceRule[] = [];
  let open: { rule: AttendanceRule; last: Sentence } | null = null;
  for (const s of rc.sentences) {
    const sig = attendanceSignals(rc, s);
    if (sig === null) {
      if (open !== null && open.last.section !== s.section) open = null;
      continue;
    }
    if (sig.participantApproval !== null) {
      out.push({
        type: 'attendance',
        ...ruleBase(rc, s),
        mandatory: false,
        substituteAllowed: false,
        liaisonMayBringOpinion: false,
        meetingKind: meetingKindOf(rc, s),
        participantApproval: sig.participantApproval,
      });
      if (!sig.mandatory && !sig.substituteAllowed && !sig.liaisonMayBringOpinion && sig.attendees.length === 0) continue;
    }
    const previous = rc.sentences[s.index - 1];
    if (open !== null && open.last === previous && open.last.section === s.section && open.rule.attendees === undefined && sig.attendees.length === 0) {
      open.rule.mandatory ||= sig.mandatory;
      open.rule.substituteAllowed ||= sig.substituteAllowed;
      open.rule.liaisonMayBringOpinion ||= sig.liaisonMayBringOpinion;
      open.rule.source = { start: open.rule.source.start, end: s.end };
      open.last = s;
      continue;
    }
    const rule: AttendanceRule = {
      type: 'attendance',
      ...ruleBase(rc, s),
      mandatory: sig.mandatory,
      substituteAllowed: sig.substituteAllowed,
      liaisonMayBringOpinion: sig.liaisonMayBringOpinion,
      meetingKind: meetingKindOf(rc, s),
    };
    if (sig.attendees.length > 0) rule.attendees = sig.attendees;
    out.push(rule);
    open = { rule, last: s };
  }
  return out;
}

/**
 * `甲会议召开前，可视情况先召开乙会议`: [what comes before 前, what lies between, the earlier meeting],
 * or null. Two forward searches (the first 前, then the first 召开…会议 after it): linear in the sentence.
 */
function preMeetingMatch(text: string): [string, string, string] | null {
  const pre = /召开前|之前|以前|会前|前/.exec(text.split('\n')[0] ?? '');
  if (pre === null) return null;
  let after = pre.index + pre[0].length;
  if (text[after] === '，') after++;
  const rest = text.slice(after).split('\n')[0] ?? '';
  const held = /召开([^，。；]{0,12}?会议)/.exec(rest);
  if (held === null) return null;
  return [text.slice(0, pre.index), rest.slice(0, held.index), held[1] as string];
}

export function preMeetingRules(rc: RuleContext, s: Sentence): PreMeetingRule[] {
  const m = preMeetingMatch(s.text);
  if (m === null) return [];
  const subject = subjectOf(rc, s);
  const preMentions = meetingMentions(m[2], rc.names);
  const pre = preMentions[0];
  if (pre === undefined || pre.kind === 'any') return [];
  const beforeText = `${m[0]}${/会议/.test(m[0]) ? '' : '会议'}`;
  const beforeMention = meetingMentions(beforeText, rc.names).find((x) => x.kind !== 'any');
  let before: MeetingKind = beforeMention !== undefined ? kindInDocument(beforeMention.kind, subject) : 'any';
  // The body's own meeting, unqualified: the meeting of all its members.
  if (before === 'any') before = 'plenary';
  const meetingKind = kindInDocument(pre.kind, subject);
  if (meetingKind === before) return [];
  const rule: PreMeetingRule = { type: 'pre_meeting', ...ruleBase(rc, s), meetingKind, before };
  rule.discretionary = /可|视情况|必要时|根据需要/.test(m[1]) && !/原则上先|应当先|须先|先/.test(m[1]);
  return [rule];
}
