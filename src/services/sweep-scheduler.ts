/**
 * Runs the background work on a schedule inside the server: dissolution at sunset, sunset warnings,
 * the escalation ladder of supervision, meeting-frequency warnings, then the outbox sender. One run at a time per process; several processes may run at once (the claims are in
 * PostgreSQL). `stop()` waits for a running pass to finish.
 */
import { dissolveBodiesPastSunset } from './dissolution-service.ts';
import type { Clock } from '../config/clock.ts';
import type { AppConfig } from '../config/config.ts';
import type { Database } from '../db/database.ts';
import { createSmtpMailer, sendDueOutbox } from './outbox-sender.ts';
import type { Mailer, SendResult } from './outbox-sender.ts';
import { sweepReminders } from './reminder-sweep.ts';
import { sweepReportReminders } from './reports/report-reminder-sweep.ts';
import type { ReminderSweepResult } from './reminder-sweep.ts';
import { sweepMeetingFrequencyWarnings } from './supervision/meeting-frequency.ts';
import { sweepSunsetWarnings } from './supervision/sunset-warnings.ts';
import { sweepIncomingDocumentReminders } from './incoming-documents/incoming-reminder-sweep.ts';
import { sweepSecurity } from './security-alert-service.ts';

export interface SweepLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SweepRunResult {
  /** Bodies dissolved because their charter's sunset date has passed */
  dissolved: string[];
  /** The escalation ladder: rungs enqueued by this pass */
  reminders: ReminderSweepResult;
  /** Sunset warnings (30 and 7 days before) and meeting-frequency warnings enqueued by this pass */
  warnings: { sunset: number; frequency: number };
  outbox: SendResult;
}

export class SweepScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepRunResult | null> | null = null;
  private stopped = true;
  private readonly mailer: Mailer | null;

  constructor(
    private readonly deps: {
      db: Database;
      config: Pick<AppConfig, 'smtp' | 'sweep'>;
      clock: Clock;
      logger: SweepLogger;
      /** Defaults to an SMTP mailer for `config.smtp` */
      mailer?: Mailer | null;
      fetch?: typeof fetch;
    },
  ) {
    this.mailer = deps.mailer !== undefined ? deps.mailer : deps.config.smtp === null ? null : createSmtpMailer(deps.config.smtp);
  }

  /** One pass: dissolutions, warnings and reminders, then every due outbox row. */
  async runOnce(): Promise<SweepRunResult> {
    const { dissolved } = await dissolveBodiesPastSunset(this.deps.db, { clock: this.deps.clock });
    const sunset = await sweepSunsetWarnings({ db: this.deps.db, clock: this.deps.clock });
    const reminders = await sweepReminders({ db: this.deps.db, clock: this.deps.clock });
    await sweepReportReminders({ db: this.deps.db, clock: this.deps.clock }); // 信息报送提醒 (issue 12, reports)
    const frequency = await sweepMeetingFrequencyWarnings({ db: this.deps.db, clock: this.deps.clock });
    await sweepIncomingDocumentReminders({ db: this.deps.db, clock: this.deps.clock }); // incoming documents (收文) climb the same ladder
    await sweepSecurity({ db: this.deps.db, clock: this.deps.clock, verifyIntervalSeconds: this.deps.config.sweep.auditVerifyIntervalSeconds ?? 3600 }); // audit chain verification and security alerts (issue 17 point 7)
    const outbox = await sendDueOutbox({
      db: this.deps.db,
      clock: this.deps.clock,
      smtp: this.deps.config.smtp,
      mailer: this.mailer,
      settings: this.deps.config.sweep,
      ...(this.deps.fetch === undefined ? {} : { fetch: this.deps.fetch }),
      logger: this.deps.logger,
    });
    return { dissolved, reminders, warnings: { sunset: sunset.enqueued, frequency: frequency.enqueued }, outbox };
  }

  /** Starts the schedule: a pass now, then one every `intervalSeconds` after the previous ends. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.runOnce().then(
        (result) => {
          if (result.dissolved.length > 0 || result.reminders.enqueued > 0 || result.warnings.sunset > 0 || result.warnings.frequency > 0 || result.outbox.sent > 0 || result.outbox.failed > 0) this.deps.logger.info({ ...result }, 'sweep');
          return result;
        },
        (error: unknown) => {
          this.deps.logger.error({ err: error }, 'sweep failed');
          return null;
        },
      );
      void this.running.finally(() => {
        this.running = null;
        this.schedule(this.deps.config.sweep.intervalSeconds * 1000);
      });
    }, delayMs);
  }

  /** Stops the schedule and waits for a running pass. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.running !== null) await this.running;
    this.mailer?.close();
  }
}
