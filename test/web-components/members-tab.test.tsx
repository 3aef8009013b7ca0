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
import { fixtures, routedFetch, signInAs } from './api-server.ts';

/** The table row that shows `text` (the dialog's field may show the same name while it closes). */
async function rowWith(text: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const row = screen.queryAllByText(text).map((element) => element.closest('tr')).find((found) => found !== null);
      if (row === undefined || row === null) throw new Error(`no row shows ${text}`);
      return row;
    },
    { timeout: 10_000 },
  );
}

/** As the body's office: opens the members tab and the add-liaison dialog of the unit `unitName`. */
async function openAddLiaison(body: Awaited<ReturnType<typeof fixtures.decisionBody>>, unitName: string) {
  await signInAs(body.office);
  const user = userEvent.setup({ delay: null });
  renderPage(<MembersTab bodyId={body.id} myRoles={[{ role: 'office_staff', unitId: null }]} myAccountId={body.office.id} />, {
    at: `/bodies/${body.id}`,
    route: '/bodies/:bodyId',
  });
  await user.click(await screen.findByLabelText(`${unitName} 添加联络员`, {}, { timeout: 10_000 }));
  const dialog = await waitFor(() => document.querySelector<HTMLElement>('.ant-modal') ?? Promise.reject(new Error('no dialog')));
  return { user, dialog };
}

describe('members tab', () => {
  it('lets the office add a liaison where the post is vacant, and offers to change the holder', { timeout: 60_000 }, async () => {
    const body = await fixtures.decisionBody();
    const unit = body.units[0];
    if (unit === undefined) throw new Error('the synthetic body has units');
    const { user, dialog } = await openAddLiaison(body, unit.name);
    const save = () => within(dialog).getByText(/^登\s*记$/).closest('button') as HTMLButtonElement;
    expect(within(dialog).getByText(/此项变动由办公室直接登记/)).toBeTruthy();
    await user.click(save());
    expect(await within(dialog).findByText('请填写拟任人员姓名')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '组件测试联络员' } });
    await user.click(save());

    const row = await rowWith('组件测试联络员');
    expect(within(row).getByText(unit.name)).toBeTruthy();
    expect(within(row).getByLabelText(`${unit.name} 联络员 更换`)).toBeTruthy();
  });

  it('lets the office pick a person who already exists (created for an account) instead of creating a second one', { timeout: 60_000 }, async () => {
    const body = await fixtures.decisionBody();
    const unit = body.units[1];
    if (unit === undefined) throw new Error('the synthetic body has units');
    // The security administrator created the person for an account; the office has never seen them.
    const name = `组件已有人员${Math.random().toString(36).slice(2, 7)}`;
    await signInAs(await fixtures.account({ systemRoles: ['security_admin'] }));
    const created = await routedFetch('http://app/api/people', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
    expect(created.status).toBe(201);
    const person = (await created.json()) as { id: string };
    await fixtures.account({ personId: person.id });

    const { user, dialog } = await openAddLiaison(body, unit.name);
    const field = within(dialog).getByLabelText('姓名');
    await user.type(field, name.slice(0, 8));
    // The existing person is offered with their account; picking them names them, not a new person.
    const option = await waitFor(() => document.querySelector<HTMLElement>(`[data-person-choice="${person.id}"]`) ?? Promise.reject(new Error('no choice')), { timeout: 10_000 });
    expect(option.textContent).toContain('已有账号');
    await user.click(option);
    expect((await within(dialog).findByTestId('person-picked')).textContent).toContain(name);
    await user.click(within(dialog).getByText(/^登\s*记$/).closest('button') as HTMLButtonElement);
    expect(within(await rowWith(name)).getByText(unit.name)).toBeTruthy();

    const memberships = (await (await routedFetch(`http://app/api/bodies/${body.id}/memberships?unitId=${unit.unitId}`)).json()) as { items: { roleKind: string; personId: string | null; validTo: string | null }[] };
    expect(memberships.items.filter((m) => m.roleKind === 'liaison' && m.validTo === null).map((m) => m.personId)).toEqual([person.id]);
  });

  it('says that a typed name makes a new person, and warns when persons of that name exist', { timeout: 60_000 }, async () => {
    const body = await fixtures.decisionBody();
    const unit = body.units[2] ?? body.units[0];
    if (unit === undefined) throw new Error('the synthetic body has units');
    const name = `组件同名${Math.random().toString(36).slice(2, 7)}`;
    await signInAs(await fixtures.account({ systemRoles: ['security_admin'] }));
    expect((await routedFetch('http://app/api/people', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) })).status).toBe(201);
    const { dialog } = await openAddLiaison(body, unit.name);
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: `${name}新` } });
    expect((await within(dialog).findByTestId('person-new', {}, { timeout: 5_000 })).textContent).toContain(`${name}新`);
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: name } });
    expect((await within(dialog).findByTestId('person-same-name', {}, { timeout: 5_000 })).textContent).toContain('1 位同名人员');
  });

  it('offers no button to a reader without the office role', async () => {
    const body = await fixtures.decisionBody();
    await signInAs(body.office);
    renderPage(<MembersTab bodyId={body.id} myRoles={[]} myAccountId={body.office.id} />, { at: `/bodies/${body.id}`, route: '/bodies/:bodyId' });
    expect(await screen.findByText(body.units[0]?.name ?? '')).toBeTruthy();
    expect(screen.queryAllByText(/添加联络员|更换|结束任职/)).toEqual([]);
  });
});
