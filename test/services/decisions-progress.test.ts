/**
 * Decided items (督办事项) and their progress through the services: issued minutes assign them;
 * assigned units report progress (lead and co-handling units), only the lead unit reports
 * completion, the office closes or sends back, and an extension moves the deadline when approved.
 * Each step is audited and the office is told of a completion report.
 */
import { expect, it } from 'vitest';
import { listDecisions } from '../../src/services/decisions/decision-views.ts';
import { reportCompletion, reportProgress } from '../../src/services/decisions/progress-reports.ts';
import { closeDecision, sendBackDecision } from '../../src/services/decisions/close-decision.ts';
import { decideExtension, requestExtension } from '../../src/services/decisions/extensions.ts';
import { describeServices } from './service-context.ts';
import { ROSTER, issueDecidedItems, publishTestBody } from './factories.ts';

describeServices('decisions and progress (services)', (s) => {
  async function setup() {
    s.clock.set(new Date('2024-05-06T01:00:00Z'));
    const body = await publishTestBody(s, { roster: ROSTER });
    const [a, b, c] = body.units;
    if (a === undefined || b === undefined || c === undefined) throw new Error('the synthetic body has four units');
    const { decisionIds } = await issueDecidedItems(s, body, {
      startsAt: new Date('2024-05-20T02:00:00Z'),
      items: [
        { text: '制定实施方案', leadUnitId: a.unitId, coUnitIds: [b.unitId], deadline: { kind: 'date', date: '2024-06-28' } },
        { text: '汇总工作进展', leadUnitId: b.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2024-07-31' } },
      ],
    });
    const [first, second] = decisionIds;
    if (first === undefined || second === undefined) throw new Error('two decisions issued');
    const step = (decisionId: string) => ({ clock: s.clock, bodyId: body.id, decisionId, origin: s.origin(body.office) });
    return { body, lead: a, co: b, bystander: c, first, second, step };
  }

  it('assigns the items of issued minutes to their units with their deadlines', async () => {
    const { body, lead, co, first, second } = await setup();
    const items = await listDecisions(s.db, { clock: s.clock, bodyId: body.id });
    expect(items.map((i) => [i.id, i.status, i.deadline])).toEqual(
      expect.arrayContaining([
        [first, 'assigned', '2024-06-28'],
        [second, 'assigned', '2024-07-31'],
      ]),
    );
    expect(items.find((i) => i.id === first)?.leadUnit.unitId).toBe(lead.unitId);
    const ofCo = await listDecisions(s.db, { clock: s.clock, bodyId: body.id, unitId: co.unitId });
    expect(ofCo.map((i) => i.id).sort()).toEqual([first, second].sort());
  });

  it('takes progress from assigned units, completion from the lead unit only, and closes', async () => {
    const { body, lead, co, bystander, first, step } = await setup();
    await expect(reportProgress(s.db, { ...step(first), unitId: bystander.unitId, text: '无关单位', attachments: [] })).rejects.toMatchObject({
      code: 'unit_not_assigned',
      status: 403,
    });
    await reportProgress(s.db, { ...step(first), unitId: co.unitId, text: '协办单位已提供材料', attachments: [] });
    expect((await listDecisions(s.db, { clock: s.clock, bodyId: body.id, status: 'in_progress' })).map((i) => i.id)).toContain(first);

    await expect(reportCompletion(s.db, { ...step(first), unitId: co.unitId, text: '已完成', attachments: [] })).rejects.toMatchObject({ code: 'not_lead_unit' });
    await reportCompletion(s.db, { ...step(first), unitId: lead.unitId, text: '实施方案已印发', attachments: [] });
    const told = await s.sql<{ event: string }>(
      `SELECT payload->>'event' AS event FROM outbox WHERE kind = 'notification' AND payload->'data'->>'decisionId' = $1`,
      [first],
    );
    expect(told.map((t) => t.event)).toContain('decision.completion_reported');

    await closeDecision(s.db, { ...step(first), note: '审核通过' });
    const closed = (await listDecisions(s.db, { clock: s.clock, bodyId: body.id })).find((i) => i.id === first);
    expect(closed?.status).toBe('closed');
    await expect(closeDecision(s.db, { ...step(first), note: null })).rejects.toMatchObject({ status: 409 });
    const audit = await s.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [first]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['decision.report_progress', 'decision.report_completion', 'decision.close']));
  });

  it('sends a completion back to in progress', async () => {
    const { body, co, second, step } = await setup();
    await reportCompletion(s.db, { ...step(second), unitId: co.unitId, text: '已汇总', attachments: [] });
    await sendBackDecision(s.db, { ...step(second), reason: '缺少附件' });
    expect((await listDecisions(s.db, { clock: s.clock, bodyId: body.id })).find((i) => i.id === second)?.status).toBe('in_progress');
  });

  it('moves the deadline when an extension is approved, one pending request at a time', async () => {
    const { body, lead, first, step } = await setup();
    await expect(requestExtension(s.db, { ...step(first), unitId: lead.unitId, requestedDeadline: '2024-06-01', reason: '提前' })).rejects.toMatchObject({
      code: 'extension_not_later',
    });
    await expect(requestExtension(s.db, { ...step(first), unitId: lead.unitId, requestedDeadline: '2024-13-01', reason: '日期' })).rejects.toMatchObject({
      code: 'invalid_date',
      field: 'requestedDeadline',
    });
    const { extensionRequestId } = await requestExtension(s.db, { ...step(first), unitId: lead.unitId, requestedDeadline: '2024-07-31', reason: '需征求各方意见' });
    await expect(requestExtension(s.db, { ...step(first), unitId: lead.unitId, requestedDeadline: '2024-08-30', reason: '再延' })).rejects.toMatchObject({
      code: 'extension_pending',
    });
    await decideExtension(s.db, { ...step(first), extensionRequestId, approve: true, note: null });
    expect((await listDecisions(s.db, { clock: s.clock, bodyId: body.id })).find((i) => i.id === first)?.deadline).toBe('2024-07-31');
    await expect(decideExtension(s.db, { ...step(first), extensionRequestId, approve: false, note: null })).rejects.toMatchObject({ code: 'extension_already_decided' });
  });
});
