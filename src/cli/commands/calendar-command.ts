/**
 * `lianxi calendar …`: working-day answers and holiday-notice review from the command line.
 *
 *   calendar add-working-days 2026-09-28 7 [--region 450300] [--json]
 *   calendar working-days-between 2026-09-28 2026-10-13 [--region CODE] [--json]
 *   calendar load-notice FILE [--scope national|CODE] [--apply] [--json]
 *   calendar show 2026 [--region CODE] [--json]
 *
 * Bad input exits with code 2 and a one-line reason.
 *
 * Data: the answers include the holiday notices applied through the web page, the API or
 * `load-notice --apply` whenever a database is configured — DATABASE_URL is set, or the PGlite data
 * directory (LIANXI_DATA_DIR, default ./data) already holds a database. Without one (or with
 * `--offline`) the commands answer from the data shipped with Lianxi (national snapshot and
 * regional rules) and say so on stderr when a database was expected but could not be read (e.g.
 * the PGlite directory is in use by `lianxi serve`). `load-notice FILE` only previews (nothing is
 * stored); `--apply` applies the notice through the same audited service as the API, with the
 * console operator as the audit origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import { pgliteDirectory } from '../../db/client.ts';
import {
  type CalendarFinding,
  type DayAnswer,
  type WorkingDayCalendar,
  checkConsecutiveWorkingDays,
  coverageWarning,
  createWorkingDayCalendar,
  defaultCalendarData,
  parseHolidayNotice,
  toLoadedNotice,
  weekdayName,
} from '../../domain/calendar/index.ts';
import { findRegionsByName, getRegion } from '../../domain/region/regions.ts';
import { isAppError } from '../../errors/app-error.ts';
import { systemClock } from '../../config/clock.ts';
import { applyNotice, previewNotice } from '../../services/calendar/holiday-notices.ts';
import type { NoticePreview } from '../../services/calendar/holiday-notices.ts';
import { loadWorkingDayCalendar } from '../../services/calendar/region-calendar.ts';
import { cliOrigin, runAction, withDatabase } from './command-support.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

/** Bad command-line input: printed as one line, exit code 2. */
class CalendarInputError extends Error {}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`错误：${message.split('\n')[0]}`);
  process.exitCode = 2;
}

/**
 * Runs an action, turning input errors (bad dates, regions, numbers, files) into exit code 2;
 * refusals of the services (AppError) and configuration errors are reported by runAction.
 */
function guarded<A extends unknown[]>(action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return runAction(async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof RangeError || error instanceof CalendarInputError) fail(error);
      else throw error;
    }
  });
}

/** A region option: a six-digit code or a name (南宁, 南宁市, 广西). */
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

/** True when a database is configured: DATABASE_URL, or a PGlite database already in the data directory. */
function databaseConfigured(): boolean {
  const config = loadConfig();
  return config.databaseUrl !== undefined || existsSync(pgliteDirectory(config.dataDir));
}

interface CalendarSource {
  calendar: WorkingDayCalendar;
  /** `database`: shipped data plus the applied notices; `shipped`: the shipped data only. */
  dataSource: 'database' | 'shipped';
}

/** The calendar with the applied notices when a database is configured, else the shipped data. */
async function calendar(options: { offline?: boolean }): Promise<CalendarSource> {
  const shipped: CalendarSource = { calendar: createWorkingDayCalendar(defaultCalendarData()), dataSource: 'shipped' };
  if (options.offline === true || !databaseConfigured()) return shipped;
  try {
    const loaded = await withDatabase(async ({ handle }) => loadWorkingDayCalendar(handle.db), { migrate: false });
    return { calendar: loaded, dataSource: 'database' };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`提醒：未能读取数据库中已载入的节假日通知（${reason}），以下仅按随系统发布的数据计算。`);
    return shipped;
  }
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

/** Preview against the database's applied notices; null (with a note on stderr) when it cannot be read. */
async function previewWithDatabase(text: string, scope: string | undefined): Promise<NoticePreview | null> {
  try {
    return await withDatabase(async ({ handle }) => previewNotice(handle.db, { text, scope: scope ?? null, clock: systemClock }), { migrate: false });
  } catch (error) {
    if (isAppError(error)) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`提醒：未能读取数据库中已载入的节假日通知（${reason}），仅按随系统发布的数据核对。`);
    return null;
  }
}

