/**
 * Paperwork rules: handling deadlines, information quotas, annual reports, membership changes,
 * who signs documents issued in the body's or the office's name, bulletins. Pure.
 */
import type {
  Actor,
  AnnualReportRule,
  BulletinRule,
  DocumentSigningRule,
  HandlingDeadlineRule,
  InfoReportQuotaRule,
  MembershipChangeRule,
} from '../charter-types.ts';
import { parseCount } from '../../text/chinese-numerals.ts';
import { ruleBase, splitList, subjectActor, subjectOf, withoutLabel, type RuleContext } from './rules-context.ts';
import { statedPeriod } from './rules-meetings.ts';
import type { Sentence } from './rules-text.ts';

/** A number; it starts where a run of digits starts (a match never begins inside one: linear time). */
const NUM = '(?<![0-9一二三四五六七八九十两])[0-9一二三四五六七八九十两]+';

/** 承办部门应在N个工作日内办结；需要会同相关部门办理的，在M个工作日内提出意见 (M: co-handled). */
export function handlingDeadlineRules(rc: RuleContext, s: Sentence): HandlingDeadlineRule[] {
  const text = s.text;
  if (!/承办|办结|批办|转办|交办|办理|督办/.test(text)) return [];
  const matches = [...text.matchAll(new RegExp(`(${NUM})个?工作日(?:内|以内)`, 'g'))];
  const first = matches[0];
  if (first === undefined) return [];
  const workingDays = parseCount(first[1] as string);
  if (workingDays === null) return [];
  let coHandledWorkingDays: number | null = null;
  const second = matches[1];
  if (second !== undefined) {
    const between = text.slice(first.index + first[0].length, second.index);
    if (/会商|会同|会办|会相关|协办|配合|联合办理|多个部门/.test(between)) coHandledWorkingDays = parseCount(second[1] as string);
  }
  return [{ type: 'handling_deadline', ...ruleBase(rc, s), workingDays, coHandledWorkingDays }];
}

/** 各专题组…向办公室报送工作信息，每月（每季度…）不得少于N篇 (spread over the months). */
export function infoReportQuotaRules(rc: RuleContext, s: Sentence): InfoReportQuotaRule[] {
  const text = s.text;
  if (!/信息|报送|简报|稿件/.test(text)) return [];
  const period = statedPeriod(text);
  if (period === null) return [];
  const after = text.slice(period.index + period.length);
  const quota = new RegExp(`^[^。；，]{0,10}?(?:不得少于|不少于|至少|报送)[^。；，]{0,4}?(${NUM})\\s*(?:篇|条|期|份|则)`).exec(after);
  // 每季度向办公室报送工作进展情况: one report a period (a year's report is the annual report)
  const once = quota === null && period.months < 12 && /^[^。；]{0,24}?报送[^。；]{0,12}?(?:情况|信息|进展)/.test(after);
  if (quota === null && !once) return [];
  const count = quota !== null ? parseCount(quota[1] as string) : 1;
  if (count === null) return [];
  const reporter = subjectActor(rc, s, 'member_unit') ?? 'member_unit';
  const rule: InfoReportQuotaRule = {
    type: 'info_report_quota',
    ...ruleBase(rc, s),
    reporter,
    perMonth: Math.round((count / period.months) * 1000) / 1000,
    count,
    periodMonths: period.months,
  };
  const to = /向([^。；，]{1,20}?)(?:报送|报告|提供)/.exec(text);
  if (to !== null) {
    const reportTo = rc.vocabulary.actors(to[1] as string, subjectOf(rc, s));
    if (reportTo.length > 0) rule.reportTo = reportTo;
  }
  return [rule];
}

/**
 * X每年应当通过办公室向领导机构报告工作情况 (reporter X, via, to); 向…报送年度工作报告 (reporter: the
 * sentence's subject, or the office in an office's rules).
 */
export function annualReportRules(rc: RuleContext, s: Sentence): AnnualReportRule[] {
  const text = withoutLabel(s.text);
  const yearly = /每年|年度(?:工作)?(?:报告|总结)/.exec(text);
  if (yearly === null) return periodicReportToSuperior(rc, s, text);
  const to = /向([^。；，]{1,24}?)(?:报告|报送|汇报|提交)/.exec(text.slice(yearly.index)) ?? (/每年/.test(yearly[0]) ? null : /向([^。；，]{1,24}?)(?:报告|报送|汇报|提交)/.exec(text));
  if (to === null) return [];
  const target = to[1] as string;
  let reporter = /每年/.test(yearly[0]) ? text.slice(0, yearly.index).replace(/[，]$/, '').trim() : '';
  if (reporter.length === 0 || /^(?:应当|应|要|须)$/.test(reporter)) reporter = actorText(rc, subjectActor(rc, s, 'office'));
  const rule: AnnualReportRule = { type: 'annual_report', ...ruleBase(rc, s), reporter, to: target };
  const via = /通过([^。；，]{1,20}?)向/.exec(text);
  if (via !== null) rule.via = via[1] as string;
  return [rule];
}

