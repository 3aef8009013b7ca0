/**
 * When the session and the password end (issue 17 point 9), from /api/auth/me: pure helpers for the
 * warning shown before it happens. The idle deadline moves with every answer of the server.
 */

export interface SessionTimes {
  idleTimeoutMinutes: number;
  absoluteExpiresAt: string;
  passwordExpiresAt: string | null;
}

/** Minutes before an end at which the warning shows. */
export const WARN_IDLE_MINUTES = 5;
export const WARN_ABSOLUTE_MINUTES = 15;
export const WARN_PASSWORD_DAYS = 7;

export type ExpiryWarning =
  | { kind: 'idle'; at: Date }
  | { kind: 'absolute'; at: Date }
  | { kind: 'password'; at: Date }
  | null;

/** The warning to show at `now`, given the last activity (the server's last answer), or null. */
export function expiryWarning(times: SessionTimes, lastActivity: Date, now: Date): ExpiryWarning {
  const idleAt = new Date(lastActivity.getTime() + times.idleTimeoutMinutes * 60_000);
  const absoluteAt = new Date(times.absoluteExpiresAt);
  if (absoluteAt.getTime() <= idleAt.getTime() && absoluteAt.getTime() - now.getTime() <= WARN_ABSOLUTE_MINUTES * 60_000) {
    return { kind: 'absolute', at: absoluteAt };
  }
  if (idleAt.getTime() - now.getTime() <= WARN_IDLE_MINUTES * 60_000) return { kind: 'idle', at: idleAt };
  if (times.passwordExpiresAt !== null) {
    const passwordAt = new Date(times.passwordExpiresAt);
    if (passwordAt.getTime() - now.getTime() <= WARN_PASSWORD_DAYS * 86_400_000) return { kind: 'password', at: passwordAt };
  }
  return null;
}

/** "HH:mm" (Beijing time) of an instant. */
export function beijingTime(at: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

/** "YYYY-MM-DD" (Beijing date) of an instant. */
export function beijingDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
