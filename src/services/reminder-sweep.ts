/**
 * The reminder sweep: runs the escalation ladder of supervision (督办) over every open decided item
 * of every active body — before the deadline, on the day, overdue, raised to the lead unit's member,
 * raised to the convener — each rung once per item and deadline (src/services/supervision/escalation-sweep.ts).
 */
import type { Clock } from '../config/clock.ts';
import type { Database } from '../db/database.ts';
import { sweepEscalations } from './supervision/escalation-sweep.ts';
import type { EscalationSweepResult } from './supervision/escalation-sweep.ts';

export type ReminderSweepResult = EscalationSweepResult;

/** Runs the reminder sweep (the escalation ladder) once at the clock's now. */
export async function sweepReminders(deps: { db: Database; clock: Clock }): Promise<ReminderSweepResult> {
  return sweepEscalations(deps);
}
