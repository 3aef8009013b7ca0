import { describe, expect, it } from 'vitest';
import type { Charter, MeetingFrequencyRule } from '../../../src/domain/charter/charter-types.ts';
import { frequencyLines, frequencyWarningDue, frequencyWarningFrom } from '../../../src/domain/supervision/meeting-frequency-compliance.ts';

const text = '联席会议原则上每年至少召开1次全体会议。联络员会议每季度召开1次。';

function rule(meetingKind: MeetingFrequencyRule['meetingKind'], minPerYear: number | null, sentence: string, schedule: MeetingFrequencyRule['schedule'] = 'regular'): MeetingFrequencyRule {
  const start = text.indexOf(sentence);
  return { type: 'meeting_frequency', meetingKind, minPerYear, schedule, document: 0, clause: '第五条', source: { start, end: start + sentence.length } } as MeetingFrequencyRule;
}

const charter = {
  normalizedText: text,
  rules: [rule('plenary', 1, '联席会议原则上每年至少召开1次全体会议。'), rule('liaison', 4, '联络员会议每季度召开1次。')],
} as unknown as Pick<Charter, 'rules' | 'normalizedText'>;

describe('meeting frequency compliance', () => {
  it('makes one line per frequency rule, with the held count and the minimum', () => {
    const lines = frequencyLines({ charter, year: 2026, heldByKind: { liaison: 4 } });
    expect(lines.map((l) => l.text)).toEqual(['全体会议：本年度已召开 0 次，至少 1 次', '联络员会议：本年度已召开 4 次，至少 4 次']);
    expect(lines.map((l) => l.met)).toEqual([false, true]);
    expect(lines[0]).toMatchObject({ clause: '第五条', sentence: '联席会议原则上每年至少召开1次全体会议。', year: 2026 });
  });

  it('uses the charter’s own name for the kind when given', () => {
    const [line] = frequencyLines({ charter, year: 2026, heldByKind: { plenary: 2 }, kindNames: { plenary: '全体成员会议' } });
    expect(line?.text).toBe('全体成员会议：本年度已召开 2 次，至少 1 次');
    expect(line?.met).toBe(true);
  });

  it('a rule without a minimum is met and says how it is held; a rule for any kind counts every meeting', () => {
    const loose = { normalizedText: text, rules: [rule('any', null, '联络员会议每季度召开1次。', 'as_needed')] } as unknown as Pick<Charter, 'rules' | 'normalizedText'>;
    const [line] = frequencyLines({ charter: loose, year: 2026, heldByKind: { plenary: 1, liaison: 2 } });
    expect(line).toMatchObject({ held: 3, met: true, text: '会议：本年度已召开 3 次，根据工作需要召开' });
  });

  it('warns inside the window before the year ends, only while a line falls short', () => {
    expect(frequencyWarningFrom(2026, 30)).toBe('2026-12-01');
    const short = frequencyLines({ charter, year: 2026, heldByKind: {} });
    const met = frequencyLines({ charter, year: 2026, heldByKind: { plenary: 1, liaison: 4 } });
    expect(frequencyWarningDue({ today: '2026-11-30', daysBefore: 30, lines: short })).toBe(false);
    expect(frequencyWarningDue({ today: '2026-12-01', daysBefore: 30, lines: short })).toBe(true);
    expect(frequencyWarningDue({ today: '2026-12-31', daysBefore: 30, lines: met })).toBe(false);
    expect(frequencyWarningDue({ today: '2026-10-15', daysBefore: 90, lines: short })).toBe(true);
  });
});
