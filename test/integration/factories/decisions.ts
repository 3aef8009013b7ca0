/**
 * Factories of the decisions part: a body with office staff and unit liaisons, and decided items
 * assigned through `assignDecidedItems` — here on minutes written straight to the database (a
 * test-only path standing in for the meetings part's HTTP flow, which issues minutes and calls the
 * same function in its transaction).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TestAccount, TestContext } from '../harness.ts';
import { meetings, minutes } from '../../../src/db/schema/meetings.ts';
import { assignDecidedItems } from '../../../src/services/decisions/assign-decided-items.ts';
import type { DecidedItemInput } from '../../../src/services/decisions/assign-decided-items.ts';
import { bodyUser, personUser, publishTestBody } from './bodies.ts';
import type { PublishedBody } from './bodies.ts';

export interface DecisionBody extends PublishedBody {
  office: { account: TestAccount; cookie: string };
  /** Member units in charter order (the first is the body's lead unit) */
  units: { unitId: string; name: string }[];
}

/** A published body (default: a fresh synthetic one) with an office-staff account. */
export async function decisionBody(t: TestContext, options: { text?: string } = {}): Promise<DecisionBody> {
  const app = await t.app();
  const body = await publishTestBody(t, options.text === undefined ? {} : { text: options.text });
  const office = await bodyUser(t, body.id, 'office_staff');
  const detail = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}`, headers: { cookie: office.cookie } });
  expect(detail.statusCode, detail.body).toBe(200);
  const units = detail.json<{ memberUnits: { unitId: string; name: string }[] }>().memberUnits.map((u) => ({ unitId: u.unitId, name: u.name }));
  return { ...body, office, units };
}

/** A person holding `roleKind` for the unit (started by the office through the API), signed in. */
export async function unitPerson(
  t: TestContext,
  body: DecisionBody,
  unitId: string,
  roleKind: 'liaison' | 'member' = 'liaison',
  validFrom = '2020-01-01',
): Promise<{ account: TestAccount; cookie: string; personId: string }> {
  const app = await t.app();
  const response = await app.inject({
    method: 'POST',
    url: `/api/bodies/${body.id}/memberships`,
    headers: { cookie: body.office.cookie },
    payload: { roleKind, title: roleKind === 'liaison' ? '联络员' : '成员', unitId, personName: `测试${roleKind}${randomUUID().slice(0, 6)}`, validFrom },
  });
  expect(response.statusCode, response.body).toBe(201);
  const personId = response.json<{ personId: string }>().personId;
  const user = await personUser(t, personId);
  return { ...user, personId };
}

/**
 * Issues minutes of a held meeting of the body on `issuedOn` with the decided items, assigning them
 * in the same transaction.
 */
export async function issueDecisions(
  t: TestContext,
  options: { bodyId: string; issuedOn: string; items: DecidedItemInput[]; actorId?: string | null },
): Promise<{ meetingId: string; minutesId: string; decisionIds: string[] }> {
  const at = t.clock.now();
  return t.db.transaction(async (tx) => {
    const meetingId = randomUUID();
    const minutesId = randomUUID();
    await tx.insert(meetings).values({
      id: meetingId,
      bodyId: options.bodyId,
      kind: 'plenary',
      kindName: '全体会议',
      title: `测试会议${meetingId.slice(0, 6)}`,
      startsAt: new Date(`${options.issuedOn}T09:00:00+08:00`),
      status: 'minutes_issued',
      createdAt: at,
      updatedAt: at,
    });
    const year = Number(options.issuedOn.slice(0, 4));
    const existing = await tx.select({ number: minutes.number }).from(minutes);
    const number = Math.max(0, ...existing.map((m) => m.number ?? 0)) + 1;
    await tx.insert(minutes).values({
      id: minutesId,
      meetingId,
      bodyId: options.bodyId,
      status: 'issued',
      title: `测试会议纪要${minutesId.slice(0, 6)}`,
      proceedings: '会议研究了有关事项。',
      year,
      number,
      issuedOn: options.issuedOn,
      issuedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    const { decisionIds } = await assignDecidedItems(tx, {
      bodyId: options.bodyId,
      meetingId,
      minutesId,
      issuedOn: options.issuedOn,
      items: options.items,
      origin: { actorId: options.actorId ?? null, requestId: null, clientAddress: 'test-factory', at },
    });
    return { meetingId, minutesId, decisionIds };
  });
}

/** What `overdueItemScenario` leaves: the clock at 2025-03-10 (China), one of the body's items overdue. */
export interface OverdueItemScenario {
  body: DecisionBody;
  /** Another body with its own office and decided item, which nobody of `body` may see */
  stranger: DecisionBody;
  /** The body's lead unit, which holds the overdue item */
  lead: { unitId: string; name: string };
  /** The lead unit's liaison (its cookie is of 2025-03-03: sign in again) */
  liaison: { account: TestAccount; cookie: string; personId: string };
  /** The lead unit's item: due in 2 working days (2025-03-05), overdue on 2025-03-10 */
  overdueId: string;
  /** The second unit's item, due on 2025-04-30: not overdue */
  laterId: string;
}

/**
 * A liaison's overdue decided item beside another body's: on 2025-03-03 the body issues two decided
 * items (the lead unit's due in 2 working days, the second unit's on 2025-04-30) and a stranger body
 * one of its own (due in 1 working day); then the clock moves to 2025-03-10.
 */
export async function overdueItemScenario(t: TestContext): Promise<OverdueItemScenario> {
  const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
  t.clock.set(at('2025-03-03'));
  const body = await decisionBody(t);
  const stranger = await decisionBody(t);
  const [lead, co] = body.units;
  const [strangerUnit] = stranger.units;
  if (!lead || !co || !strangerUnit) throw new Error('a decision body has at least two member units');
  const liaison = await unitPerson(t, body, lead.unitId);
  const { decisionIds } = await issueDecisions(t, {
    bodyId: body.id,
    issuedOn: '2025-03-03',
    items: [
      { text: '研究制定实施方案', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 2 } },
      { text: '报送工作情况', leadUnitId: co.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-04-30' } },
    ],
  });
  await issueDecisions(t, {
    bodyId: stranger.id,
    issuedOn: '2025-03-03',
    items: [{ text: '另一机构的事项', leadUnitId: strangerUnit.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 1 } }],
  });
  const [overdueId, laterId] = decisionIds;
  if (overdueId === undefined || laterId === undefined) throw new Error('two decided items were issued');
  t.clock.set(at('2025-03-10'));
  return { body, stranger, lead, liaison, overdueId, laterId };
}
