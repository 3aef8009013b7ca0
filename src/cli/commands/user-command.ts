/** `lianxi user create|grant`: account administration from the console (same services as the API). */
import type { Command } from 'commander';
import { AppError } from '../../errors/app-error.ts';
import { systemClock } from '../../config/clock.ts';
import { GRANTABLE_BODY_ROLES, SYSTEM_ROLES } from '../../policy/roles.ts';
import type { GrantableBodyRole, SystemRole } from '../../policy/roles.ts';
import { grantRole } from '../../services/accounts/account-roles.ts';
import { getAccountByUsername } from '../../services/accounts/account-views.ts';
import { createAccount } from '../../services/accounts/create-account.ts';
import { cliOrigin, runAction, withDatabase } from './command-support.ts';

function parseSystemRole(value: string): SystemRole {
  if (!(SYSTEM_ROLES as readonly string[]).includes(value)) {
    throw new AppError('invalid_role', `系统角色须为 ${SYSTEM_ROLES.join(' / ')}`, { field: 'role' });
  }
  return value as SystemRole;
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('账号管理 / accounts');

  user
    .command('create <username>')
    .description('创建账号，打印一次性密码（首次登录须修改）')
    .requiredOption('-n, --name <displayName>', '姓名')
    .option('-r, --role <systemRole>', `系统角色：${SYSTEM_ROLES.join(' | ')}`)
    .option('--person <personId>', '关联的人员编号')
    .action(
      runAction(async (username: string, options: { name: string; role?: string; person?: string }) => {
        const roles = options.role === undefined ? [] : [parseSystemRole(options.role)];
        await withDatabase(async ({ handle }, config) => {
          const { account, oneTimePassword } = await createAccount(handle.db, {
            config,
            clock: systemClock,
            username,
            displayName: options.name,
            systemRoles: roles,
            personId: options.person ?? null,
            origin: cliOrigin('user-create'),
          });
          process.stdout.write(`已创建账号 ${account.username}（${account.displayName}）\n`);
          process.stdout.write(`一次性密码（只显示这一次，首次登录须修改）：${oneTimePassword ?? ''}\n`);
        });
      }),
    );

  user
    .command('grant <username>')
    .description('授予角色：系统角色，或 --body 指定机构内角色（office_staff / viewer）')
    .requiredOption('-r, --role <role>', `${SYSTEM_ROLES.join(' | ')} | ${GRANTABLE_BODY_ROLES.join(' | ')}`)
    .option('-b, --body <bodyId>', '议事协调机构编号（机构内角色）')
    .action(
      runAction(async (username: string, options: { role: string; body?: string }) => {
        await withDatabase(async ({ handle }) => {
          const account = await getAccountByUsername(handle.db, { username });
          if (options.body !== undefined) {
            if (!(GRANTABLE_BODY_ROLES as readonly string[]).includes(options.role)) {
              throw new AppError('invalid_role', `机构内可直接授予的角色为 ${GRANTABLE_BODY_ROLES.join(' / ')}`, {
                field: 'role',
              });
            }
            await grantRole(handle.db, {
              clock: systemClock,
              accountId: account.id,
              change: { kind: 'body', bodyId: options.body, role: options.role as GrantableBodyRole },
              origin: cliOrigin('user-grant'),
            });
          } else {
            await grantRole(handle.db, {
              clock: systemClock,
              accountId: account.id,
              change: { kind: 'system', role: parseSystemRole(options.role) },
              origin: cliOrigin('user-grant'),
            });
          }
          process.stdout.write(`已授予 ${account.username} 角色 ${options.role}${options.body === undefined ? '' : `（机构 ${options.body}）`}\n`);
        });
      }),
    );
}
