/** SQL of failed sign-ins under unknown names (sign_in_attempts). */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { signInAttempts } from '../db/schema/security.ts';
import type { SignInAttemptRow } from '../db/schema/security.ts';

/** The counter of a name, locked for this transaction (created at zero when absent). */
export async function lockSignInAttempt(tx: DbOrTx, username: string, at: Date): Promise<SignInAttemptRow> {
  await tx.insert(signInAttempts).values({ username, failedSignIns: 0, updatedAt: at }).onConflictDoNothing();
  const rows = await tx.select().from(signInAttempts).where(eq(signInAttempts.username, username)).for('update');
  const row = rows[0];
  if (row === undefined) throw new Error('sign_in_attempts row vanished');
  return row;
}

export async function updateSignInAttempt(
  tx: DbOrTx,
  username: string,
  values: { failedSignIns: number; lockedUntil: Date | null; updatedAt: Date },
): Promise<void> {
  await tx.update(signInAttempts).set(values).where(eq(signInAttempts.username, username));
}
