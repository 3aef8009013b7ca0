/**
 * The escalation sweep of supervision (督办): for every open decided item of every active body, the
 * rung of the ladder it stands on today fires once — claimed per (item, rung, deadline) with
 * INSERT … ON CONFLICT DO NOTHING in the transaction that enqueues its notification, so a sweep run
 * twice, or by several instances at once, sends each rung once. An extension (a new deadline) gives
 * the item a fresh ladder. A dissolved body's items get no reminders.
 *
 * The lower rungs (before, due, overdue) are claimed in `reminder_sends` as before; the raised ones
 * (overdue_member, overdue_convener) in `escalation_sends`.
 *
 * Set-based (issue 16, national scale): the working days are counted here, once per calendar and
 * ladder (`ladderWindows`), into plain deadline dates; the database then returns, page by page
 * (keyset on deadline, id), only the open items whose deadline puts them on a rung today and whose
 * claim is not yet present. An item far from its deadline, or whose rung was already sent, is never
 * read. Bodies whose windows fall on the same dates share one read.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import { rungAudience } from '../../domain/decisions/escalation-ladder.ts';
import type { EscalationSettings, FiringRung } from '../../domain/decisions/escalation-ladder.ts';
import { claimReminderSend, setReminderOutbox } from '../../repositories/decision-repository.ts';
import type { DecisionView } from '../../repositories/decision-repository.ts';
import { claimEscalationSend, listActiveBodyLadders, listEscalationCandidates, setEscalationOutbox } from '../../repositories/supervision-repository.ts';
import type { EscalationCandidate } from '../../repositories/supervision-repository.ts';
import { bindBodyCalendar, loadWorkingDayCalendar } from '../calendar/region-calendar.ts';
import type { RegionCalendar } from '../calendar/region-calendar.ts';
import { enqueueNotification } from '../notification-service.ts';
import type { NotificationRecipient } from '../notification-types.ts';
import { ladderWindows, standingOf } from './escalation-standing.ts';
import type { EscalationStanding, LadderWindows } from './escalation-standing.ts';
import { toSupervisionSettings } from './supervision-settings.ts';
import type { SupervisionSettings } from './supervision-settings.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

export interface EscalationSweepResult {
  /** Rungs claimed and enqueued by this run */
  enqueued: number;
  /** Rungs due that another instance claimed between this run's read and its claim (rungs already sent before the read are skipped in SQL and not counted) */
  alreadySent: number;
  /** Candidate rows this run read (open items on a rung today whose claim was not yet present) */
  scanned: number;
}

/** Candidate rows per page (keyset), and so per transaction of claims. */
export const ESCALATION_SWEEP_PAGE_SIZE = 200;

function short(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}

/** Title and message of a rung's notification. */
export function rungText(rung: FiringRung, decision: DecisionView, standing: EscalationStanding, settings: EscalationSettings): { title: string; message: string } {
  const s = short(decision.text);
  const overdueDays = standing.workingDaysOverdue ?? 0;
  switch (rung) {
    case 'before':
      return { title: `督办提醒：${s}`, message: `距办理时限（${decision.deadline}）还有不超过 ${settings.reminderDaysBefore} 个工作日，请抓紧办理并报送进展。\n${decision.text}` };
    case 'due':
      return { title: `今日到期：${s}`, message: `本事项办理时限为今天（${decision.deadline}），请按时报送办结情况。\n${decision.text}` };
    case 'overdue':
      return { title: `已逾期：${s}`, message: `本事项已超过办理时限（${decision.deadline}），请尽快办结并说明情况。\n${decision.text}` };
    case 'overdue_member':
      return {
        title: `逾期${overdueDays}个工作日，再次督办：${s}`,
        message: `本事项已超过办理时限（${decision.deadline}）${overdueDays} 个工作日，主办单位（${decision.leadUnitName}）仍未办结，请单位负责同志督促办理并说明情况。\n${decision.text}`,
      };
    case 'overdue_convener':
      return {
        title: `逾期${overdueDays}个工作日，报召集人：${s}`,
        message: `本事项已超过办理时限（${decision.deadline}）${overdueDays} 个工作日，主办单位（${decision.leadUnitName}）仍未办结，现报召集人、副召集人，并列入下一期督办通报。\n${decision.text}`,
      };
  }
}

/** Who a rung's notification goes to. */
export function rungRecipients(rung: FiringRung, decision: DecisionView): NotificationRecipient[] {
  const audience = rungAudience(rung);
  const leadRoles: ('member' | 'liaison')[] = [];
  if (audience.leadLiaison) leadRoles.push('liaison');
  if (audience.leadMember) leadRoles.push('member');
  const recipients: NotificationRecipient[] = [];
  if (leadRoles.length > 0) recipients.push({ kind: 'unit', unitId: decision.leadUnitId, roles: leadRoles });
  if (audience.coUnits) for (const u of decision.coUnits) recipients.push({ kind: 'unit', unitId: u.unitId, roles: ['liaison'] });
  if (audience.office) recipients.push({ kind: 'office' });
  if (audience.conveners) recipients.push({ kind: 'body_roles', roles: ['convener', 'deputy_convener'] });
  return recipients;
}

/** Claims the rung for the item and deadline; true when this call won it. */
async function claimRung(tx: DbOrTx, rung: FiringRung, decisionId: string, dueDate: string, sentAt: Date): Promise<boolean> {
  if (rung === 'overdue_member' || rung === 'overdue_convener') return claimEscalationSend(tx, { decisionId, rung, dueDate, sentAt });
  return claimReminderSend(tx, { decisionId, kind: rung, dueDate, sentAt });
}

