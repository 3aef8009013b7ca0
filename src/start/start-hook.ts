/**
 * What a start hook is: a step the start sequence runs after migrations and the administrators'
 * bootstrap, before the server listens. The hooks themselves are listed in `start-hooks.ts`; each
 * hook file imports only this one, so the list and its hooks form no import cycle.
 *
 * A hook must be idempotent (a second start imports nothing again) and write through services
 * (audited). Lines it prints go through `ctx.print`.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config/config.ts';
import type { Clock } from '../config/clock.ts';
import type { Database } from '../db/database.ts';

export interface StartContext {
  db: Database;
  config: AppConfig;
  clock: Clock;
  logger: FastifyBaseLogger;
  /** False with `serve --no-examples`. */
  examples: boolean;
  /** Prints a line for the operator (stdout). */
  print: (line: string) => void;
}

export interface StartHook {
  name: string;
  /** May return a stopper for background work it started; the server calls it on close, before the database closes. */
  run(context: StartContext): Promise<void | (() => Promise<void>)>;
}