/** A superior the body reports to: a people's government, a Party committee, a leading group, 上级. */
const SUPERIOR = /人民政府|政府|党委|(?:省|市|县|区|州|盟)委|国务院|领导小组|上级/;

/**
 * (X)定期向县政府报告工作情况: the body reporting its work to a superior at stated intervals is
 * its yearly report (to: the superior as written). The reporter is the sentence's own subject, else whoever
 * a following sentence of the same section says reports on the body's behalf (由组长代表专班报告),
 * else the body. 不定期 reporting, reporting to the body's own office and mere 报送 of information are none.
 */
function periodicReportToSuperior(rc: RuleContext, s: Sentence, text: string): AnnualReportRule[] {
  const m = /(^|[^不或])定期(?!或不定期|、不定期)[^。；，]{0,6}?向([^。；，]{1,24}?)(?:汇报|报告)[^。；，]{0,4}?工作/.exec(text);
  if (m === null) return [];
  const target = m[2] as string;
  if (!SUPERIOR.test(target) || /办公室|专班|成员单位/.test(target)) return [];
  let reporter = text.slice(0, m.index + (m[1] as string).length).replace(/[，]$/, '').replace(/(?:应当|应|要|须)$/, '').trim();
  if (reporter.length === 0) reporter = onBehalfOf(rc, s) ?? actorText(rc, subjectActor(rc, s, 'body') ?? 'body');
  return [{ type: 'annual_report', ...ruleBase(rc, s), reporter, to: target }];
}

/** 由组长代表专班报告 in the sentences after `s` in its section (the same numbered item): 召集人. */
function onBehalfOf(rc: RuleContext, s: Sentence): string | null {
  for (let i = s.index + 1; i < rc.sentences.length && i <= s.index + 4; i++) {
    const next = rc.sentences[i];
    if (next === undefined || next.section !== s.section) break;
    const m = /由([^。；，]{1,16}?)代表[^。；，]{1,20}?(?:汇报|报告)/.exec(next.text);
    if (m !== null) return m[1] as string;
  }
  return null;
}

/** How the text names an actor in prose, for string fields (协调小组办公室). */
function actorText(rc: RuleContext, actor: Actor | null): string {
  const short = rc.names[rc.names.length - 1] ?? '';
  switch (actor) {
    case 'office':
      return `${short}办公室`;
    case 'group':
      return '各专题组';
    case 'member_unit':
      return '各成员单位';
    case 'body':
      return short;
    default:
      return short;
  }
}

/**
 * 联席会议成员因工作变动需要调整的，由所在单位提出，联席会议确定 (member);
 * 联席会议可根据工作需要调整成员单位 (member unit).
 */
export function membershipChangeRules(rc: RuleContext, s: Sentence): MembershipChangeRule[] {
  const text = withoutLabel(s.text);
  const out: MembershipChangeRule[] = [];
  // 由所在单位(向领导小组办公室)提出，(按程序)报领导小组组长审批
  const member = /(?<!办公室|专题组)成员(?!单位)[^。；]{0,12}?(?:调整|变动|变更|更换)[^。；]{0,60}?由([^。；，]{1,16}?)(?:向[^。；，]{1,16}?)?提出[，]?(?:按程序|并)?(?:报|经|由)?([^。；，]{1,16}?)(?:确定|批准|审定|审批|同意|备案|决定)/.exec(text);
  if (member !== null) {
    out.push({ type: 'membership_change', ...ruleBase(rc, s), subject: 'member', proposedBy: member[1] as string, confirmedBy: member[2] as string });
  }
  const unit = /([^。；，]{0,16}?)可(?:以)?(?:根据[^。；，]{0,40}?需要)?[，]?(?:调整|增加|增补|增减|调整和增补|增补和调整)(?:部分)?成员单位/.exec(text);
  if (unit !== null) {
    const who = (unit[1] as string).replace(/(?:根据|视)[^，]{0,40}?(?:需要|情况)[，]?/g, '').trim();
    const decider = who.length > 0 ? who : actorText(rc, 'body');
    const proposer = /由([^。；，]{1,16}?)提出/.exec(text);
    out.push({
      type: 'membership_change',
      ...ruleBase(rc, s),
      subject: 'member_unit',
      proposedBy: proposer !== null ? (proposer[1] as string) : decider,
      confirmedBy: decider,
    });
  }
  // 各成员单位选派…担任联络员，…如有必要变动须及时与工作专班办公室联系变更
  const liaison = /联络员[^。；]{0,60}?(?:变动|调整|更换|变更)[^。；]{0,60}?(?:与|向|报)([^。；，]{1,16}?)(?:联系|报备|备案|说明|确认)/.exec(text);
  if (liaison !== null && member === null) {
    const unit = /^(各?[^。；，]{0,10}?(?:成员单位|所在单位))/.exec(text) ?? /(所在单位|各成员单位|成员单位)/.exec(text);
    out.push({
      type: 'membership_change',
      ...ruleBase(rc, s),
      subject: 'member',
      post: 'liaison',
      proposedBy: unit !== null ? (unit[1] as string) : '成员单位',
      confirmedBy: liaison[1] as string,
    });
  }
  return out;
}

