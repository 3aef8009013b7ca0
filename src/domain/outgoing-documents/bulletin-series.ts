/**
 * The bulletin series (简报 / 专报 / 工作动态) a charter's `bulletin` rule establishes, in the rule's
 * own words: its name where the charter gives one (《…联席会议简报》), else the body's name and the
 * kind of paper the rule names (工作专报, 简报 …); and the 报 (upward) and 送 (sideways) lines of its
 * foot, read from the sentence that says where it goes. Pure.
 */
import type { BulletinRule, Charter } from '../charter/charter-types.ts';
import { ruleBasis, type GateCharter } from '../charter-gates/gate-decisions.ts';
import type { GateBasis } from '../charter-gates/gate-types.ts';
import { rulesOfType } from '../charter-gates/rule-binding.ts';

export interface BulletinSeries {
  /** The series' name without title marks, e.g. 某某联席会议简报 */
  name: string;
  /** Whether the charter names the series itself (else the body's name + the kind of paper) */
  namedByCharter: boolean;
  /** 报 line: to whom it is reported upward */
  reportTo: string[];
  /** 送 line: to whom it is sent */
  copyTo: string[];
  basis: GateBasis;
}

/** The kinds of paper a rule may name, longest first. */
const PAPER_WORDS = ['工作专报', '工作简报', '信息专报', '专报', '简报', '工作动态', '信息'] as const;

function stripTitleMarks(name: string): string {
  return name.replace(/^《/u, '').replace(/》$/u, '').trim();
}

/**
 * Splits a recipients phrase: on commas and 和/及, and on 、 only where every part is a whole name (a
 * part of two characters or fewer, as in 各县、区人民政府, belongs to the next one).
 */
export function splitRecipients(phrase: string): string[] {
  const parts: string[] = [];
  for (const piece of phrase.split(/[，,；;]|(?<=[府位室导门])(?:和|及)/u)) {
    const trimmed = piece.trim().replace(/^(并|和|及)/u, '').replace(/[。．]$/u, '').trim();
    if (trimmed === '') continue;
    const sub = trimmed.split('、');
    if (sub.length > 1 && sub.every((s) => s.trim().length > 2)) parts.push(...sub.map((s) => s.trim()));
    else parts.push(trimmed);
  }
  return parts;
}

/** The 报 and 送 lines of a rule's sentence: 报送A、B，并送C和D → [A, B], [C, D]. */
export function distributionOf(sentence: string): { reportTo: string[]; copyTo: string[] } {
  const report = /报送?([^，。；]+?)(?:[，；]?并?抄?送|[，。；]|$)/u.exec(sentence.replace(/(编辑|编发|编印|刊发)《[^》]*》/u, ''));
  const copy = /(?:并|，)抄?送([^。；]+)/u.exec(sentence);
  const reportTo = report?.[1] === undefined ? [] : splitRecipients(report[1]);
  const copyTo = copy?.[1] === undefined ? [] : splitRecipients(copy[1]);
  return { reportTo, copyTo };
}

function sentenceOf(charter: Pick<Charter, 'normalizedText'>, rule: BulletinRule): string {
  return charter.normalizedText.slice(rule.source.start, rule.source.end);
}

/** The charter's bulletin series, or null when no rule states one (the office then names its own). */
export function bulletinSeriesOf(charter: GateCharter & Pick<Charter, 'body'>): BulletinSeries | null {
  const rules = rulesOfType(charter, 'bulletin');
  if (rules.length === 0) return null;
  const named = rules.find((r) => r.name !== null && stripTitleMarks(r.name) !== '');
  const rule = named ?? rules[0];
  if (rule === undefined) return null;
  let name: string;
  if (named?.name) {
    name = stripTitleMarks(named.name);
  } else {
    const texts = rules.map((r) => sentenceOf(charter, r));
    const word = PAPER_WORDS.find((w) => texts.some((t) => t.includes(w))) ?? '简报';
    name = `${charter.body.name}${word}`;
  }
  const recipientsRule = rules.find((r) => r.recipients.length > 0) ?? rule;
  const { reportTo, copyTo } = recipientsRule.recipients.length > 0 ? distributionOf(sentenceOf(charter, recipientsRule)) : { reportTo: [], copyTo: [] };
  return { name, namedByCharter: named !== undefined, reportTo, copyTo, basis: ruleBasis(charter, rule) };
}
