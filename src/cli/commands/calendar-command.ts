/**
 * `lianxi calendar …`: working-day answers and holiday-notice review from the command line.
 *
 *   calendar add-working-days 2026-09-28 7 [--region 450300] [--json]
 *   calendar working-days-between 2026-09-28 2026-10-13 [--region CODE] [--json]
 *   calendar load-notice FILE [--scope national|CODE] [--json]
 *   calendar show 2026 [--region CODE] [--json]
 *
 * Bad input exits with code 2 and a one-line reason. Loaded notices are not persisted yet (no
 * database service exists): `load-notice` parses and shows the days for review only.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type CalendarFinding,
  type DayAnswer,
  type WorkingDayCalendar,
  checkConsecutiveWorkingDays,
  coverageWarning,
  createWorkingDayCalendar,
  defaultCalendarData,
  parseHolidayNotice,
  todayInShanghai,
  toLoadedNotice,
  weekdayName,
} from '../../domain/calendar/index.ts';
import { findRegionsByName, getRegion } from '../../domain/region/regions.ts';

/** Bad command-line input: printed as one line, exit code 2. */
class CalendarInputError extends Error {}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`错误：${message.split('\n')[0]}`);
  process.exitCode = 2;
}

/** Runs an action, turning input errors (bad dates, regions, numbers, files) into exit code 2. */
function guarded<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      action(...args);
    } catch (error) {
      if (error instanceof RangeError || error instanceof CalendarInputError) fail(error);
      else throw error;
    }
  };
}

/** A region option: a six-digit code or a name (桂林, 桂林市, 广西). */
function resolveRegionOption(region: string | undefined): string | undefined {
  if (region === undefined || region === 'national') return undefined;
  if (/^\d{6}$/.test(region)) {
    if (!getRegion(region)) throw new CalendarInputError(`行政区划代码“${region}”无效`);
    return region;
  }
  const found = findRegionsByName(region);
  const first = found[0];
  if (!first) throw new CalendarInputError(`找不到名为“${region}”的行政区划，请用六位代码（如 450300）`);
  if (found.length > 1 && found[1]?.level === first.level) {
    throw new CalendarInputError(`“${region}”对应多个行政区划（${found.map((r) => `${r.code} ${r.name}`).join('、')}），请用六位代码`);
  }
  return first.code;
}

function parseInteger(text: string, what: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new CalendarInputError(`${what}“${text}”不是整数`);
  return Number(text);
}

function regionLabel(code: string | undefined): string {
  return code ? `${getRegion(code)?.name ?? code}（${code}）` : '全国';
}

function calendar(): WorkingDayCalendar {
  // Loaded notices will come from the database once it exists; until then the shipped data only.
  return createWorkingDayCalendar(defaultCalendarData());
}

function printProvisional(provisional: boolean, reasons: string[]): void {
  if (!provisional) return;
  console.log('暂定（provisional）：');
  for (const reason of reasons) console.log(`  - ${reason}`);
}

function printFindings(findings: CalendarFinding[]): void {
  for (const finding of findings) console.log(`${finding.severity === 'error' ? '错误' : '提醒'}：${finding.message}`);
}

const KIND_LABELS: Record<DayAnswer['kind'], string> = {
  workday: '工作日',
  weekend: '周末',
  holiday: '放假',
  make_up_working_day: '调休上班',
  regional_holiday: '地方放假',
  regional_make_up_working_day: '地方调休上班',
};