/** Who reviews and who signs what is issued in the body's (or its office's, or a group's) name, e.g. 以领导小组名义印发的文件，由办公室主任审核后报组长签发. */
export function documentSigningRules(rc: RuleContext, s: Sentence): DocumentSigningRule[] {
  const text = s.text;
  const inName = /以([^。；，]{1,24}?)名义(?:印发|发文|行文|发出|下发|制发)/.exec(text);
  if (inName === null) return [];
  const name = inName[1] as string;
  const issuedInNameOf: DocumentSigningRule['issuedInNameOf'] = /办公室|办事机构/.test(name) ? 'office' : 'body';
  const docSubject = subjectOf(rc, s);
  const signersMatch = /由([^。；，]{1,24}?)(?:签发|签批|审签)/.exec(text);
  if (signersMatch === null) return [];
  // Only the body's own leaders sign in the body's name: there a bare 组长 is the body's.
  const signers = rc.vocabulary.actors(signersMatch[1] as string, issuedInNameOf === 'body' ? 'body' : docSubject).filter((a) => a !== 'body');
  if (signers.length === 0) return [];
  const reviewers: Actor[] = [];
  for (const m of text.matchAll(/经([^。；，]{1,24}?)(?:审核|审签|审定|核稿|把关)/g)) reviewers.push(...rc.vocabulary.actors(m[1] as string, docSubject));
  const lead = /^(.{0,12}?)(?:需要)?以/.exec(withoutLabel(text));
  const leadActors = lead !== null ? rc.vocabulary.actors(lead[1] as string, docSubject) : [];
  const initiatedBy: Actor | null = leadActors[0] ?? (docSubject === 'group' ? 'group' : null);
  return [
    {
      type: 'document_signing',
      ...ruleBase(rc, s),
      issuedInNameOf,
      initiatedBy,
      reviewers: [...new Set(reviewers)].filter((a) => a !== 'body'),
      signers,
    },
  ];
}

/** 联席会议办公室…适时编辑《…简报》，报送…，并送…; 编发工作专报. */
export function bulletinRules(rc: RuleContext, s: Sentence): BulletinRule[] {
  const text = s.text;
  const named = /《([^》《\n]{0,60}?(?:简报|专报|快报|动态|通讯|专刊))》/.exec(text);
  const verb = /(?:编辑|编发|编印|刊发|印发|编制|编写|办好)[^。；，]{0,8}?(?:简报|专报|快报|专刊)|(?:简报|专报|快报|专刊)(?:的)?(?:编印|编发|编辑|刊发)|《[^》《\n]{0,60}?(?:简报|专报|快报|动态|通讯|专刊)》/.exec(text);
  if (verb === null) return [];
  const compiledBy = subjectActor(rc, s, 'office') ?? 'office';
  const recipients: string[] = [];
  const after = text.slice(verb.index + verb[0].length);
  const sentTo = /(?:报送|呈送|发送|分送)([^。；]{0,60}?)(?:[，]?并送([^。；]*))?$/.exec(after);
  if (sentTo !== null) {
    recipients.push(...splitList(sentTo[1] as string));
    if (sentTo[2] !== undefined) recipients.push(...splitList(sentTo[2]));
  }
  return [
    {
      type: 'bulletin',
      ...ruleBase(rc, s),
      name: named !== null ? `《${named[1] as string}》` : null,
      compiledBy: compiledBy === 'body' ? 'office' : compiledBy,
      recipients,
    },
  ];
}
