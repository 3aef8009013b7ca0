/**
 * Issue 15, "no screen may offer what the server will refuse": the meetings tab's 安排会议, the
 * circulars panel's 生成通报 and the decisions tab's 下载督办台账 follow the actions the server
 * lists on the body (GET /api/bodies/:id/actions), against the real server: the office is offered
 * all three; a viewer only the ledger; what the policy refuses is hidden, and only a refusal the
 * charter gives (with its clause) shows, disabled with its reason.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MeetingsTab } from '../../web/src/meetings/meetings-tab.tsx';
import { CircularsPanel } from '../../web/src/decisions/circulars-panel.tsx';
import { DecisionsTab } from '../../web/src/decisions/decisions-tab.tsx';
import { refusedByCharter } from '../../web/src/bodies/body-actions-api.ts';
import { renderPage } from './render-page.tsx';
import { fixtures, routedFetch, signInAs } from './api-server.ts';

function renderBodyTabs(bodyId: string) {
  renderPage(
    <>
      <MeetingsTab bodyId={bodyId} />
      <CircularsPanel bodyId={bodyId} openId={null} onOpen={() => undefined} />
      <DecisionsTab bodyId={bodyId} />
    </>,
    { at: `/bodies/${bodyId}`, route: '/bodies/:bodyId' },
  );
}

/** The 下载督办台账 link, once the body's actions have arrived. */
async function ledgerLink(): Promise<HTMLElement> {
  return waitFor(
    () => {
      const link = document.querySelector<HTMLElement>('[data-action="decision.download_ledger"]');
      if (link === null) throw new Error('no ledger link yet');
      return link;
    },
    { timeout: 15_000 },
  );
}

describe('body actions on the meetings, circulars and decisions screens', () => {
  it('offers the office a new meeting, a circular and the ledger, as the server lists them', { timeout: 60_000 }, async () => {
    const body = await fixtures.decisionBody();
    const lead = body.units[0];
    if (lead === undefined) throw new Error('the synthetic body has units');
    // An open decided item, so that a circular has something to report.
    await fixtures.issueDecisions({ bodyId: body.id, issuedOn: '2026-03-02', items: [{ text: '牵头制定实施方案', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2026-06-30' } }] });
    await signInAs(body.office);
    const listed = (await (await routedFetch(`http://app/api/bodies/${body.id}/actions`)).json()) as { actions: { action: string; allowed: boolean }[] };
    expect(listed.actions.filter((a) => ['meeting.create', 'circular.create', 'decision.download_ledger'].includes(a.action)).every((a) => a.allowed)).toBe(true);
    renderBodyTabs(body.id);

    const ledger = await ledgerLink();
    expect(ledger.getAttribute('href')).toContain(`/api/bodies/${body.id}/`);
    expect(document.querySelector('[data-action="meeting.create"]')?.textContent).toMatch(/安排会议/);
    const issue = document.querySelector<HTMLElement>('[data-action="circular.create"]');
    expect(issue?.textContent).toMatch(/生成通报/);

    // 生成通报 still asks first, then issues the circular and lists it.
    const user = userEvent.setup({ delay: null });
    await user.click(issue as HTMLElement);
    const confirm = await waitFor(() => document.querySelector<HTMLElement>('.ant-popconfirm') ?? Promise.reject(new Error('no confirmation')));
    await user.click(within(confirm).getByText(/^确\s*定$/).closest('button') as HTMLButtonElement);
    expect(await screen.findAllByTestId('circular-link', {}, { timeout: 15_000 })).toHaveLength(1);
  });

  it('offers a viewer only the ledger: what the policy refuses is not shown at all', { timeout: 60_000 }, async () => {
    const body = await fixtures.decisionBody();
    const viewer = await fixtures.account({ bodyGrants: [{ bodyId: body.id, role: 'viewer' }] });
    await signInAs(viewer);
    renderBodyTabs(body.id);

    await ledgerLink();
    expect(document.querySelector('[data-action="meeting.create"]')).toBeNull();
    expect(document.querySelector('[data-action="circular.create"]')).toBeNull();
    expect(screen.queryByText(/安排会议|生成通报/)).toBeNull();
  });

  it('shows a refused action only when the charter refuses it (its clause given)', () => {
    const actions = [
      { action: 'meeting.create', allowed: false, reason: '无权限：管理会议' },
      { action: 'circular.create', allowed: false, reason: '本机构不正式行文', clause: '联席会议不刻制印章，不正式行文。' },
      { action: 'decision.download_ledger', allowed: true },
    ];
    expect(refusedByCharter(actions, 'meeting.create')).toBe(false);
    expect(refusedByCharter(actions, 'circular.create')).toBe(true);
    expect(refusedByCharter(actions, 'decision.download_ledger')).toBe(false);
    expect(refusedByCharter(undefined, 'meeting.create')).toBe(false);
  });
});
