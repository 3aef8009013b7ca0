/**
 * Meeting frequency (会议频次): each `meeting_frequency` rule of the body's charter becomes a
 * compliance line for this year ("全体会议：本年度已召开 0 次，至少 1 次"), and a sweep warns the office
 * once per body and year, a set number of days before the year ends, while a line falls short.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import { MEETING_KINDS } from '../../domain/meetings/meeting-types.ts';
import { charterKindName } from '../../domain/meetings/meeting-rules.ts';
import { frequencyLines, frequencyWarningDue, frequencyWarningFrom } from '../../domain/supervision/meeting-frequency-compliance.ts';
import type { FrequencyLine, FrequencyMeetingKind } from '../../domain/supervision/meeting-frequency-compliance.ts';
import {
  claimFrequencyWarning,
  countHeldMeetingsByKind,
  findFrequencyWarning,
  listActiveBodyIds,
  setFrequencyWarningOutbox,
} from '../../repositories/supervision-repository.ts';
import { loadBodyCharter } from '../body-service.ts';
import { enqueueNotification } from '../notification-service.ts';
import { getSupervisionSettings } from './supervision-settings.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

export interface MeetingFrequencyReport {
  bodyId: string;
  year: number;
  today: string;
  lines: FrequencyLine[];
  /** First day of the year-end warning window */
  warningFrom: string;
  /** When the office was warned this year; null when not (yet) */
  warnedAt: string | null;
}

/** The compliance lines of a body's charter for the year of `today`. */
export async function getMeetingFrequency(db: DbOrTx, options: { bodyId: string; clock: Clock }): Promise<MeetingFrequencyReport> {
  const { charter } = await loadBodyCharter(db, { bodyId: options.bodyId });
  const today = shanghaiDateOf(options.clock.now());
  const year = Number(today.slice(0, 4));
  const held = await countHeldMeetingsByKind(db, options.bodyId, `${year}-01-01`, `${year + 1}-01-01`);
  const heldByKind: Partial<Record<FrequencyMeetingKind, number>> = Object.fromEntries(held);
  const kindNames: Partial<Record<FrequencyMeetingKind, string>> = Object.fromEntries(MEETING_KINDS.map((k) => [k, charterKindName(charter, k)]));
  const settings = await getSupervisionSettings(db, { bodyId: options.bodyId });
  const warned = await findFrequencyWarning(db, options.bodyId, year);
  return {
    bodyId: options.bodyId,
    year,
    today,
    lines: frequencyLines({ charter, year, heldByKind, kindNames }),
    warningFrom: frequencyWarningFrom(year, settings.frequencyWarningDays),
    warnedAt: warned?.sentAt.toISOString() ?? null,
  };
}

/** Sweep: warns each active body's office once a year when a frequency line falls short near the year's end. */
export async function sweepMeetingFrequencyWarnings(deps: { db: Database; clock: Clock }): Promise<{ enqueued: number; alreadySent: number }> {
  const result = { enqueued: 0, alreadySent: 0 };
  const now = deps.clock.now();
  for (const bodyId of await listActiveBodyIds(deps.db)) {
    const settings = await getSupervisionSettings(deps.db, { bodyId });
    const today = shanghaiDateOf(now);
    if (today < frequencyWarningFrom(Number(today.slice(0, 4)), settings.frequencyWarningDays)) continue;
    const report = await getMeetingFrequency(deps.db, { bodyId, clock: deps.clock });
    if (!frequencyWarningDue({ today, daysBefore: settings.frequencyWarningDays, lines: report.lines })) continue;
    const short = report.lines.filter((line) => !line.met);
    const claimed = await deps.db.transaction(async (tx) => {
      if (!(await claimFrequencyWarning(tx, { bodyId, year: report.year, sentAt: now }))) return false;
      const outboxId = await enqueueNotification(tx, {
        at: now,
        bodyId,
        event: 'body.meeting_frequency_warning',
        title: `会议频次提醒：${report.year}年尚有会议未达制度规定次数`,
        message: `距年底不足 ${settings.frequencyWarningDays} 天，以下会议未达制度规定的次数：\n${short.map((l) => `${l.text}${l.clause === null ? '' : `（${l.clause}）`}`).join('\n')}`,
        link: `/bodies/${bodyId}`,
        recipients: [{ kind: 'office' }],
        data: { year: report.year, lines: short.map((l) => l.text) },
      });
      await setFrequencyWarningOutbox(tx, { bodyId, year: report.year, outboxId });
      return true;
    });
    if (claimed) result.enqueued += 1;
    else result.alreadySent += 1;
  }
  return result;
}
