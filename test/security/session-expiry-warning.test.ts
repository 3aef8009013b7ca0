/** Issue 17 point 9 (web): the warning shown before the session or the password ends. */
import { describe, expect, it } from 'vitest';
import { expiryWarning } from '../../web/src/auth/session-expiry.ts';

describe('session expiry warning', () => {
  const start = new Date('2026-12-03T01:00:00Z');
  const times = { idleTimeoutMinutes: 30, absoluteExpiresAt: '2026-12-03T13:00:00.000Z', passwordExpiresAt: null };
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

  it('warns five minutes before the idle timeout, and not before; activity moves it', () => {
    expect(expiryWarning(times, start, at(24))).toBeNull();
    expect(expiryWarning(times, start, at(25))).toEqual({ kind: 'idle', at: at(30) });
    expect(expiryWarning(times, at(20), at(25))).toBeNull();
  });

  it('warns before the absolute end when it comes first, and about a password expiring within a week', () => {
    expect(expiryWarning(times, at(11 * 60 + 40), at(11 * 60 + 46))).toEqual({ kind: 'absolute', at: new Date(times.absoluteExpiresAt) });
    expect(expiryWarning({ ...times, passwordExpiresAt: '2026-12-12T00:00:00.000Z' }, start, at(1))).toBeNull();
    expect(expiryWarning({ ...times, passwordExpiresAt: '2026-12-09T00:00:00.000Z' }, start, at(1))).toEqual({ kind: 'password', at: new Date('2026-12-09T00:00:00.000Z') });
  });
});
