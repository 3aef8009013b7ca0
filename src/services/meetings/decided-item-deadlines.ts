/**
 * The handling deadline of the decided items minutes carry, checked as the issue step computes it
 * (decision-deadline.ts) and by the charter gate
 * (`set_handling_deadline`) when the minutes are drafted, edited and issued: a limit in working
 * days, or a date counted in working days on the body's calendar from `from` (the day of the draft,
 * or the issue date), may not exceed the charter's handling deadline (its co-handled limit for an
 * item with co-handling units). `charter_default` takes the charter's own limit and always passes.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Charter } from '../../domain/charter/charter-types.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import type { DecidedItemDraft } from '../../domain/meetings/meeting-types.ts';
import { computeDeadline } from '../../domain/decisions/decision-deadline.ts';
import { AppError } from '../../errors/app-error.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';

/**
 * Refuses (with the clause) the first decided item whose time limit the charter does not admit, or
 * that the issue step would refuse (`computeDeadline`, the decisions part's own rule: a malformed
 * date, a date before `from`, working days out of range, `charter_default` where the charter sets
 * no handling deadline) — so that the draft is refused already, not the issue after sign-off.
 * `startLabel` names `from` in the refusal (印发日期 at issue; 今天 in the draft).
 */
export async function assertDecidedItemDeadlines(
  db: DbOrTx,
  options: { bodyId: string; charter: Charter; items: readonly DecidedItemDraft[]; from: string; field: string; startLabel?: string },
): Promise<void> {
  if (options.items.length === 0) return;
  const calendar = await loadBodyCalendar(db, { bodyId: options.bodyId });
  for (const [index, item] of options.items.entries()) {
    const { deadline } = item;
    const field = `${options.field}.${index}.deadline`;
    const computed = computeDeadline({
      calendar,
      charter: options.charter,
      issuedOn: options.from,
      deadline,
      coHandled: item.coUnitIds.length > 0,
      field,
      ...(options.startLabel === undefined ? {} : { startLabel: options.startLabel }),
    });
    if (!computed.ok) throw new AppError(computed.refusal.code, computed.refusal.message, { field: computed.refusal.field });
    let workingDays: number | null = null;
    if (deadline.kind === 'working_days') workingDays = deadline.days;
    else if (deadline.kind === 'date' && isIsoDate(deadline.date)) workingDays = calendar.workingDaysBetween(options.from, deadline.date).workingDays;
    if (workingDays === null) continue;
    requireCharterGate(options.charter, { step: 'set_handling_deadline', workingDays, coHandled: item.coUnitIds.length > 0 }, { field });
  }
}
