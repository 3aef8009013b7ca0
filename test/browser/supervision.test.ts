/**
 * Escalating supervision and the dissolution handover in a real browser. Two decided items are
 * assigned in an example body (written through the same service the minutes' issue calls — the
 * meetings browser test drives that path through the UI), one long overdue and one due soon. The
 * office staff sees each item's rung of the escalation ladder, the workspace dashboard of items by
 * rung and the meeting-frequency line, sets the body's own ladder and sees the rung follow, then dissolves the body through the handover dialog: one item
 * closed with a reason, one transferred to a successor body. No API call besides the harness's own
 * account setup; no console errors; screenshots under test-results/.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { bodies, bodyUnits } from '../../src/db/schema/bodies.ts';
import { meetings, minutes } from '../../src/db/schema/meetings.ts';
import { addDays } from '../../src/domain/calendar/iso-date.ts';
import { assignDecidedItems } from '../../src/services/decisions/assign-decided-items.ts';
import { chromiumAvailable, harnessToday, startHarness, unlabelledFields } from './harness.ts';
import type { Harness, TrackedPage } from './harness.ts';
import { chooseOption, pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const OVERDUE_TEXT = '浏览器测试：逾期已久的督办事项';
const SOON_TEXT = '浏览器测试：即将到期的督办事项';

describe.skipIf(!available)('supervision and handover in Chromium', { timeout: 120_000 }, () => {
  let harness: Harness;
  let body: { id: string; name: string };
  let successor: { id: string; name: string };

  beforeAll(async () => {
    harness = await startHarness();
    const { db } = harness.server.database.handle;
    const today = harnessToday(harness);
    // An example body with member units, without a sunset date if one is (the handover dissolves
    // it), and another active body to succeed it
    const candidates = await db
      .select({ id: bodies.id, name: bodies.name, unitId: bodyUnits.unitId })
      .from(bodies)
      .innerJoin(bodyUnits, eq(bodyUnits.bodyId, bodies.id))
      .where(and(eq(bodies.status, 'active'), isNull(bodyUnits.validTo)))
      .orderBy(sql`${bodies.sunsetDate} NULLS FIRST`, asc(bodies.name), desc(bodyUnits.lead), asc(bodyUnits.validFrom));
    const chosen = candidates[0];
    if (chosen === undefined) throw new Error('no example body has member units');
    body = { id: chosen.id, name: chosen.name };
    const others = await db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(and(eq(bodies.status, 'active'), ne(bodies.id, body.id))).orderBy(asc(bodies.name));
    const other = others[0];
    if (other === undefined) throw new Error('no second example body');
    successor = other;
    const leadUnitId = chosen.unitId;
    const issuedOn = addDays(today, -45);
    const at = harness.clock.now();
    await db.transaction(async (tx) => {
      const meetingId = randomUUID();
      const minutesId = randomUUID();
      await tx.insert(meetings).values({ id: meetingId, bodyId: body.id, kind: 'plenary', kindName: '全体会议', title: '浏览器测试会议', startsAt: new Date(`${issuedOn}T09:00:00+08:00`), status: 'minutes_issued', createdAt: at, updatedAt: at });
      await tx.insert(minutes).values({ id: minutesId, meetingId, bodyId: body.id, status: 'issued', title: '浏览器测试会议纪要', proceedings: '会议研究了有关事项。', year: Number(issuedOn.slice(0, 4)), number: 90, issuedOn, issuedAt: at, createdAt: at, updatedAt: at });
      await assignDecidedItems(tx, {
        bodyId: body.id,
        meetingId,
        minutesId,
        issuedOn,
        items: [
          { text: OVERDUE_TEXT, leadUnitId, coUnitIds: [], deadline: { kind: 'date', date: addDays(today, -30) } },
          { text: SOON_TEXT, leadUnitId, coUnitIds: [], deadline: { kind: 'date', date: addDays(today, 1) } },
        ],
        origin: { actorId: null, requestId: null, clientAddress: 'browser-test', at },
      });
    });
  }, 180_000);

  const session = pageSession(() => harness);
  /** Signs in as the office staff. */
  const signedIn = (name: string): Promise<TrackedPage> => session.signedIn(name, harness.staff.username, harness.staff.password);

  it('shows each decided item’s rung, the dashboard by rung and the meeting-frequency line', async () => {
    const tracked = await signedIn('supervision-rungs');
    const { page } = tracked;
    // The workspace's office dashboard: items by rung, and the frequency line of the charter
    const card = page.locator('.lx-dashboard-card', { has: page.getByRole('link', { name: body.name, exact: true }) });
    await visible(card.getByTestId('escalation-counts'));
    await visible(card.getByRole('link', { name: '逾期报召集人 1' }));
    await visible(card.getByRole('link', { name: '临期提醒 1' }));
    await visible(card.getByTestId('frequency-lines').or(card.getByText('制度未规定会议频次')));
    // The decisions tab: the rung on each item
    await page.goto(`/bodies/${body.id}?tab=decisions`);
    const overdueRow = page.locator('tr', { has: page.getByText(OVERDUE_TEXT) });
    await visible(overdueRow.getByTestId('rung-tag').filter({ hasText: '逾期报召集人' }));
    const soonRow = page.locator('tr', { has: page.getByText(SOON_TEXT) });
    await visible(soonRow.getByTestId('rung-tag').filter({ hasText: '临期提醒' }));
    // The office sets its own ladder: the convener only after 40 working days overdue
    await page.getByRole('tab', { name: '通知设置' }).click();
    await visible(page.getByText('督办升级规则'));
    await page.getByLabel('逾期几个工作日后报召集人').fill('40');
    await page.getByRole('button', { name: '保存升级规则' }).click();
    await visible(page.getByText('升级规则已保存'));
    expect(await unlabelledFields(page)).toEqual([]);
    await page.getByRole('tab', { name: '议定事项' }).click();
    await visible(page.locator('tr', { has: page.getByText(OVERDUE_TEXT) }).getByTestId('rung-tag').filter({ hasText: '逾期升级至成员' }));
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('supervision-rungs');
  });

  it('hands every open item over in the dissolution dialog, then dissolves the body', async () => {
    const tracked = await signedIn('supervision-handover');
    const { page } = tracked;
    await page.goto(`/bodies/${body.id}`);
    await visible(page.getByRole('heading', { name: body.name, level: 1 }));
    await page.getByRole('button', { name: /撤\s*销/ }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText('待移交事项（2 项）'));
    await visible(dialog.getByTestId('handover-pending'));
    expect(await dialog.getByRole('button', { name: '确认撤销' }).isDisabled()).toBe(true);

    // The long-overdue item (raised to the member under the ladder set above): closed with a reason
    // (a reason is required first)
    const overdueItem = dialog.getByTestId('handover-item').filter({ hasText: OVERDUE_TEXT });
    await visible(overdueItem.getByTestId('rung-tag').filter({ hasText: '逾期升级至成员' }));
    await overdueItem.getByRole('button', { name: /办\s*理/ }).click();
    await visible(overdueItem.getByText('请填写移交或办结的理由'));
    await overdueItem.getByLabel('移交或办结理由').fill('机构撤销，该事项不再推进');
    await overdueItem.getByRole('button', { name: /办\s*理/ }).click();
    await visible(dialog.getByText('待移交事项（1 项）'));

    // The other: transferred to a successor body
    const soonItem = dialog.getByTestId('handover-item').filter({ hasText: SOON_TEXT });
    await soonItem.getByLabel('办理方式').click();
    await chooseOption(page, '移交后续机构');
    await soonItem.getByLabel('后续机构').click();
    await chooseOption(page, successor.name);
    await soonItem.getByLabel('移交或办结理由').fill('职责转入后续机构');
    await soonItem.getByRole('button', { name: /办\s*理/ }).click();
    await visible(dialog.getByText('没有待移交的督办事项'));
    await visible(dialog.getByText('已办理移交（2 项）'));
    await visible(dialog.getByTestId('handover-record').filter({ hasText: successor.name }));

    // Now the body can be dissolved
    await dialog.getByLabel('撤销依据或理由').fill('浏览器测试：工作任务已完成，予以撤销');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await visible(page.getByText('机构已撤销'));
    await visible(page.getByText('已撤销', { exact: true }));
    // The transferred item is the successor's now
    await page.goto(`/bodies/${successor.id}?tab=decisions`);
    await visible(page.locator('tr', { has: page.getByText(SOON_TEXT) }).getByTestId('rung-tag').filter({ hasText: '临期提醒' }));
    expect(await unlabelledFields(page)).toEqual([]);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('supervision-handover');
  });
});
