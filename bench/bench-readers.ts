/**
 * The readers the busy reads are made as, on a database the generator (scripts/generate-bench-data.ts)
 * filled: shared by the HTTP benchmark (bench/http-reads.ts) and the statement-count and query-plan
 * tests (test/integration/query-budget.test.ts, query-plans.test.ts).
 */
import smCrypto from 'sm-crypto';
import type { RawSql } from '../src/db/client.ts';
import { ID_KIND, benchId, writeBenchSessions } from '../scripts/generate-bench-data.ts';

/**
 * (Re)creates a live session for each account number, (re)creates the liaison's calendar feed token
 * and returns the liaison's unit (for the cross-body read). Throws when the liaison has no membership
 * (the database was not filled by the generator).
 */
export async function writeBenchReaders(sql: RawSql, options: { accounts: readonly number[]; liaison: number; feedToken: string; now: Date }): Promise<string> {
  await writeBenchSessions(sql, options.accounts, options.now);
  const liaison = benchId(ID_KIND.account, options.liaison);
  await sql.query('DELETE FROM calendar_feed_tokens WHERE account_id = $1', [liaison]);
  await sql.query('INSERT INTO calendar_feed_tokens (id, account_id, token_hash, created_at) VALUES ($1, $2, $3, $4)', [
    benchId(ID_KIND.session, 0xfeed),
    liaison,
    smCrypto.sm3(options.feedToken),
    options.now.toISOString(),
  ]);
  const [unit] = await sql.query<{ unit_id: string }>('SELECT unit_id FROM memberships WHERE id = $1', [benchId(ID_KIND.membership, options.liaison)]);
  if (!unit) throw new Error('the benchmark liaison has no membership: was the database filled by the generator?');
  return unit.unit_id;
}
