/** `lianxi backup FILE` and `lianxi restore FILE` (.gz → gzip). */
import type { Command } from 'commander';
import { restoreBackupFile, writeBackupFile } from '../../services/backup-service.ts';
import { verifyAudit } from '../../services/audit-service.ts';
import { cliOrigin, runAction, withDatabase } from './command-support.ts';

export function registerBackupCommand(program: Command): void {
  program
    .command('backup <file>')
    .description('备份全部数据到文件（.gz 结尾则压缩）；PGlite 数据目录须先停止服务')
    .action(
      runAction(async (file: string) => {
        await withDatabase(async ({ handle }) => {
          const backup = await writeBackupFile(handle, { file, now: new Date() });
          const rows = backup.tables.reduce((sum, t) => sum + t.rowCount, 0);
          process.stdout.write(`已备份 ${backup.tables.length} 张表、${rows} 行到 ${file}\n`);
        });
      }),
    );

  program
    .command('restore <file>')
    .description('从备份文件恢复到空的数据目录或数据库，并校验审计链（签名或审计链不符时拒绝，除非 --force）')
    .option('--force <reason>', '签名或审计链校验失败时仍恢复，并写明理由（记入审计）')
    .action(
      runAction(async (file: string, options: { force?: string }) => {
        await withDatabase(
          async ({ handle }) => {
            const force = options.force === undefined ? undefined : { reason: options.force, origin: cliOrigin('restore') };
            const result = await restoreBackupFile(handle, { file, force });
            process.stdout.write(`已恢复 ${result.tables} 张表、${result.rows} 行。\n`);
            for (const problem of result.overridden) process.stdout.write(`已强制忽略：${problem}\n`);
            const verification = await verifyAudit(handle.db);
            if (verification.ok) {
              process.stdout.write(`审计链完整：共 ${verification.checked} 条记录。\n`);
            } else {
              process.stdout.write(`警告：恢复后的审计链断裂：${verification.firstBreak?.message ?? ''}\n`);
              process.exitCode = 1;
            }
          },
          { migrate: false },
        );
      }),
    );
}
