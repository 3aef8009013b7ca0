/**
 * 三员分立 (issue 17 point 1): an administrator account (system, security or audit administrator)
 * never holds or acquires a business role — no direct body grant, and no linked person who holds or
 * held a membership. Checked here with a clear error on every path that could join the two, and
 * again by database triggers (migration 0016) and the role resolver (policy/held-roles.ts).
 */
import type { DbOrTx } from '../../db/database.ts';
import type { AccountRow } from '../../repositories/account-repository.ts';
import { AppError } from '../../errors/app-error.ts';
import { countBodyGrantsOfAccount, listAccountsOfPerson } from '../../repositories/account-repository.ts';
import { listMembershipsOfPerson } from '../../repositories/membership-repository.ts';

type Duties = Pick<AccountRow, 'isSystemAdmin' | 'isSecurityAdmin' | 'isAuditAdmin'>;

/** Whether the account holds one of the three administrator duties. */
export function holdsAdministratorDuty(account: Duties): boolean {
  return account.isSystemAdmin || account.isSecurityAdmin || account.isAuditAdmin;
}

const refusal = (message: string, details: Record<string, unknown>, field?: string) =>
  new AppError('administrator_business_role', message, { ...(field === undefined ? {} : { field }), details });

/**
 * Throws unless an administrator account (as it would be after a change) holds no business role:
 * no direct body grant and no linked person with a membership. Accounts without a duty pass.
 */
export async function assertAdministratorWithoutBusinessRole(
  db: DbOrTx,
  options: { accountId: string | null; duties: Duties; personId: string | null },
): Promise<void> {
  if (!holdsAdministratorDuty(options.duties)) return;
  if (options.accountId !== null && (await countBodyGrantsOfAccount(db, options.accountId)) > 0) {
    throw refusal('管理员账号不能担任机构内的业务角色：请先撤销该账号在议事协调机构中的角色（三员分立）', { accountId: options.accountId }, 'role');
  }
  if (options.personId !== null && (await listMembershipsOfPerson(db, options.personId)).length > 0) {
    throw refusal('管理员账号不能关联担任（或曾担任）机构职务的人员（三员分立）', { personId: options.personId }, 'personId');
  }
}

/** Throws when a person is linked to an administrator account (a membership would make it a business role). */
export async function assertPersonNotAdministrator(db: DbOrTx, personId: string | null, field = 'personId'): Promise<void> {
  if (personId === null) return;
  const administrator = (await listAccountsOfPerson(db, personId)).find(holdsAdministratorDuty);
  if (administrator !== undefined) {
    throw refusal('该人员关联了管理员账号，不能担任机构职务（三员分立）', { personId }, field);
  }
}