/** Preview against the shipped data only (no database). */
function previewOffline(text: string, scope: string | undefined): NoticePreview {
  const parsed = parseHolidayNotice(text);
  const effectiveScope = scope ?? parsed.scope;
  let checks: CalendarFinding[] = [];
  if (parsed.ok && parsed.year !== null && effectiveScope) {
    const notice = toLoadedNotice(parsed, { loadedAt: new Date().toISOString(), scope: effectiveScope });
    const preview = createWorkingDayCalendar(defaultCalendarData([notice]));
    checks = checkConsecutiveWorkingDays(preview, parsed.year, effectiveScope === 'national' ? undefined : effectiveScope);
  }
  return {
    parsed,
    scope: effectiveScope,
    scopeName: effectiveScope === null ? null : effectiveScope === 'national' ? '全国' : (getRegion(effectiveScope)?.name ?? effectiveScope),
    checks,
    canApply: parsed.ok && parsed.year !== null && effectiveScope !== null,
    current: null,
    unchanged: false,
  };
}

export function registerCalendarCommand(program: Command): void {
  const command = program.command('calendar').description('工作日日历 / working-day calendar (national and regional)');

  command
    .command('add-working-days')
    .description('起始日期之后第 N 个工作日 / the N-th working day after a date')
    .argument('<start>', '起始日期 YYYY-MM-DD')
    .argument('<n>', '工作日数（可为负数）')
    .option('--region <code>', '行政区划代码或名称（如 450100、南宁）')
    .option('--offline', '不读数据库，只用随系统发布的数据')
    .option('--json', '输出 JSON')
    .action(guarded(async (start: string, n: string, options: { region?: string; offline?: boolean; json?: boolean }) => {
      const region = resolveRegionOption(options.region);
      const workingDays = parseInteger(n, '工作日数');
      const { calendar: cal, dataSource } = await calendar(options);
      const answer = cal.addWorkingDays(start, workingDays, region);
      if (options.json) {
        console.log(JSON.stringify({ ...answer, region: region ?? 'national', dataSource }, null, 2));
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
    .option('--offline', '不读数据库，只用随系统发布的数据')
    .option('--json', '输出 JSON')
    .action(guarded(async (from: string, to: string, options: { region?: string; offline?: boolean; json?: boolean }) => {
      const region = resolveRegionOption(options.region);
      const { calendar: cal, dataSource } = await calendar(options);
      const answer = cal.workingDaysBetween(from, to, region);
      if (options.json) {
        console.log(JSON.stringify({ ...answer, region: region ?? 'national', dataSource }, null, 2));
        return;
      }
      console.log(`${answer.from} 至 ${answer.to}（${regionLabel(region)}）：${answer.workingDays} 个工作日`);
      printProvisional(answer.provisional, answer.reasons);
    }));

  command
    .command('load-notice')
    .description('读取放假通知文本，列出读到的日期供审核；加 --apply 载入 / parse a holiday notice for review; --apply applies it')
    .argument('<file>', '通知文本文件（UTF-8）')
    .option('--scope <scope>', '适用范围：national 或行政区划代码（默认按发文机关判断）')
    .option('--apply', '审核无误后载入数据库（记入审计）')
    .option('--offline', '不读数据库，只用随系统发布的数据核对（不能与 --apply 同用）')
    .option('--json', '输出 JSON')
    .action(guarded(async (file: string, options: { scope?: string; apply?: boolean; offline?: boolean; json?: boolean }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      } catch (error) {
        throw new CalendarInputError(`无法读取文件“${file}”：${error instanceof Error ? error.message : String(error)}`);
      }
      if (options.apply === true && options.offline === true) throw new CalendarInputError('--apply 需要数据库，不能与 --offline 同用');
      const scope = options.scope === undefined || options.scope === 'national' ? options.scope : resolveRegionOption(options.scope);
      if (options.apply === true) {
        const result = await withDatabase(async ({ handle }) =>
          applyNotice(handle.db, { text, scope: scope ?? null, origin: cliOrigin('calendar-load-notice'), clock: systemClock }),
        );
        if (options.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        const { notice } = result;
        if (!result.changed) {
          console.log(`未改变：与现行的${notice.scopeName}${notice.year}年通知全文相同（编号 ${notice.id}，${notice.loadedAt} 载入）。`);
          return;
        }
        console.log(`已载入：${notice.title}（${notice.scopeName}，${notice.year}年；放假 ${notice.holidays.length} 天，调休上班 ${notice.makeUpWorkingDays.length} 天；编号 ${notice.id}）`);
        if (result.superseded) console.log(`取代了 ${result.superseded.loadedAt} 载入的通知（编号 ${result.superseded.id}），旧通知保留为历史记录。`);
        printFindings(result.checks);
        return;
      }
      const preview = options.offline !== true && databaseConfigured() ? await previewWithDatabase(text, scope) : null;
      const review = preview ?? previewOffline(text, scope);
      const { parsed } = review;
      if (options.json) {
        console.log(JSON.stringify({ ...review, dataSource: preview ? 'database' : 'shipped', applied: false }, null, 2));
      } else {
        console.log(`标题：${parsed.title ?? '（未读出）'}`);
        if (parsed.docNumber) console.log(`文号：${parsed.docNumber}`);
        console.log(`年份：${parsed.year ?? '（未读出）'}  适用范围：${review.scope === 'national' ? '全国' : review.scope ? regionLabel(review.scope) : '（未判断）'}`);
        for (const entry of parsed.entries) {
          console.log(`\n第${entry.line}行 ${entry.festival ?? ''}`);
          console.log(`  原文：${entry.source}`);
          if (entry.holidays.length > 0) console.log(`  放假：${entry.holidays.map((d) => `${d}（${weekdayName(d)}）`).join('、')}`);
          if (entry.makeUpWorkingDays.length > 0) console.log(`  上班：${entry.makeUpWorkingDays.map((d) => `${d}（${weekdayName(d)}）`).join('、')}`);
        }
        console.log(`\n合计：放假 ${parsed.holidays.length} 天，调休上班 ${parsed.makeUpWorkingDays.length} 天`);
        printFindings([...parsed.findings, ...review.checks]);
        if (review.unchanged) {
          console.log('与现行通知全文相同，载入不会改变任何内容。');
        } else {
          if (review.current) console.log(`载入后将取代 ${review.current.loadedAt} 载入的现行通知（编号 ${review.current.id}）。`);
          console.log(review.canApply ? '尚未载入：审核无误后加 --apply 载入。' : '不能载入：请先处理上面的错误。');
        }
      }
      if (!parsed.ok) process.exitCode = 2;
    }));

  command
    .command('show')
    .description('列出一年的放假和调休上班日 / list a year’s holidays and make-up working days')
    .argument('<year>', '年份，如 2026')
    .option('--region <code>', '行政区划代码或名称')
    .option('--offline', '不读数据库，只用随系统发布的数据')
    .option('--json', '输出 JSON')
    .action(guarded(async (yearText: string, options: { region?: string; offline?: boolean; json?: boolean }) => {
      const year = parseInteger(yearText, '年份');
      if (year < 1900 || year > 2200) throw new CalendarInputError(`年份“${yearText}”超出范围（1900–2200）`);
      const region = resolveRegionOption(options.region);
      const { calendar: cal, dataSource } = await calendar(options);
      const days = cal.specialDays(year, region);
      const covered = cal.isNationallyCovered(year);
      const nationalNotice = cal.data.national.years[String(year)]?.notice ?? null;
      const loaded = cal.noticeFor('national', year);
      const warning = coverageWarning(shanghaiDateOf(new Date()), cal);
      const checks = checkConsecutiveWorkingDays(cal, year, region);
      const reasons = [...new Set(days.flatMap((day) => day.reasons))];
      if (!covered) reasons.unshift(`全国${year}年节假日安排尚未载入，${year}年按周末计算`);
      if (options.json) {
        console.log(JSON.stringify({ year, region: region ?? 'national', dataSource, covered, notice: loaded ? { title: loaded.sourceTitle, docNumber: loaded.docNumber ?? null } : nationalNotice, days, provisional: reasons.length > 0, reasons, checks, warning }, null, 2));
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
