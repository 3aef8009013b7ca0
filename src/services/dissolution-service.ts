/**
 * Dissolution (撤销) of a body: recorded by its office, or reached when the charter's sunset date
 * has passed (`…自行撤销`). A dissolved body keeps its records for reading; its memberships and
 * member units end on the day of dissolution, and state changes are refused (`assertBodyActive`).
 * Before the office dissolves a body it hands over every open decided item (transfer to a successor
 * body or unit, or close with a reason: src/services/supervision/decision-handover.ts); a body
 * dissolved at its sunset date keeps its open items until the office hands them over, and its
 * former members keep reading them (src/policy/former-membership-role-resolver.ts).
 */
import type { Database, DbOrTx } from '../db/database.ts';
import type { Clock } from '../config/clock.ts';
import { addDays } from '../domain/calendar/iso-date.ts';
import { AppError } from '../errors/app-error.ts';
import { listBodiesPastSunset, markBodyDissolved } from '../repositories/body-repository.ts';
import { listDecisionViews } from '../repositories/decision-repository.ts';
import type { BodyRow } from '../repositories/body-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { getBodyRow } from './body-service.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/** Refuses a state change in a dissolved body. */
export function assertBodyActive(body: Pick<BodyRow, 'status' | 'dissolvedOn'>): void {
  if (body.status !== 'active') {
    throw new AppError('body_dissolved', `该议事协调机构已于${body.dissolvedOn ?? ''}撤销，不能再办理此事项`);
  }
}

export interface DissolveBodyOptions {
  bodyId: string;
  /** First day the body no longer exists (ISO date, Asia/Shanghai); not later than today. */
  on: string;
  reason: string;
  origin: AuditOrigin;
  clock: Clock;
}

/** Records the dissolution of a body by its office (or a system administrator). */
export async function dissolveBody(db: Database, options: DissolveBodyOptions): Promise<BodyRow> {
  const now = options.clock.now();
  if (options.on > shanghaiDateOf(now)) {
    throw new AppError('dissolution_in_future', '撤销日期不能晚于今天', { field: 'on' });
  }
  return db.transaction(async (tx) => {
    const body = await getBodyRow(tx, { bodyId: options.bodyId });
    assertBodyActive(body);
    const open = await listDecisionViews(tx, { bodyId: body.id, openOnly: true });
    if (open.length > 0) {
      throw new AppError('open_decisions_not_handed_over', `本机构尚有 ${open.length} 项未销号的督办事项，请先逐项移交后续机构或单位，或说明理由办结，再撤销`, {
        field: 'bodyId',
        details: { openDecisionIds: open.map((d) => d.id) },
      });
    }
    const before = await markBodyDissolved(tx, body.id, options.on, now);
    if (!before) throw new AppError('body_dissolved', '该议事协调机构已撤销');
    await recordAudit(
      tx,
      {
        ...options.origin,
        action: 'body.dissolve',
        entityType: 'body',
        entityId: body.id,
        before: { status: before.status, dissolvedOn: before.dissolvedOn },
        after: { status: 'dissolved', dissolvedOn: options.on, reason: options.reason },
        at: now,
      },
    );
    return getBodyRow(tx, { bodyId: body.id });
  });
}

/**
 * Sweep: dissolves every active body whose charter sunset date has passed, as of the day after the
 * sunset date. Each body is dissolved in its own transaction by a conditional update, so two
 * instances running the sweep at once, or one running it twice, dissolve each body once.
 */
export async function dissolveBodiesPastSunset(db: Database, options: { clock: Clock }): Promise<{ dissolved: string[] }> {
  const now = options.clock.now();
  const candidates = await listBodiesPastSunset(db, shanghaiDateOf(now));
  const dissolved: string[] = [];
  for (const candidate of candidates) {
    if (!candidate.sunsetDate) continue;
    const on = addDays(candidate.sunsetDate, 1);
    const done = await db.transaction(async (tx: DbOrTx) => {
      const before = await markBodyDissolved(tx, candidate.id, on, now);
      if (!before) return false;
      await recordAudit(
        tx,
        {
          actorId: null,
          requestId: null,
          clientAddress: null,
          action: 'body.dissolve_at_sunset',
          entityType: 'body',
          entityId: candidate.id,
          before: { status: before.status, sunsetDate: before.sunsetDate },
          after: { status: 'dissolved', dissolvedOn: on },
          at: now,
        },
      );
      return true;
    });
    if (done) dissolved.push(candidate.id);
  }
  return { dissolved };
}
