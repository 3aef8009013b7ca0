/**
 * `lianxi audit verify`: checks the SM3 chain of the audit trail and reports the first broken link.
 * `lianxi audit archive --before <date> --out <dir>`: moves audit rows older than the retention
 * period to a signed archive file. `lianxi audit verify-archive <file>`: checks such a file.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { AppError } from '../../errors/app-error.ts';
import { archiveAuditTrail, assertCutOffOutsideRetention, verifyAuditArchive } from '../../services/audit-archive-service.ts';
import { configureAuditTrail } from '../../services/audit-key.ts';
import { verifyAudit } from '../../services/audit-service.ts';
import { cliOrigin, runAction, withDatabase } from './command-support.ts';

/** `2025-06-01` (the start of that day in Asia/Shanghai) or an ISO date-time with its offset. */
function parseCutOff(text: string): Date {
  const trimmed = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00+08:00` : trimmed;
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso) ? new Date(iso) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) {
    throw new AppError('audit_archive_within_retention', `归档截止日期 ${text} 无效：请写成 2025-06-01 或带时区的 ISO 时间`, { field: 'before' });
  }
  return at;
}

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
    );  audit
    .command('archive')
    .description('把保留期（LIANXI_AUDIT_RETENTION_DAYS，至少 180 天）以前的审计记录移入签名的归档文件')
    .requiredOption('--before <date>', '归档此日期（含时区；只写日期时按北京时间零点）之前的记录')
    .requiredOption('--out <dir>', '归档文件写入的目录')
    .option('--json', '输出 JSON')
    .action(
      runAction(async (options: { before: string; out: string; json?: boolean }) => {
        const before = parseCutOff(options.before);
        const origin = cliOrigin('audit-archive');
        // Refused before the database is opened; the service checks again.
        assertCutOffOutsideRetention({ before, now: origin.at, retentionDays: loadConfig().auditRetentionDays });
        await withDatabase(async ({ handle }, config) => {
          const result = await archiveAuditTrail(handle.db, {
            before,
            outDir: options.out,
            retentionDays: config.auditRetentionDays,
            origin,
          });
          if (options.json === true) {
            process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          } else {
            const m = result.manifest;
            process.stdout.write(
              `已归档第 ${m.firstSeq} 至 ${m.lastSeq} 条审计记录（共 ${m.count} 条，检查点 ${m.checkpoint}，链头 ${m.lastHash}）到 ${result.file}\n`,
            );
          }
        });
      }),
    );

  audit
    .command('verify-archive <file>')
    .description('校验审计归档文件（清单签名与文件内的审计链）；完好时退出码 0，发现改动时 1')
    .option('--json', '输出 JSON')
    .action(
      runAction(async (file: string, options: { json?: boolean }) => {
        configureAuditTrail(loadConfig());
        const result = await verifyAuditArchive({ file });
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        } else if (result.ok && result.manifest !== null) {
          const m = result.manifest;
          process.stdout.write(`归档文件完好：第 ${m.firstSeq} 至 ${m.lastSeq} 条，共 ${result.checked} 条记录，签名有效。\n`);
        } else {
          process.stdout.write(`归档文件未通过校验：${result.problem ?? ''}（此前 ${result.checked} 条完好）\n`);
        }
        if (!result.ok) process.exitCode = 1;
      }),
    );
}
