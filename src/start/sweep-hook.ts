/**
 * Starts the background sweeps (reminders, outbox) when the server starts, unless
 * LIANXI_SWEEP_ENABLED=false; the returned stopper runs before the database closes.
 */
import { SweepScheduler } from '../services/sweep-scheduler.ts';
import type { StartHook } from './start-hook.ts';

export const sweepHook: StartHook = {
  name: 'sweeps',
  run: async (ctx) => {
    if (!ctx.config.sweep.enabled) return;
    const scheduler = new SweepScheduler({ db: ctx.db, config: ctx.config, clock: ctx.clock, logger: ctx.logger });
    scheduler.start();
    return () => scheduler.stop();
  },
};
