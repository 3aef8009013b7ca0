/**
 * `lianxi charter import FILE [FILE…] [--json] [--match]`: imports founding documents into charters,
 * and tells a change notice (调整 / 撤销) from a founding document.
 *
 * With --json: one charter JSON object per file, led by `"documentKind"` (founding | adjustment |
 * abolition | mixed) and, for a change notice, `"changeNotice"`: the bodies it changes and the delta of
 * each (an array for several files; a file that cannot be imported appears as
 * `{ "file": …, "error": { "code", "message" } }`). With --match each target of a change notice also
 * lists the existing bodies (configured database) its name may mean, with a confidence. Without
 * --json: a readable summary in Chinese. Exit code 0 when every file produced a charter (findings or not), 2 when a
 * file cannot be read or is not text, with a one-line reason per file on stderr.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { BODY_KIND_NAMES, BODY_LEVEL_NAMES } from '../../domain/charter/body-names.ts';
import type { Charter, FindingSeverity, ImportError } from '../../domain/charter/charter-types.ts';
import { importDocument } from '../../domain/charter/import-charter.ts';
import type { DocumentClassification } from '../../domain/charter/import-charter.ts';
import type { BodyMatch, ChangeNotice, DocumentKind } from '../../domain/charter/change-notice/change-notice-types.ts';
import { withDatabase } from './command-support.ts';
import { publishCharterFiles } from './charter-publish.ts';
import { decodeText } from './decode-text.ts';

const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
  founding: '成立文件',
  adjustment: '调整通知',
  abolition: '撤销通知',
  mixed: '调整和撤销通知',
};

/** A readable Chinese summary of a change notice: the bodies it changes and how. */
export function formatChangeNoticeSummary(file: string, notice: ChangeNotice): string {
  const out: string[] = [`文件：${file}`, `文件类型：${DOCUMENT_KIND_NAMES[notice.documentKind]}`, `标题：${notice.title || '（无标题）'}`];
  out.push(`文号：${notice.docNumber ?? '无'} · 日期：${notice.issueDate ?? '未识别'}`);
  for (const t of notice.targets) {
    const d = t.delta;
    out.push(`${t.action === 'abolish' ? '撤销' : '调整'}：${t.name}`);
    for (const r of d.roles) out.push(`  任${r.title}：${r.person ?? '（空缺）'}${r.position ? `（${r.position}）` : ''}`);
    for (const r of d.rolesReleased) out.push(`  不再担任：${r.person}`);
    if (d.unitsAdded.length > 0) out.push(`  增加成员单位：${d.unitsAdded.map((u) => u.name).join('、')}`);
    if (d.unitsRemoved.length > 0) out.push(`  减少成员单位：${d.unitsRemoved.map((u) => u.name).join('、')}`);
    for (const r of d.unitsRenamed) out.push(`  更名：${r.from} → ${r.to}`);
    if (d.officeHost) out.push(`  办公室改设在：${d.officeHost.name}`);
    if (d.renamedTo) out.push(`  机构更名为：${d.renamedTo.name}`);
    if (d.abolished) out.push(`  撤销生效：${d.abolished.effectiveDate ?? '未识别'}`);
  }
  for (const f of notice.findings) out.push(`  [${SEVERITY_NAMES[f.severity]}] ${f.code}：${f.message}`);
  return out.join('\n');
}

const SEVERITY_NAMES: Record<FindingSeverity, string> = { error: '错误', warning: '警告', info: '提示' };

/** A readable Chinese summary of a charter. */
export function formatCharterSummary(file: string, charter: Charter): string {
  const { body, foundingDocument: doc, flags, sunset } = charter;
  const out: string[] = [];
  out.push(`文件：${file}`);
  out.push(`机构：${body.name || '（未识别）'}（${BODY_KIND_NAMES[body.kind]}）`);
  const region = body.region ? `${body.region.name}${body.region.code ? `（${body.region.code}）` : ''}` : '未识别';
  out.push(`层级 / 地区：${body.level ? BODY_LEVEL_NAMES[body.level] : '未识别'} · ${region}`);
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

type FileOutcome = ({ file: string; charter: Charter } & DocumentClassification) | { file: string; error: ImportError };

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
  const result = importDocument(decoded.text);
  if (!result.ok) return { file, error: result.error };
  return { file, charter: result.charter, ...(result.changeNotice === null ? { documentKind: 'founding', changeNotice: null } : { documentKind: result.documentKind, changeNotice: result.changeNotice }) };
}

/** The JSON of one imported file: the document kind first, the change notice (if any), then the charter. */
function documentJson(o: { charter: Charter } & DocumentClassification, matches?: Map<string, BodyMatch[]>): Record<string, unknown> {
  const notice =
    o.changeNotice === null
      ? {}
      : { changeNotice: { ...o.changeNotice, targets: o.changeNotice.targets.map((t) => (matches ? { ...t, matches: matches.get(t.name) ?? [] } : t)) } };
  return { documentKind: o.documentKind, ...notice, ...o.charter };
}

/** Runs `charter import`; returns the exit code. `matches` are the existing bodies each change-notice target may mean (--match). */
export function runCharterImport(
  files: string[],
  options: { json?: boolean },
  write: (s: string) => void = (s) => process.stdout.write(s),
  outcomesIn?: FileOutcome[],
  matches?: Map<string, BodyMatch[]>,
): number {
  const outcomes = outcomesIn ?? files.map(importFile);
  let code = 0;
  for (const o of outcomes) {
    if ('error' in o) {
      console.error(`${o.file}：${o.error.message}（${o.error.code}）`);
      code = 2;
    }
  }
  if (options.json) {
    const items = outcomes.map((o) => ('charter' in o ? documentJson(o, matches) : { file: o.file, error: o.error }));
    if (outcomes.length === 1) {
      if ('charter' in (outcomes[0] as FileOutcome)) write(`${JSON.stringify(items[0], null, 2)}\n`);
    } else {
      write(`${JSON.stringify(items, null, 2)}\n`);
    }
  } else {
    const summaries = outcomes.filter((o): o is Exclude<FileOutcome, { error: ImportError }> => 'charter' in o);
    const text = summaries.map((o) => (o.changeNotice === null ? formatCharterSummary(o.file, o.charter) : formatChangeNoticeSummary(o.file, o.changeNotice)));
    write(`${text.join('\n\n')}${summaries.length > 0 ? '\n' : ''}`);
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
    .option('--match', '调整、撤销通知：与数据库中的现有机构按名称匹配 / match change-notice targets to existing bodies')
    .action(async (files: string[], options: { json?: boolean; publish?: boolean; match?: boolean }) => {
      if (options.publish) {
        process.exitCode = await publishCharterFiles(files, options);
        return;
      }
      const outcomes = files.map(importFile);
      const notices = outcomes.flatMap((o) => ('changeNotice' in o && o.changeNotice !== null ? [o.changeNotice] : []));
      const matches = options.match && notices.length > 0 ? await matchNoticeTargets(notices) : undefined;
      process.exitCode = runCharterImport(files, options, undefined, outcomes, matches);
    });
}

/** The existing bodies each change-notice target may mean, by target name (configured database). */
async function matchNoticeTargets(notices: ChangeNotice[]): Promise<Map<string, BodyMatch[]>> {
  // Loaded only for --match: importing a file needs no services.
  const { matchTargets } = await import('../../services/change-notices/change-notice-service.ts');
  return withDatabase(async ({ handle }) => {
    const out = new Map<string, BodyMatch[]>();
    for (const notice of notices) for (const t of await matchTargets(handle.db, notice)) out.set(t.name, t.matches);
    return out;
  });
}
