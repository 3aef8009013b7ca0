/**
 * The side menu by role. Only screens whose API exists are listed; what an account may do is the
 * server's policy (src/policy): the menu shows the entries that policy allows the account's roles.
 */
import type { MessageKey } from '../i18n/messages-zh.ts';

export interface NavigationEntry {
  key: 'bodies' | 'import';
  path: string;
  label: MessageKey;
}

/** Menu entries for an account holding `systemRoles` (`body.create` is the system administrator's). */
export function navigationFor(systemRoles: readonly string[]): NavigationEntry[] {
  const entries: NavigationEntry[] = [{ key: 'bodies', path: '/bodies', label: 'nav.bodies' }];
  if (systemRoles.includes('system_admin')) entries.push({ key: 'import', path: '/import', label: 'nav.import' });
  return entries;
}
