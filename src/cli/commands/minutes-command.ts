/** `lianxi minutes render --body ID --minutes ID --out FILE`: minutes as DOCX (GB/T 9704 纪要) or PDF. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemClock } from '../../config/clock.ts';
import { renderMinutesDocument } from '../../services/document-service.ts';
import type { DocumentFormat } from '../../services/document-service.ts';
import { runAction, withDatabase } from './command-support.ts';

export function registerMinutesCommand(program: Command): void {
  const minutes = program.command('minutes').description('会议纪要 / minutes');
  minutes
    .command('render')
    .description('将会议纪要排版为 GB/T 9704 纪要格式的 DOCX（文件名以 .pdf 结尾时经 LibreOffice 转为 PDF）')
    .requiredOption('--body <id>', '议事协调机构编号')
    .requiredOption('--minutes <id>', '会议纪要编号')
    .requiredOption('--out <file>', '输出文件（.docx 或 .pdf）')
    .action(
      runAction(async (options: { body: string; minutes: string; out: string }) => {
        const format: DocumentFormat = options.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx';
        await withDatabase(async ({ handle }) => {
          const file = await renderMinutesDocument(handle.db, { bodyId: options.body, minutesId: options.minutes, clock: systemClock, format });
          await writeFile(options.out, file.bytes);
          process.stdout.write(`已生成 ${options.out}（${file.fileName}，${file.bytes.length} 字节）\n`);
        });
      }),
    );
}
