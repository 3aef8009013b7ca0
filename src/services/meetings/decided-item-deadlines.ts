/**
 * The handling deadline of the decided items minutes carry, checked by the charter gate
 * (`set_handling_deadline`) when the minutes are drafted, edited and issued: a limit in working
 * days, or a date counted in working days on the body's calendar from `from` (the day of the draft,
 * or the issue date), may not exceed the charter's handling deadline (its co-handled limit for an
 * item with co-handling units). `charter_default` takes the charter's own limit and always passes.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Charter } from '../../domain/charter/charter-types.ts';
import { isIsoDate } from '../../domain/calendar/index.ts';
import type { DecidedItemDraft } from '../../domain/meetings/meeting-types.ts';
import { requireCharterGate } from '../../policy/charter-gate.ts';
import { loadBodyCalendar } from '../calendar/region-calendar.ts';

/** Refuses (with the clause) the first decided item whose time limit the charter does not admit. */
export async function assertDecidedItemDeadlines(
  db: DbOrTx,
  options: { bodyId: string; charter: Charter; items: readonly DecidedItemDraft[]; from: string; field: string },
): Promise<void> {
  const dated = options.items.some((item) => item.deadline.kind === 'date');
  const calendar = dated ? await loadBodyCalendar(db, { bodyId: options.bodyId }) : null;
  for (const [index, item] of options.items.entries()) {
    const { deadline } = item;
    let workingDays: number | null = null;
    if (deadline.kind === 'working_days') workingDays = deadline.days;
    // A date before `from` or malformed is the decisions part's refusal when the minutes are issued.
    else if (deadline.kind === 'date' && calendar !== null && isIsoDate(deadline.date) && deadline.date >= options.from) {
      workingDays = calendar.workingDaysBetween(options.from, deadline.date).workingDays;
    }
    if (workingDays === null) continue;
    requireCharterGate(
      options.charter,
      { step: 'set_handling_deadline', workingDays, coHandled: item.coUnitIds.length > 0 },
      { field: `${options.field}.${index}.deadline` },
    );
  }
}
