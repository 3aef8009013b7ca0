/**
 * The members tab for the office, against the real server (issue 15 point 2): a unit's vacant
 * liaison post offers 添加联络员; the dialog asks for the name under its field, records the liaison
 * directly (it fills a vacancy) and the holder shows in the unit's row, now with 更换.
 * A reader without the office's role is offered no button.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersTab } from '../../web/src/bodies/members-tab.tsx';
import { renderPage } from './render-page.tsx';
import { fixtures, signInAs } from './api-server.ts';

describe('members tab', () => {
  it('lets the office add a liaison where the post is vacant, and offers to change the holder', { timeout: 60_000 }, async () => {
    const body = await fixtures.decisionBody();
    const unit = body.units[0];
    if (unit === undefined) throw new Error('the synthetic body has units');
    await signInAs(body.office);
    const user = userEvent.setup({ delay: null });
    renderPage(<MembersTab bodyId={body.id} myRoles={[{ role: 'office_staff', unitId: null }]} myAccountId={body.office.id} />, {
      at: `/bodies/${body.id}`,
      route: '/bodies/:bodyId',
    });

    await user.click(await screen.findByLabelText(`${unit.name} 添加联络员`, {}, { timeout: 10_000 }));
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('.ant-modal') ?? Promise.reject(new Error('no dialog')));
    const save = () => within(dialog).getByText(/^登\s*记$/).closest('button') as HTMLButtonElement;
    expect(within(dialog).getByText(/此项变动由办公室直接登记/)).toBeTruthy();
    await user.click(save());
    expect(await within(dialog).findByText('请填写拟任人员姓名')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '组件测试联络员' } });
    await user.click(save());

    const cell = await screen.findByText('组件测试联络员', {}, { timeout: 10_000 });
    const row = cell.closest('tr') as HTMLElement;
    expect(within(row).getByText(unit.name)).toBeTruthy();
    expect(within(row).getByLabelText(`${unit.name} 联络员 更换`)).toBeTruthy();
  });

  it('offers no button to a reader without the office role', async () => {
    const body = await fixtures.decisionBody();
    await signInAs(body.office);
    renderPage(<MembersTab bodyId={body.id} myRoles={[]} myAccountId={body.office.id} />, { at: `/bodies/${body.id}`, route: '/bodies/:bodyId' });
    expect(await screen.findByText(body.units[0]?.name ?? '')).toBeTruthy();
    expect(screen.queryAllByText(/添加联络员|更换|结束任职/)).toEqual([]);
  });
});
