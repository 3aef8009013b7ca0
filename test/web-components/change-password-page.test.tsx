/**
 * The change-password form against the real server: the shared auth header, the forced-change
 * notice, the form's own check of the confirmation, the server's refusal of a wrong
 * current password, and a change that takes the user on.
 */
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChangePasswordPage } from '../../web/src/auth/change-password-page.tsx';
import { renderPage } from './render-page.tsx';
import { fixtures, signInAs } from './api-server.ts';

const NEW_PASSWORD = 'Neu-Passwort-42x';

async function fill(user: ReturnType<typeof userEvent.setup>, values: { current: string; next: string; confirm: string }) {
  await user.type(await screen.findByLabelText('当前密码'), values.current);
  await user.type(screen.getByLabelText('新密码'), values.next);
  await user.type(screen.getByLabelText('确认新密码'), values.confirm);
  await user.click(screen.getByRole('button', { name: /确认修改/ }));
}

function renderChangePassword() {
  return renderPage(<ChangePasswordPage />, { at: '/change-password', otherRoutes: ['/'] });
}

describe('change-password page', () => {
  it('tells a forced change, and checks the confirmation before sending', async () => {
    const account = await fixtures.account({ mustChangePassword: true });
    await signInAs(account);
    const user = userEvent.setup();
    renderChangePassword();
    expect(await screen.findByRole('heading', { level: 1, name: '修改密码' })).toBeTruthy();
    expect(screen.getByText('议事协调机构运行系统')).toBeTruthy();
    expect(screen.getByText('首次登录须修改初始密码后才能继续使用。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /取\s*消/ })).toBeNull();

    await fill(user, { current: account.password, next: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` });
    expect(await screen.findByText('两次输入的新密码不一致')).toBeTruthy();
    expect(screen.queryByTestId('route')).toBeNull();
  });

  it('shows the server refusal of a wrong current password, then changes with the right one', async () => {
    const account = await fixtures.account();
    await signInAs(account);
    const user = userEvent.setup();
    renderChangePassword();
    await fill(user, { current: `${account.password}x`, next: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(await screen.findByText('当前密码不正确')).toBeTruthy();
    expect(screen.queryByTestId('route')).toBeNull();

    await user.clear(screen.getByLabelText('当前密码'));
    await user.type(screen.getByLabelText('当前密码'), account.password);
    await user.click(screen.getByRole('button', { name: /确认修改/ }));
    expect((await screen.findByTestId('route')).textContent).toBe('/');
  });
});
