/**
 * Sweep: before a reporting period ends (within the body's reminder lead time, calendar days),
 * each reporter still short of its quota is reminded once — the liaisons of the unit, or of the
 * group's lead units. One claim row per body, reporter and period, inserted in the transaction that
 * enqueues the reminder, so a second run (or a second instance) sends nothing more.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database } from '../../db/database.ts';
import { reminderDue } from '../../domain/reports/report-tally.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { claimReportReminder, countOffers, setReportReminderOutbox } from '../../repositories/report-repository.ts';
import { listActiveBodyIds } from '../../repositories/supervision-repository.ts';
import { enqueueNotification } from '../notification-service.ts';
import { loadReportContext } from './report-context.ts';
import { tallyLine } from '../../domain/reports/report-tally.ts';

export interface ReportReminderSweepResult {
  enqueued: number;
  alreadySent: number;
}

export async function sweepReportReminders(deps: { db: Database; clock: Clock }): Promise<ReportReminderSweepResult> {
  const result: ReportReminderSweepResult = { enqueued: 0, alreadySent: 0 };
  const now = deps.clock.now();
  const today = shanghaiDateOf(now);
  for (const bodyId of await listActiveBodyIds(deps.db)) {
    const ctx = await loadReportContext(deps.db, { bodyId, today });
    const quota = ctx.quota;
    const period = ctx.period;
    if (quota.source === 'off' || period === null || ctx.reporters.length === 0) continue;
    const counts = await countOffers(deps.db, bodyId, quota.reporter, [period.key]);
    for (const reporter of ctx.reporters) {
      const counted = counts.find((c) => c.reporterId === reporter.id)?.count ?? 0;
      const line = tallyLine({ reporterId: reporter.id, reporterName: reporter.name, period, due: quota.count, counted, today });
      // A group without units has no liaison to remind (the compliance view still shows it behind)
      if (reporter.remindUnitIds.length === 0 || !reminderDue({ period, today, daysBefore: quota.reminderDaysBefore, line })) continue;
      const claimed = await deps.db.transaction(async (tx) => {
        const claim = { bodyId, reporterKind: reporter.kind, reporterId: reporter.id, period: period.key };
        if (!(await claimReportReminder(tx, { ...claim, sentAt: now }))) return false;
        const rule = quota.source === 'charter' ? `（${quota.clause.clause ?? '制度'}：${quota.clause.text}）` : `（办公室设定：${quota.text}）`;
        const outboxId = await enqueueNotification(tx, {
          at: now,
          bodyId,
          event: 'info_report.reminder',
          title: `信息报送提醒：${reporter.name}${period.label}尚差 ${line.missing} 篇`,
          message: `${ctx.body.name}：${reporter.name}${period.label}应报送工作信息 ${line.due} 篇，已报送 ${line.counted} 篇，报送期于 ${period.end} 结束${rule}`,
          link: `/bodies/${bodyId}/reports`,
          recipients: reporter.remindUnitIds.map((unitId) => ({ kind: 'unit' as const, unitId, roles: ['liaison' as const] })),
          data: { period: period.key, reporterId: reporter.id, due: line.due, counted: line.counted },
        });
        await setReportReminderOutbox(tx, { ...claim, outboxId });
        return true;
      });
      if (claimed) result.enqueued += 1;
      else result.alreadySent += 1;
    }
  }
  return result;
}
