/**
 * Issue 19 point 8: the lockout answers the same for a name without an account as for an account,
 * so the answers do not tell which names exist.
 */
import { expect, it } from 'vitest';
import { describeDatabases, uniqueSuffix } from '../integration/harness.ts';

describeDatabases('security: no account enumeration through the lockout', (t) => {
  it('locks an unknown name after the same number of failures, with the same answer', async () => {
    const app = await t.app();
    const known = await t.createAccount();
    const unknown = `nobody${uniqueSuffix()}`;
    const answers = async (username: string) => {
      const list: { status: number; code: string; message: string }[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: 'Wrong-pass-123' } });
        const body = res.json<{ error: { code: string; message: string } }>();
        list.push({ status: res.statusCode, code: body.error.code, message: body.error.message.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'T') });
      }
      return list;
    };
    const forKnown = await answers(known.username);
    const forUnknown = await answers(unknown);
    expect(forKnown.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(forUnknown).toEqual(forKnown);
    // The counter of an unknown name is kept apart from the audit rows and locks for the same time.
    const [row] = await t.sql<{ locked_until: Date | null }>('SELECT locked_until FROM sign_in_attempts WHERE username = $1', [unknown]);
    expect(row?.locked_until).not.toBeNull();
  });
});
