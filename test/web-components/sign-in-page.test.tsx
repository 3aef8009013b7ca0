/**
 * The sign-in form against the real server: required fields, a refused password shown with the
 * server's Chinese message, and a good password taking the user on (or to the forced password change).
 */
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInPage } from '../../web/src/auth/sign-in-page.tsx';
import { renderPage } from './render-page.tsx';
import { fixtures } from './api-server.ts';

function renderSignIn() {
  return renderPage(<SignInPage />, { at: '/sign-in', otherRoutes: ['/', '/change-password'] });
}

describe('sign-in page', () => {
  it('shows the shared auth header and asks for both fields before sending anything', async () => {
    const user = userEvent.setup();
    renderSignIn();
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeTruthy();
    expect(screen.getByText('议事协调机构运行系统')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入账号')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
  });

  it('shows the server refusal of a wrong password and stays on the form', async () => {
    const account = await fixtures.account();
    const user = userEvent.setup();
    renderSignIn();
    await user.type(await screen.findByLabelText('账号'), account.username);
    await user.type(screen.getByLabelText('密码'), `${account.password}x`);
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/用户名或密码错误/);
    expect(screen.queryByTestId('route')).toBeNull();
  });

  it('signs in with the right password and goes on', async () => {
    const ready = await fixtures.account();
    const user = userEvent.setup();
    renderSignIn();
    await user.type(await screen.findByLabelText('账号'), ready.username);
    await user.type(screen.getByLabelText('密码'), ready.password);
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect((await screen.findByTestId('route')).textContent).toBe('/');
  });

  it('takes an account whose password must change to the change-password page', async () => {
    const forced = await fixtures.account({ mustChangePassword: true });
    const user = userEvent.setup();
    renderSignIn();
    await user.type(await screen.findByLabelText('账号'), forced.username);
    await user.type(screen.getByLabelText('密码'), forced.password);
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect((await screen.findByTestId('route')).textContent).toBe('/change-password');
  });
});
