/**
 * The accounts list against the real server: the server-side search and the cursor pager shared
 * with the registry and the audit trail (web/src/common/cursor-pager.tsx).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AccountsPage } from '../../web/src/admin/accounts-page.tsx';
import { renderPage } from './render-page.tsx';
import { fixtures, signInAs } from './api-server.ts';

/** The table's body rows (Ant Design adds a hidden measure row, left out here). */
function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((row) => row.closest('tbody') !== null && !row.classList.contains('ant-table-measure-row'));
}

describe('accounts page', () => {
  it('pages a search result of 23 accounts 20 at a time, forwards and back', async () => {
    const tag = randomBytes(4).toString('hex');
    for (let i = 0; i < 23; i++) await fixtures.account({ username: `pager-${tag}-${String(i).padStart(2, '0')}`, displayName: `翻页${tag}` });
    await signInAs(await fixtures.account({ systemRoles: ['security_admin'] }));
    const user = userEvent.setup();
    renderPage(<AccountsPage />, { at: `/admin/accounts?search=pager-${tag}`, route: '/admin/accounts' });

    expect(await screen.findByText('共 23 个账号')).toBeTruthy();
    expect(screen.getByText('第 1 页')).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(20));
    expect(within(bodyRows()[0] as HTMLElement).getByText(`pager-${tag}-00`)).toBeTruthy();
    const previous = screen.getByRole('button', { name: /上一页/ }) as HTMLButtonElement;
    const next = screen.getByRole('button', { name: /下一页/ }) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    expect(next.disabled).toBe(false);

    await user.click(next);
    expect(await screen.findByText('第 2 页')).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(screen.getByText(`pager-${tag}-22`)).toBeTruthy();
    expect((screen.getByRole('button', { name: /下一页/ }) as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByRole('button', { name: /上一页/ }));
    expect(await screen.findByText('第 1 页')).toBeTruthy();
    await waitFor(() => expect(bodyRows()).toHaveLength(20));
    expect((screen.getByRole('button', { name: /上一页/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when the search finds nobody, on one page', async () => {
    await signInAs(await fixtures.account({ systemRoles: ['security_admin'] }));
    renderPage(<AccountsPage />, { at: `/admin/accounts?search=nobody-${randomBytes(4).toString('hex')}`, route: '/admin/accounts' });
    expect(await screen.findByText('共 0 个账号')).toBeTruthy();
    expect(screen.getByText('暂无账号')).toBeTruthy();
    expect((screen.getByRole('button', { name: /下一页/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /上一页/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
