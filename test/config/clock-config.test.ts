import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';
import { ManualClock, ShiftedClock, configuredClock, systemClock } from '../../src/config/clock.ts';

function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('a set clock for a non-production run (LIANXI_CLOCK_START)', () => {
  it('uses the system clock by default', () => {
    expect(loadConfig({}).clock).toBeNull();
    expect(configuredClock(null)).toBe(systemClock);
  });

  it('reads a start with its offset', () => {
    const config = loadConfig({ LIANXI_CLOCK_START: '2026-12-31T09:00:00+08:00', NODE_ENV: 'development' });
    expect(config.clock?.start.toISOString()).toBe('2026-12-31T01:00:00.000Z');
  });

  it('refuses a date-time without an offset or that is not one, naming the variable', () => {
    expect(refusal({ LIANXI_CLOCK_START: '2026-12-31 09:00' }).variables).toEqual(['LIANXI_CLOCK_START']);
    expect(refusal({ LIANXI_CLOCK_START: '2026-02-30T09:00:00+08:00' }).variables).toEqual(['LIANXI_CLOCK_START']);
  });

  it('refuses it when NODE_ENV=production', () => {
    const error = refusal({ LIANXI_CLOCK_START: '2026-12-31T09:00:00+08:00', NODE_ENV: 'production', LIANXI_AUDIT_KEY: 'ab'.repeat(32), LIANXI_DATA_KEY: 'cd'.repeat(16) });
    expect(error.variables).toEqual(['LIANXI_CLOCK_START']);
    expect(error.message).toContain('NODE_ENV=production');
  });

  it('starts at the set time and runs on at the real pace', () => {
    const real = new ManualClock(new Date('2025-01-01T00:00:00Z'));
    const clock = new ShiftedClock(new Date('2026-12-31T01:00:00Z'), real);
    expect(clock.now().toISOString()).toBe('2026-12-31T01:00:00.000Z');
    real.advanceMinutes(90);
    expect(clock.now().toISOString()).toBe('2026-12-31T02:30:00.000Z');
  });
});
