/**
 * Issue 15 against the real server: the security policy on the settings page (security
 * administrator) shows each limit's bounds and what 0 means, and asks before saving a looser value
 * (a higher concurrent-session limit) but not a stricter one; the second factor's choices are offered.
 * The system administrator's settings are not shown to the security administrator.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsPage } from '../../web/src/admin/settings-page.tsx';
import { renderPage } from './render-page.tsx';
import { fixtures, routedFetch, signInAs } from './api-server.ts';

interface Policy {
  sessions: { userLimit: number; adminLimit: number };
  secondFactor: string;
}

async function currentPolicy(): Promise<Policy> {
  return (await (await routedFetch('http://app/api/security-policy')).json()) as Policy;
}

/** The last open confirmation dialog (Ant Design keeps closed ones in the document for a while). */
async function confirmation(): Promise<HTMLElement> {
  return waitFor(() => {
    const dialogs = document.querySelectorAll<HTMLElement>('.ant-modal-confirm');
    const last = dialogs[dialogs.length - 1];
    if (last === undefined) throw new Error('no confirmation');
    return last;
  });
}

describe('security policy on the settings page', () => {
  it('shows the bounds and the second factor’s choices, asks before a looser session limit, not before a stricter one', { timeout: 60_000 }, async () => {
    await signInAs(await fixtures.account({ systemRoles: ['security_admin'] }));
    const before = await currentPolicy();
    const user = userEvent.setup();
    renderPage(<SettingsPage />, { at: '/admin/settings', route: '/admin/settings' });

    const userLimit = await screen.findByLabelText('普通账号同时在线会话数上限', {}, { timeout: 10_000 });
    expect(screen.getByText('允许范围：0–100；0 表示不限')).toBeTruthy();
    expect(screen.getByText('允许范围：1–100')).toBeTruthy();
    expect((userLimit as HTMLInputElement).value).toBe(String(before.sessions.userLimit));
    // Only the security administrator's section: the system settings are the system administrator's.
    expect(screen.queryByLabelText('空闲超时（分钟）')).toBeNull();

    // The second factor's choices, weakest first (which of them loosens: test/web/security-policy-fields.test.ts).
    await user.click(screen.getByLabelText('须使用动态口令（TOTP）的账号'));
    for (const label of ['不要求（仅限测试环境）', '管理员', '全部账号']) expect((await screen.findAllByTitle(label)).length).toBeGreaterThan(0);
    await user.keyboard('{Escape}');

    // A higher administrator session limit: asked, then saved.
    const adminLimit = screen.getByLabelText('管理员账号同时在线会话数上限');
    await user.clear(adminLimit);
    await user.type(adminLimit, String(before.sessions.adminLimit + 1));
    await user.click(screen.getByRole('button', { name: /保存安全策略/ }));
    const higher = await confirmation();
    expect(within(higher).getByText(`管理员账号同时在线会话数上限由 ${before.sessions.adminLimit} 改为 ${before.sessions.adminLimit + 1}`)).toBeTruthy();
    expect(within(higher).queryByText(/动态口令|密码规则/)).toBeNull();
    await user.click(within(higher).getByRole('button', { name: /确认保存/ }));
    expect(await screen.findByText('安全策略已保存。')).toBeTruthy();
    expect((await currentPolicy()).sessions.adminLimit).toBe(before.sessions.adminLimit + 1);

    // Back to the stricter limit: saved at once, no question.
    const dialogsBefore = document.querySelectorAll('.ant-modal-confirm').length;
    await user.clear(adminLimit);
    await user.type(adminLimit, String(before.sessions.adminLimit));
    await user.click(screen.getByRole('button', { name: /保存安全策略/ }));
    await waitFor(async () => expect((await currentPolicy()).sessions.adminLimit).toBe(before.sessions.adminLimit), { timeout: 10_000 });
    expect(document.querySelectorAll('.ant-modal-confirm:not(.ant-zoom-leave)').length).toBeLessThanOrEqual(dialogsBefore);
  });
});
