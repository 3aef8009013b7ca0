/** `lianxi audit verify`: checks the SM3 chain of the audit trail and reports the first broken link. */
import type { Command } from 'commander';
import { verifyAudit } from '../../services/audit-service.ts';
import { runAction, withDatabase } from './command-support.ts';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('审计记录 / audit trail');
  audit
    .command('verify')
    .description('校验审计链；完整时退出码 0，发现断链时 1')
    .option('--json', '输出 JSON')
    .action(
      runAction(async (options: { json?: boolean }) => {
        await withDatabase(async ({ handle }) => {
          const result = await verifyAudit(handle.db);
          if (options.json === true) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          } else if (result.ok) {
            process.stdout.write(`审计链完整：共 ${result.checked} 条记录，末条第 ${result.lastSeq} 条。\n`);
          } else {
            const link = result.firstBreak;
            process.stdout.write(
              `审计链断裂：${link?.message ?? ''}（第一处断链：第 ${link?.seq ?? '?'} 条，类型 ${link?.kind ?? '?'}；此前 ${result.checked} 条完好）\n`,
            );
          }
          if (!result.ok) process.exitCode = 1;
        });
      }),
    );
}