async function linkOutbox(tx: DbOrTx, rung: FiringRung, decisionId: string, dueDate: string, outboxId: number): Promise<void> {
  if (rung === 'overdue_member' || rung === 'overdue_convener') await setEscalationOutbox(tx, { decisionId, rung, dueDate, outboxId });
  else await setReminderOutbox(tx, { decisionId, kind: rung, dueDate, outboxId });
}

/** What the sweep needs of one active body: its calendar and its ladder. */
interface BodyLadder {
  calendar: RegionCalendar;
  settings: SupervisionSettings;
}

/** The bodies sharing one set of windows today. */
interface WindowGroup {
  windows: LadderWindows;
  bodyIds: string[];
}

/**
 * Every active body's calendar and ladder, and the bodies grouped by the deadline windows they give
 * today (one calendar load; the windows counted once per region and ladder).
 */
async function loadLadders(db: Database, today: string): Promise<{ ladders: Map<string, BodyLadder>; groups: WindowGroup[] }> {
  const rows = await listActiveBodyLadders(db);
  const workingDays = await loadWorkingDayCalendar(db);
  const calendars = new Map<string, RegionCalendar>();
  const windowsByLadder = new Map<string, LadderWindows>();
  const groups = new Map<string, WindowGroup>();
  const ladders = new Map<string, BodyLadder>();
  for (const row of rows) {
    const regionKey = row.regionCode ?? '';
    let calendar = calendars.get(regionKey);
    if (calendar === undefined) {
      calendar = bindBodyCalendar(workingDays, row.regionCode);
      calendars.set(regionKey, calendar);
    }
    const settings = toSupervisionSettings(row.bodyId, row.reminderDaysBefore === null ? null : { reminderDaysBefore: row.reminderDaysBefore }, row.supervision);
    ladders.set(row.bodyId, { calendar, settings });
    const ladderKey = `${regionKey}|${settings.reminderDaysBefore}|${settings.memberAfterDays}|${settings.convenerAfterDays}`;
    let windows = windowsByLadder.get(ladderKey);
    if (windows === undefined) {
      windows = ladderWindows(today, calendar, settings);
      windowsByLadder.set(ladderKey, windows);
    }
    const groupKey = `${windows.beforeUntil}|${windows.overdueFrom}|${windows.memberFrom}`;
    const group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, { windows, bodyIds: [row.bodyId] });
    else group.bodyIds.push(row.bodyId);
  }
  return { ladders, groups: [...groups.values()] };
}

/** Claims and enqueues one page of candidates in one transaction (each claim with its notification). */
async function firePage(db: Database, page: readonly EscalationCandidate[], ladders: Map<string, BodyLadder>, now: Date, today: string): Promise<{ enqueued: number; alreadySent: number }> {
  return db.transaction(async (tx) => {
    const counts = { enqueued: 0, alreadySent: 0 };
    for (const decision of page) {
      // A body created since the ladders were loaded: its items wait for the next run
      const ladder = ladders.get(decision.bodyId);
      if (ladder === undefined) continue;
      // The standing counts the working days again for the message; its rung is the one the read chose
      const standing = standingOf(decision, today, ladder.calendar, ladder.settings);
      const rung = standing.rung;
      if (rung === 'none') continue;
      if (!(await claimRung(tx, rung, decision.id, decision.deadline, now))) {
        counts.alreadySent += 1;
        continue;
      }
      const outboxId = await enqueueNotification(tx, {
        at: now,
        bodyId: decision.bodyId,
        event: `decision.reminder_${rung}`,
        ...rungText(rung, decision, standing, ladder.settings),
        link: `/bodies/${decision.bodyId}/decisions/${decision.id}`,
        recipients: rungRecipients(rung, decision),
        data: {
          decisionId: decision.id,
          reminder: rung,
          deadline: decision.deadline,
          today,
          workingDaysOverdue: standing.workingDaysOverdue,
        },
      });
      await linkOutbox(tx, rung, decision.id, decision.deadline, outboxId);
      counts.enqueued += 1;
    }
    return counts;
  });
}

/** Runs the escalation sweep once at the clock's now. */
export async function sweepEscalations(deps: { db: Database; clock: Clock; pageSize?: number }): Promise<EscalationSweepResult> {
  const result: EscalationSweepResult = { enqueued: 0, alreadySent: 0, scanned: 0 };
  const now = deps.clock.now();
  const today = shanghaiDateOf(now);
  const limit = deps.pageSize ?? ESCALATION_SWEEP_PAGE_SIZE;
  const { ladders, groups } = await loadLadders(deps.db, today);
  for (const group of groups) {
    // One group (the usual case): every active body, without sending their ids
    const bodyIds = groups.length === 1 ? null : group.bodyIds;
    let after: { deadline: string; id: string } | null = null;
    for (;;) {
      const page = await listEscalationCandidates(deps.db, { bodyIds, ...group.windows, after, limit });
      result.scanned += page.length;
      if (page.length === 0) break;
      const fired = await firePage(deps.db, page, ladders, now, today);
      result.enqueued += fired.enqueued;
      result.alreadySent += fired.alreadySent;
      const last = page[page.length - 1];
      if (last === undefined || page.length < limit) break;
      after = { deadline: last.deadline, id: last.id };
    }
  }
  return result;
}
