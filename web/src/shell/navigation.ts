/**
 * The side menu by role. Only screens whose API exists are listed; what an account may do is the
 * server's policy (src/policy): the menu shows the entries that policy allows the account's roles
 * (accounts: security administrator; audit trail: audit administrator; settings and publishing a
 * body: system administrator — 三员分立).
 */
import type { MessageKey } from '../i18n/messages-zh.ts';

export type NavigationKey = 'workspace' | 'bodies' | 'calendar' | 'import' | 'accounts' | 'audit' | 'settings' | 'todo' | 'meetingsCalendar';

export interface NavigationEntry {
  key: NavigationKey;
  path: string;
  label: MessageKey;
}

/** Menu entries for an account holding `systemRoles`. */
export function navigationFor(systemRoles: readonly string[]): NavigationEntry[] {
  const entries: NavigationEntry[] = [
    { key: 'workspace', path: '/workspace', label: 'nav.workspace' },
    { key: 'bodies', path: '/bodies', label: 'nav.bodies' },
    { key: 'calendar', path: '/calendar', label: 'nav.calendar' },
  ];
  // Issue 15 point 4: the to-do centre (with its count) and the meetings' month calendar, for the
  // people who work in bodies (an administrator of the 三员 holds no body role)
  if (systemRoles.length === 0) entries.splice(1, 0, { key: 'todo', path: '/todo', label: 'nav.todo' }, { key: 'meetingsCalendar', path: '/meetings-calendar', label: 'nav.meetingsCalendar' });
  if (systemRoles.includes('system_admin')) entries.push({ key: 'import', path: '/import', label: 'nav.import' });
  if (systemRoles.includes('security_admin')) entries.push({ key: 'accounts', path: '/admin/accounts', label: 'nav.accounts' });
  if (systemRoles.includes('audit_admin')) entries.push({ key: 'audit', path: '/admin/audit', label: 'nav.audit' });
  if (systemRoles.includes('system_admin')) entries.push({ key: 'settings', path: '/admin/settings', label: 'nav.settings' });
  // The same page holds the security policy, the security administrator's (issue 17).
  else if (systemRoles.includes('security_admin')) entries.push({ key: 'settings', path: '/admin/settings', label: 'nav.securityPolicy' });
  return entries;
}
