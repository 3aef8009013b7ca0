/** Calls of /api/accounts (security administrator), /api/audit (audit administrator), /api/settings (system administrator). */
import { api, unwrap } from '../api/client.ts';
import type { ApiQuery, ApiRequest } from '../api/types.ts';

type Result<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export type AccountListQuery = ApiQuery<'/api/accounts', 'get'>;
export type AccountPage = Result<typeof listAccounts>;
export type Account = AccountPage['items'][number];
export type SystemRole = Account['systemRoles'][number];
export type BodyGrantRole = Account['bodyGrants'][number]['role'];
export type CreateAccountRequest = ApiRequest<'/api/accounts', 'post'>;
export type AccountWithPassword = Result<typeof createAccount>;
export type RoleChange = ApiRequest<'/api/accounts/{id}/roles', 'post'>;
export type AuditQuery = ApiQuery<'/api/audit', 'get'>;
export type AuditPage = Result<typeof listAudit>;
export type AuditRecord = AuditPage['items'][number];
export type AuditVerification = Result<typeof verifyAudit>;
export type SecuritySettings = Result<typeof getSettings>;

export const SYSTEM_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly SystemRole[];
export const GRANTABLE_BODY_ROLES = ['office_staff', 'viewer'] as const satisfies readonly BodyGrantRole[];

export const listAccounts = (query: AccountListQuery) => unwrap(api.GET('/api/accounts', { params: { query } }));

export const getAccount = (id: string) => unwrap(api.GET('/api/accounts/{id}', { params: { path: { id } } }));

export const createAccount = (body: CreateAccountRequest) => unwrap(api.POST('/api/accounts', { body }));

export const grantRole = (id: string, body: RoleChange) => unwrap(api.POST('/api/accounts/{id}/roles', { params: { path: { id } }, body }));

export const revokeRole = (id: string, body: RoleChange) =>
  unwrap(api.POST('/api/accounts/{id}/roles/revoke', { params: { path: { id } }, body }));

export const unlockAccount = (id: string) => unwrap(api.POST('/api/accounts/{id}/unlock', { params: { path: { id } } }));

export const disableAccount = (id: string) => unwrap(api.POST('/api/accounts/{id}/disable', { params: { path: { id } } }));

export const enableAccount = (id: string) => unwrap(api.POST('/api/accounts/{id}/enable', { params: { path: { id } } }));

export const resetPassword = (id: string) => unwrap(api.POST('/api/accounts/{id}/reset-password', { params: { path: { id } } }));

/** Clears another account's second factor (issue 17): it sets up a new one at its next sign-in. */
export const resetSecondFactor = (id: string) => unwrap(api.POST('/api/accounts/{id}/second-factor/reset', { params: { path: { id } } }));

export const listAudit = (query: AuditQuery) => unwrap(api.GET('/api/audit', { params: { query } }));

export const verifyAudit = () => unwrap(api.GET('/api/audit/verify'));

export const getSettings = () => unwrap(api.GET('/api/settings'));

export const updateSettings = (body: ApiRequest<'/api/settings', 'put'>) => unwrap(api.PUT('/api/settings', { body }));

export type SecurityAlertList = Result<typeof listSecurityAlerts>;
export type SecurityAlert = SecurityAlertList['items'][number];

export const listSecurityAlerts = (open: boolean) =>
  unwrap(api.GET('/api/security-alerts', { params: { query: { limit: 50, open: open ? 'true' : 'false' } } }));

export const acknowledgeSecurityAlert = (id: string) =>
  unwrap(api.POST('/api/security-alerts/{id}/acknowledge', { params: { path: { id } } }));

export type AccountPerson = NonNullable<Account['person']>;
export type PersonCandidate = Result<typeof searchPeople>['items'][number];

/** People to link an account to: by a person's name or a unit's name (security administrator). */
export const searchPeople = (search: string) =>
  unwrap(api.GET('/api/people', { params: { query: { limit: 20, ...(search.trim() === '' ? {} : { search: search.trim() }) } } }));

/** A person created for an account before any body names them. */
export const createPerson = (name: string) => unwrap(api.POST('/api/people', { body: { name } }));

/** Links the account to a person (null: unlinks it). The server refuses an administrator account. */
export const linkPerson = (id: string, personId: string | null) =>
  unwrap(api.PUT('/api/accounts/{id}/person', { params: { path: { id } }, body: { personId } }));

/** The address of the accounts export (XLSX or CSV) of what the list's filter shows. */
export function accountsExportUrl(search: string, format: 'xlsx' | 'csv'): string {
  const query = new URLSearchParams();
  if (search.trim() !== '') query.set('search', search.trim());
  query.set('format', format);
  return `/api/accounts/export?${query.toString()}`;
}
