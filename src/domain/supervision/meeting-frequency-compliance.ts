/**
 * Meeting frequency compliance: each `meeting_frequency` rule of a charter (e.g. 每年至少召开1次)
 * becomes a line "全体会议：本年度已召开 0 次，至少 1 次", and the office is warned a set number of
 * days before the year ends while a line falls short. Pure: no I/O.
 */
import type { Charter, MeetingFrequencyRule } from '../charter/charter-types.ts';
import { addDays } from '../calendar/iso-date.ts';
import { DEFAULT_KIND_NAMES } from '../meetings/meeting-rules.ts';

/** Meeting kinds a frequency rule may name (`any`: every kind counts). */
export type FrequencyMeetingKind = MeetingFrequencyRule['meetingKind'];

export interface FrequencyLine {
  meetingKind: FrequencyMeetingKind;
  /** The kind's name as the line shows it (the charter's or the default) */
  kindName: string;
  year: number;
  /** Meetings of the kind held this year (up to today) */
  held: number;
  /** Minimum per year the charter states; null when it states only 定期/不定期 */
  minPerYear: number | null;
  /** held ≥ minPerYear (true when no minimum is stated) */
  met: boolean;
  /** The clause and its sentence */
  clause: string | null;
  sentence: string;
  /** The line as the office reads it */
  text: string;
}

/** The default names of the meeting kinds (meeting-rules.ts); `any` reads as plain 会议. */
const KIND_NAMES: Record<FrequencyMeetingKind, string> = { ...DEFAULT_KIND_NAMES, any: '会议' };

const SCHEDULE_NAMES: Record<NonNullable<MeetingFrequencyRule['schedule']>, string> = {
  regular: '定期召开',
  irregular: '不定期召开',
  regular_or_irregular: '定期或不定期召开',
  as_needed: '根据工作需要召开',
};

/** The frequency rules of a charter. */
export function frequencyRules(charter: Pick<Charter, 'rules'>): MeetingFrequencyRule[] {
  return charter.rules.filter((rule): rule is MeetingFrequencyRule => rule.type === 'meeting_frequency');
}

/**
 * The compliance lines of a charter in `year`; `heldByKind` counts the meetings held this year by
 * kind (a rule of kind `any` counts them all).
 */
export function frequencyLines(options: {
  charter: Pick<Charter, 'rules' | 'normalizedText'>;
  year: number;
  heldByKind: Readonly<Partial<Record<FrequencyMeetingKind, number>>>;
  kindNames?: Readonly<Partial<Record<FrequencyMeetingKind, string>>>;
}): FrequencyLine[] {
  const total = Object.entries(options.heldByKind)
    .filter(([kind]) => kind !== 'any')
    .reduce((sum, [, n]) => sum + (n ?? 0), 0);
  return frequencyRules(options.charter).map((rule) => {
    const held = rule.meetingKind === 'any' ? total : (options.heldByKind[rule.meetingKind] ?? 0);
    const kindName = options.kindNames?.[rule.meetingKind] ?? KIND_NAMES[rule.meetingKind];
    const met = rule.minPerYear === null || held >= rule.minPerYear;
    const required = rule.minPerYear === null ? (rule.schedule === null ? '未规定次数' : SCHEDULE_NAMES[rule.schedule]) : `至少 ${rule.minPerYear} 次`;
    return {
      meetingKind: rule.meetingKind,
      kindName,
      year: options.year,
      held,
      minPerYear: rule.minPerYear,
      met,
      clause: rule.clause,
      sentence: options.charter.normalizedText.slice(rule.source.start, rule.source.end),
      text: `${kindName}：本年度已召开 ${held} 次，${required}`,
    };
  });
}

/** The first day the year-end warning is due: `daysBefore` calendar days before 31 December. */
export function frequencyWarningFrom(year: number, daysBefore: number): string {
  return addDays(`${year}-12-31`, -daysBefore);
}

/** Whether the office is to be warned today: inside the warning window and some line falls short. */
export function frequencyWarningDue(options: { today: string; daysBefore: number; lines: readonly FrequencyLine[] }): boolean {
  const year = Number(options.today.slice(0, 4));
  if (options.today < frequencyWarningFrom(year, options.daysBefore)) return false;
  return options.lines.some((line) => !line.met);
}
