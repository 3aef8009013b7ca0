/**
 * `lianxi charter import FILE [FILE…] [--json]`: imports founding documents into charters.
 *
 * With --json: one charter JSON object per file (an array for several files; a file that cannot be
 * imported appears as `{ "file": …, "error": { "code", "message" } }`). Without --json: a readable
 * summary in Chinese. Exit code 0 when every file produced a charter (findings or not), 2 when a
 * file cannot be read or is not text, with a one-line reason per file on stderr.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { BodyKind, BodyLevel, Charter, FindingSeverity, ImportError } from '../../domain/charter/charter-types.ts';
import { importCharter } from '../../domain/charter/import-charter.ts';
import { publishCharterFiles } from './charter-publish.ts';
import { decodeText } from './decode-text.ts';

const KIND_NAMES: Record<BodyKind, string> = {
  joint_meeting: '联席会议',
  task_force: '工作专班',
  coordination_group: '协调小组',
  leading_group: '领导小组',
  other: '其他议事协调机构',
};

const LEVEL_NAMES: Record<BodyLevel, string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  county: '县级',
};

const SEVERITY_NAMES: Record<FindingSeverity, string> = { error: '错误', warning: '警告', info: '提示' };

/** A readable Chinese summary of a charter. */
export function formatCharterSummary(file: string, charter: Charter): string {
  const { body, foundingDocument: doc, flags, sunset } = charter;
  const out: string[] = [];
  out.push(`文件：${file}`);
  out.push(`机构：${body.name || '（未识别）'}（${KIND_NAMES[body.kind]}）`);
  const region = body.region ? `${body.region.name}${body.region.code ? `（${body.region.code}）` : ''}` : '未识别';
  out.push(`层级 / 地区：${body.level ? LEVEL_NAMES[body.level] : '未识别'} · ${region}`);
  out.push(`成立文件：${doc.title || '（无标题）'}`);
  out.push(`文号：${doc.docNumber ?? '无'} · 发文机关：${doc.issuer ?? '未识别'} · 日期：${doc.issueDate ?? '未识别'}`);
  if (doc.addressees.length > 0) out.push(`主送：${doc.addressees.join('；')}`);
  out.push(`文本组成：${charter.documents.length} 份（${charter.documents.map((d) => d.title || '无标题').join('；')}）`);
  const stated = charter.memberUnitsStated === null ? '' : `（文件称 ${charter.memberUnitsStated} 个）`;
  out.push(
    `成员单位 ${charter.memberUnits.length} 个${stated} · 职务 ${charter.roles.length} 人次 · 分组 ${charter.groups.length} 个 · 职能 ${charter.functions.length} 项 · 规则 ${charter.rules.length} 条`,
  );
  if (charter.office?.hostUnit) out.push(`办公室：设在${charter.office.hostUnit}`);
  const flagNames = [
    flags.noSeal ? '不刻制印章' : null,
    flags.noFormalDocuments ? '不正式行文' : null,
    flags.notRegisteredBody ? '不纳入议事协调机构管理' : null,
  ].filter((f): f is string => f !== null);
  out.push(`标志：${flagNames.length > 0 ? flagNames.join('、') : '无'}`);
  out.push(`撤销：${sunset ? `${sunset.date ?? '未定日期'}（${sunset.text}）` : '未规定'}`);
  if (charter.findings.length === 0) {
    out.push('发现问题：无');
  } else {
    out.push(`发现问题（${charter.findings.length}）：`);
    for (const f of charter.findings) out.push(`  [${SEVERITY_NAMES[f.severity]}] ${f.code}：${f.message}`);
  }
  return out.join('\n');
}

type FileOutcome = { file: string; charter: Charter } | { file: string; error: ImportError };

function importFile(file: string): FileOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { file, error: { code: 'not_text', message: `无法读取文件（${reason}）` } };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { file, error: decoded.error };
  const result = importCharter(decoded.text);
  return result.ok ? { file, charter: result.charter } : { file, error: result.error };
}

/** Runs `charter import`; returns the exit code. */
export function runCharterImport(files: string[], options: { json?: boolean }, write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const outcomes = files.map(importFile);
  let code = 0;
  for (const o of outcomes) {
    if ('error' in o) {
      console.error(`${o.file}：${o.error.message}（${o.error.code}）`);
      code = 2;
    }
  }
  if (options.json) {
    const items = outcomes.map((o) => ('charter' in o ? o.charter : { file: o.file, error: o.error }));
    if (outcomes.length === 1) {
      if ('charter' in (outcomes[0] as FileOutcome)) write(`${JSON.stringify(items[0], null, 2)}\n`);
    } else {
      write(`${JSON.stringify(items, null, 2)}\n`);
    }
  } else {
    const summaries = outcomes.filter((o): o is { file: string; charter: Charter } => 'charter' in o);
    write(`${summaries.map((o) => formatCharterSummary(o.file, o.charter)).join('\n\n')}${summaries.length > 0 ? '\n' : ''}`);
  }
  return code;
}

export function registerCharterCommand(program: Command): void {
  const charter = program.command('charter').description('成立文件与章程 / founding documents and charters');
  charter
    .command('import')
    .description('导入成立文件，输出结构化章程 / import founding documents into charters')
    .argument('<files...>', '成立文件（UTF-8 文本）')
    .option('--json', '输出 JSON（多个文件时为数组）')
    .option('--publish', '发布为议事协调机构（已导入过的文本不重复发布）/ publish each as a body')
    .action(async (files: string[], options: { json?: boolean; publish?: boolean }) => {
      process.exitCode = options.publish ? await publishCharterFiles(files, options) : runCharterImport(files, options);
    });
}
