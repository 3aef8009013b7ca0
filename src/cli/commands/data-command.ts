/** `lianxi data encrypt` and `lianxi data rotate-key --from-key KEY` (issue 17 point 8). */
import type { Command } from 'commander';
import { reencryptPersonalData } from '../../services/personal-data-service.ts';
import type { ReencryptionResult } from '../../services/personal-data-service.ts';
import { cliOrigin, runAction, withDatabase } from './command-support.ts';

function report(result: ReencryptionResult): void {
  process.stdout.write(
    `个人数据共 ${result.fields} 项、附件 ${result.attachments} 个，均已由密钥 ${result.keyId} 加密` +
      `（个人数据新加密 ${result.sealedFromPlain} 项、换用新密钥 ${result.rotated} 项；附件新加密 ${result.attachmentsSealedFromPlain} 个、换用新密钥 ${result.attachmentsRotated} 个）。\n`,
  );
}

export function registerDataCommand(program: Command): void {
  const data = program.command('data').description('个人数据（电子邮件地址）和附件内容的 SM4 存储加密');

  data
    .command('encrypt')
    .description('用当前密钥（LIANXI_DATA_KEY）加密尚未加密的个人数据和附件')
    .action(
      runAction(async () => {
        await withDatabase(async ({ handle }) => {
          report(await reencryptPersonalData(handle.db, { origin: cliOrigin('data-encrypt') }));
        });
      }),
    );

  data
    .command('rotate-key')
    .description('把由原密钥加密的个人数据和附件改用当前密钥（LIANXI_DATA_KEY）加密')
    .requiredOption('--from-key <key>', '原密钥（32 位十六进制数），可重复给出', (value: string, previous: string[] = []) => [...previous, value])
    .action(
      runAction(async (options: { fromKey: string[] }) => {
        await withDatabase(async ({ handle }) => {
          report(await reencryptPersonalData(handle.db, { fromKeys: options.fromKey, origin: cliOrigin('data-rotate-key') }));
        });
      }),
    );
}
