/**
 * A body's decided items (督办事项) as a table, against the real server: the items of issued
 * minutes with their lead unit and deadline, and the unit filter kept in the address.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DecisionsTab } from '../../web/src/decisions/decisions-tab.tsx';
import { renderPage } from './render-page.tsx';
import { fixtures, signInAs } from './api-server.ts';

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.closest('tbody') !== null && !row.classList.contains('ant-table-measure-row'));
}

async function bodyWithTwoItems() {
  const body = await fixtures.decisionBody();
  const [lead, other] = body.units;
  if (lead === undefined || other === undefined) throw new Error('the synthetic body has at least two units');
  await fixtures.issueDecisions({
    bodyId: body.id,
    issuedOn: '2026-03-02',
    items: [
      { text: '牵头制定实施方案', leadUnitId: lead.unitId, coUnitIds: [other.unitId], deadline: { kind: 'date', date: '2026-06-30' } },
      { text: '汇总各单位进展情况', leadUnitId: other.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2026-09-30' } },
    ],
  });
  return { body, lead, other };
}

describe('decisions tab', () => {
  it('lists the decided items with their lead unit and deadline', async () => {
    const { body, lead, other } = await bodyWithTwoItems();
    await signInAs(body.office);
    renderPage(<DecisionsTab bodyId={body.id} />, { at: `/bodies/${body.id}`, route: '/bodies/:bodyId' });

    const first = await screen.findByText('牵头制定实施方案');
    const row = first.closest('tr') as HTMLElement;
    expect(within(row).getByText(lead.name)).toBeTruthy();
    expect(within(row).getByText('2026-06-30')).toBeTruthy();
    const second = (await screen.findByText('汇总各单位进展情况')).closest('tr') as HTMLElement;
    expect(within(second).getByText(other.name)).toBeTruthy();
    expect(within(second).getByText('2026-09-30')).toBeTruthy();
    expect(bodyRows()).toHaveLength(2);
  });

  it('shows only the items of the unit the address filters by', async () => {
    const { body, lead } = await bodyWithTwoItems();
    await signInAs(body.office);
    renderPage(<DecisionsTab bodyId={body.id} />, { at: `/bodies/${body.id}?unit=${lead.unitId}`, route: '/bodies/:bodyId' });

    expect(await screen.findByText('牵头制定实施方案')).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.queryByText('汇总各单位进展情况')).toBeNull();
  });

  it('shows the total and sorts on the server by a column header', async () => {
    const { body } = await bodyWithTwoItems();
    await signInAs(body.office);
    renderPage(<DecisionsTab bodyId={body.id} />, { at: `/bodies/${body.id}`, route: '/bodies/:bodyId' });

    expect(await screen.findByTestId('decisions-total')).toHaveProperty('textContent', '共 2 项');
    const texts = () => bodyRows().map((row) => within(row).getByTestId('decision-link').textContent);
    await waitFor(() => expect(texts()).toEqual(['牵头制定实施方案', '汇总各单位进展情况']));
    const deadline = screen.getByRole('columnheader', { name: '办理时限' });
    fireEvent.click(deadline);
    fireEvent.click(deadline);
    await waitFor(() => expect(texts()).toEqual(['汇总各单位进展情况', '牵头制定实施方案']));
  });
});
