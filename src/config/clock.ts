/** The injectable clock. Session expiry, lockout and jobs read time only through it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = to.getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

/**
 * A clock set to start at `start` and run on at the real pace from the moment it is created: the
 * server's clock for a non-production run with LIANXI_CLOCK_START (see src/config/config.ts).
 */
export class ShiftedClock implements Clock {
  private readonly offsetMs: number;
  constructor(start: Date, private readonly real: Clock = systemClock) {
    this.offsetMs = start.getTime() - real.now().getTime();
  }
  now(): Date {
    return new Date(this.real.now().getTime() + this.offsetMs);
  }
}

/** The server's clock: the system clock, or a shifted one when the configuration sets a start. */
export function configuredClock(settings: { start: Date } | null): Clock {
  return settings === null ? systemClock : new ShiftedClock(settings.start);
}
