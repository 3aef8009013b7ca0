/**
 * Issue 15 points 3 and 6 against the real server: the settings page shows each field's bounds,
 * asks before saving a dangerous change and puts the server's refusal under the field; the
 * attendance panel's 全部出席 marks every unit not yet recorded, then only the exceptions change; the
 * change-password page shows a refused password under the new-password field.
 */
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SettingsPage } from '../../web/src/admin/settings-page.tsx';
import { AttendancePanel } from '../../web/src/meetings/attendance-panel.tsx';
import { getMeeting, type MeetingDetail } from '../../web/src/meetings/meetings-api.ts';
import { ChangePasswordPage } from '../../web/src/auth/change-password-page.tsx';
import { renderPage } from './render-page.tsx';
import { fixtures, signInAs } from './api-server.ts';

describe('forms that prevent mistakes', () => {
  it('settings: bounds beside each field, a confirmation before a short idle timeout', async () => {
    await signInAs(await fixtures.account({ systemRoles: ['system_admin'] }));
    const user = userEvent.setup();
    renderPage(<SettingsPage />, { at: '/admin/settings', route: '/admin/settings' });
    const idle = await screen.findByLabelText('空闲超时（分钟）');
    expect(screen.getByText('允许范围：5–1440')).toBeTruthy();
    const before = (idle as HTMLInputElement).value;

    await user.clear(idle);
    await user.type(idle, '10');
    await user.click(screen.getByRole('button', { name: /保存设置/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/空闲超时设为 10 分钟/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    expect(screen.queryByText('设置已保存。')).toBeNull();

    await user.click(screen.getByRole('button', { name: /保存设置/ }));
    const confirms = await screen.findAllByRole('button', { name: /确认保存/ });
    await user.click(confirms[confirms.length - 1] as HTMLElement);
    expect(await screen.findByText('设置已保存。')).toBeTruthy();

    // Back as it was (no confirmation: a longer idle timeout weakens nothing).
    await user.clear(idle);
    await user.type(idle, before);
    await user.click(screen.getByRole('button', { name: /保存设置/ }));
    await waitFor(() => expect(screen.getAllByText('设置已保存。').length).toBeGreaterThan(0));
  });

  it('attendance: 全部出席, then the exceptions', async () => {
    const body = await fixtures.decisionBody();
    const { meetingId } = await fixtures.issueDecisions({ bodyId: body.id, issuedOn: '2026-03-02', items: [] });
    await signInAs(body.office);
    const held = await getMeeting({ bodyId: body.id, meetingId });
    // The body's member units invited (the factory's meeting records decisions, not invitations).
    const invitee = (unit: { unitId: string; name: string }): MeetingDetail['invitees'][number] => ({
      id: unit.unitId, kind: 'member', roleKind: 'member', title: null, unitId: unit.unitId, unitName: unit.name, personId: null, personName: null,
      membershipId: null, name: null, approvalStatus: 'approved', approvalReason: null, approvedBy: null, approvedAt: null,
    });
    const meeting: MeetingDetail = { ...held, invitees: body.units.map(invitee), attendance: [] };
    const [first, second] = body.units;
    if (first === undefined || second === undefined) throw new Error('the fixture body has member units');
    const user = userEvent.setup();
    renderPage(<AttendancePanel meeting={meeting} roles={{ office: true, convener: false, deputy: false, unitIds: [], loaded: true }} onChanged={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: /全部出席/ }));
    // Every unit now reads 出席; the button has nothing left to do; one exception is chosen after.
    await waitFor(() => expect(screen.getAllByTitle('出席')).toHaveLength(body.units.length));
    expect((screen.getByRole('button', { name: /全部出席/ }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('combobox', { name: `${second.name} 出席情况` }));
    await user.click((await screen.findAllByTitle('请假')).at(-1) as HTMLElement);
    expect(await screen.findByLabelText(`${second.name} 请假事由`)).toBeTruthy();
    const rowOf = (name: string) => screen.getByText(name, { selector: 'td' }).closest('tr') as HTMLElement;
    expect(within(rowOf(first.name)).getByTitle('出席')).toBeTruthy();
    expect(within(rowOf(second.name)).queryByTitle('出席')).toBeNull();
  });

  it('change password: a refused new password is shown under its field', async () => {
    const account = await fixtures.account();
    await signInAs(account);
    const user = userEvent.setup();
    renderPage(<ChangePasswordPage />, { at: '/change-password', otherRoutes: ['/'] });
    await user.type(await screen.findByLabelText('当前密码'), account.password);
    await user.type(screen.getByLabelText('新密码'), 'Password123');
    await user.type(screen.getByLabelText('确认新密码'), 'Password123');
    await user.click(screen.getByRole('button', { name: /确认修改/ }));
    const message = await screen.findByText(/密码过于常见/);
    const item = message.closest('.ant-form-item');
    expect(item?.querySelector('input')?.id).toBe('newPassword');
    expect(screen.queryByRole('alert', { name: /字段/ })).toBeNull();
  });
});
