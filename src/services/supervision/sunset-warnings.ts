/**
 * Sunset warnings: when a body's charter sets a date on which it is dissolved (…自行撤销), its office
 * and convener are warned 30 and 7 days before that date, once each, so that the office can hand
 * over the open decided items in time.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database } from '../../db/database.ts';
import { addDays } from '../../domain/calendar/iso-date.ts';
import { claimSunsetWarning, listBodiesWithSunsetBetween, setSunsetWarningOutbox } from '../../repositories/supervision-repository.ts';
import { enqueueNotification } from '../notification-service.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

/** Days before the sunset date a warning goes out, largest first. */
export const SUNSET_WARNING_DAYS = [30, 7] as const;

/**
 * The warning due today for a sunset date: the nearest threshold reached (7 within a week of the
 * date, else 30 within a month), or null. A warning skipped because the body was created late is
 * not sent afterwards.
 */
export function sunsetWarningDue(today: string, sunsetDate: string): 30 | 7 | null {
  if (today > sunsetDate) return null;
  if (today >= addDays(sunsetDate, -7)) return 7;
  if (today >= addDays(sunsetDate, -30)) return 30;
  return null;
}

/** Sweep: claims and enqueues each due sunset warning once. */
export async function sweepSunsetWarnings(deps: { db: Database; clock: Clock }): Promise<{ enqueued: number; alreadySent: number }> {
  const result = { enqueued: 0, alreadySent: 0 };
  const now = deps.clock.now();
  const today = shanghaiDateOf(now);
  for (const body of await listBodiesWithSunsetBetween(deps.db, today, addDays(today, 30))) {
    const daysBefore = sunsetWarningDue(today, body.sunsetDate);
    if (daysBefore === null) continue;
    const claimed = await deps.db.transaction(async (tx) => {
      if (!(await claimSunsetWarning(tx, { bodyId: body.id, sunsetDate: body.sunsetDate, daysBefore, sentAt: now }))) return false;
      const outboxId = await enqueueNotification(tx, {
        at: now,
        bodyId: body.id,
        event: 'body.sunset_warning',
        title: `机构将于${body.sunsetDate}后撤销（提前${daysBefore}天提醒）`,
        message: `按机构制度，本机构工作至 ${body.sunsetDate}，次日自行撤销。请办公室在此之前将未销号的督办事项移交后续机构或单位，或说明理由予以办结。`,
        link: `/bodies/${body.id}`,
        recipients: [{ kind: 'office' }, { kind: 'body_roles', roles: ['convener'] }],
        data: { sunsetDate: body.sunsetDate, daysBefore },
      });
      await setSunsetWarningOutbox(tx, { bodyId: body.id, sunsetDate: body.sunsetDate, daysBefore, outboxId });
      return true;
    });
    if (claimed) result.enqueued += 1;
    else result.alreadySent += 1;
  }
  return result;
}