export function registerCalendarCommand(program: Command): void {
  const command = program.command('calendar').description('工作日日历 / working-day calendar (national and regional)');

  command
    .command('add-working-days')
    .description('起始日期之后第 N 个工作日 / the N-th working day after a date')
    .argument('<start>', '起始日期 YYYY-MM-DD')
    .argument('<n>', '工作日数（可为负数）')
    .option('--region <code>', '行政区划代码或名称（如 450300、桂林）')
    .option('--json', '输出 JSON')
    .action(guarded((start: string, n: string, options: { region?: string; json?: boolean }) => {
      const region = resolveRegionOption(options.region);
      const answer = calendar().addWorkingDays(start, parseInteger(n, '工作日数'), region);
      if (options.json) {
        console.log(JSON.stringify({ ...answer, region: region ?? 'national' }, null, 2));
        return;
      }
      console.log(`${answer.start} 起 ${answer.workingDays} 个工作日（${regionLabel(region)}）：${answer.result}（${weekdayName(answer.result)}）`);
      printProvisional(answer.provisional, answer.reasons);
    }));

  command
    .command('working-days-between')
    .description('两个日期之间的工作日数（不含起点，含终点）/ working days in (A, B]')
    .argument('<from>', '日期 A，YYYY-MM-DD')
    .argument('<to>', '日期 B，YYYY-MM-DD')
    .option('--region <code>', '行政区划代码或名称')
    .option('--json', '输出 JSON')
    .action(guarded((from: string, to: string, options: { region?: string; json?: boolean }) => {
      const region = resolveRegionOption(options.region);
      const answer = calendar().workingDaysBetween(from, to, region);
      if (options.json) {
        console.log(JSON.stringify({ ...answer, region: region ?? 'national' }, null, 2));
        return;
      }
      console.log(`${answer.from} 至 ${answer.to}（${regionLabel(region)}）：${answer.workingDays} 个工作日`);
      printProvisional(answer.provisional, answer.reasons);
    }));

  command
    .command('load-notice')
    .description('读取放假通知文本并列出读到的日期供审核（暂不保存）/ parse a holiday notice for review')
    .argument('<file>', '通知文本文件（UTF-8）')
    .option('--scope <scope>', '适用范围：national 或行政区划代码（默认按发文机关判断）')
    .option('--json', '输出 JSON')
    .action(guarded((file: string, options: { scope?: string; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new CalendarInputError(`无法读取文件“${file}”：${error instanceof Error ? error.message : String(error)}`);
      }
      const scope = options.scope === undefined || options.scope === 'national' ? options.scope : resolveRegionOption(options.scope);
      const parsed = parseHolidayNotice(text);
      const effectiveScope = scope ?? parsed.scope;
      let checks: CalendarFinding[] = [];
      if (parsed.ok && parsed.year !== null && effectiveScope) {
        const notice = toLoadedNotice(parsed, { loadedAt: new Date().toISOString(), scope: effectiveScope });
        const preview = createWorkingDayCalendar(defaultCalendarData([notice]));
        checks = checkConsecutiveWorkingDays(preview, parsed.year, effectiveScope === 'national' ? undefined : effectiveScope);
      }
      if (options.json) {
        console.log(JSON.stringify({ ...parsed, scope: effectiveScope, checks, applied: false }, null, 2));
      } else {
        console.log(`标题：${parsed.title ?? '（未读出）'}`);
        if (parsed.docNumber) console.log(`文号：${parsed.docNumber}`);
        console.log(`年份：${parsed.year ?? '（未读出）'}  适用范围：${effectiveScope === 'national' ? '全国' : effectiveScope ? regionLabel(effectiveScope) : '（未判断）'}`);
        for (const entry of parsed.entries) {
          console.log(`\n第${entry.line}行 ${entry.festival ?? ''}`);
          console.log(`  原文：${entry.source}`);
          if (entry.holidays.length > 0) console.log(`  放假：${entry.holidays.map((d) => `${d}（${weekdayName(d)}）`).join('、')}`);
          if (entry.makeUpWorkingDays.length > 0) console.log(`  上班：${entry.makeUpWorkingDays.map((d) => `${d}（${weekdayName(d)}）`).join('、')}`);
        }
        console.log(`\n合计：放假 ${parsed.holidays.length} 天，调休上班 ${parsed.makeUpWorkingDays.length} 天`);
        printFindings([...parsed.findings, ...checks]);
        console.log('尚未应用：数据库尚未接入，本命令只做审核预览。');
      }
      if (!parsed.ok) process.exitCode = 2;
    }));

  command
    .command('show')
    .description('列出一年的放假和调休上班日 / list a year’s holidays and make-up working days')
    .argument('<year>', '年份，如 2026')
    .option('--region <code>', '行政区划代码或名称')
    .option('--json', '输出 JSON')
    .action(guarded((yearText: string, options: { region?: string; json?: boolean }) => {
      const year = parseInteger(yearText, '年份');
      if (year < 1900 || year > 2200) throw new CalendarInputError(`年份“${yearText}”超出范围（1900–2200）`);
      const region = resolveRegionOption(options.region);
      const cal = calendar();
      const days = cal.specialDays(year, region);
      const covered = cal.isNationallyCovered(year);
      const nationalNotice = cal.data.national.years[String(year)]?.notice ?? null;
      const loaded = cal.noticeFor('national', year);
      const warning = coverageWarning(todayInShanghai(new Date()), cal);
      const checks = checkConsecutiveWorkingDays(cal, year, region);
      const reasons = [...new Set(days.flatMap((day) => day.reasons))];
      if (!covered) reasons.unshift(`全国${year}年节假日安排尚未载入，${year}年按周末计算`);
      if (options.json) {
        console.log(JSON.stringify({ year, region: region ?? 'national', covered, notice: loaded ? { title: loaded.sourceTitle, docNumber: loaded.docNumber ?? null } : nationalNotice, days, provisional: reasons.length > 0, reasons, checks, warning }, null, 2));
        return;
      }
      console.log(`${year}年工作日日历（${regionLabel(region)}）`);
      if (loaded) console.log(`依据：${loaded.sourceTitle}（已载入 ${loaded.loadedAt}）`);
      else if (nationalNotice) console.log(`依据：${nationalNotice.title}${nationalNotice.docNumber ? `（${nationalNotice.docNumber}）` : ''}，快照 ${cal.data.national.snapshotDate}（${cal.data.national.source}）`);
      for (const day of days) {
        console.log(`  ${day.date}（${weekdayName(day.date)}） ${KIND_LABELS[day.kind]}${day.festival ? ` ${day.festival}` : ''}${day.provisional ? '（暂定）' : ''}`);
      }
      printProvisional(reasons.length > 0, reasons);
      printFindings([...checks, ...(warning ? [warning] : [])]);
    }));
}
