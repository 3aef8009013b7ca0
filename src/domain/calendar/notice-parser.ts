/**
 * Reads a holiday notice as an administrator pastes it: 国务院办公厅关于YYYY年部分节假日安排的通知, or a
 * region's notice of the same shape, as published or as reposted (full-width or ASCII punctuation,
 * Traditional characters, `(周四)` / `（星期四）`, ranges across months and years).
 *
 * Pure: returns the days it read, per entry with the line they came from, and findings for review.
 * It never throws; garbage in gives errors in `findings`.
 */
import * as OpenCC from 'opencc-js';
import { findRegionMentions } from '../region/regions.ts';
import type { CalendarFinding, LoadedNotice, NoticeScope } from './calendar-types.ts';
import { type IsoDate, datesBetween, makeIsoDate, toDayNumber, weekdayOf, yearOf } from './iso-date.ts';

export interface NoticeFinding extends CalendarFinding {
  /** 1-based line of the pasted text the finding is about, when there is one. */
  line?: number;
}

/** One numbered item of the notice (一、元旦：…), with the days read from it. */
export interface NoticeEntry {
  /** Festival as the notice names it (元旦, 国庆节、中秋节); null where the item names none. */
  festival: string | null;
  holidays: IsoDate[];
  makeUpWorkingDays: IsoDate[];
  /** 1-based line number in the pasted text. */
  line: number;
  /** The line as read (converted to Simplified characters). */
  source: string;
}

export interface ParsedHolidayNotice {
  /** True when there are no error findings and the notice can be applied. */
  ok: boolean;
  year: number | null;
  /** `national`, a region code guessed from the issuer, or null when it cannot be told. */
  scope: NoticeScope | null;
  scopeName: string | null;
  title: string | null;
  docNumber: string | null;
  holidays: IsoDate[];
  makeUpWorkingDays: IsoDate[];
  /** Festival per date. */
  festivals: Record<IsoDate, string>;
  entries: NoticeEntry[];
  findings: NoticeFinding[];
}

/** Longest text accepted (a notice is a page; this is far beyond it). */
const MAX_NOTICE_LENGTH = 100_000;

let toSimplified: ((text: string) => string) | null = null;

/** Traditional (Hong Kong and Taiwan variants) to Simplified. Simplified text passes through. */
function simplify(text: string): string {
  if (!toSimplified) {
    const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const fromTaiwan = OpenCC.Converter({ from: 'twp', to: 'cn' });
    toSimplified = (input) => fromTaiwan(fromHongKong(input));
  }
  return toSimplified(text);
}

/** Full-width ASCII forms to ASCII, ideographic space to space; 〔〕 and 、。 stay. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[【［]/g, '[')
    .replace(/[】］]/g, ']');
}

const WEEKDAY_CHARS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const ENTRY_LINE = /^\s*(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d{1,2}[、.](?!\d))\s*(.*)$/;
const DATE_TOKEN = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g;
const RANGE_SEPARATOR = /^(?:至|到|-|~|—|–|－|～)$/;
const HOLIDAY_WORD = /放假|休假|休息|补休|调休|连休/;
const WORK_WORD = /上班|工作日/;

interface DateToken {
  date: IsoDate | null;
  raw: string;
  annotation: string | null;
  start: number;
  end: number;
  month: number;
  day: number;
  year: number;
}

/** Splits on the separators outside parentheses. */
function splitOutsideParentheses(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(ch)) {
      if (current.trim() !== '') parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

function pushUnique(list: IsoDate[], dates: IsoDate[]): void {
  for (const date of dates) if (!list.includes(date)) list.push(date);
}

/** Parses the pasted text of a holiday notice. Never throws. */
export function parseHolidayNotice(text: string): ParsedHolidayNotice {
  const result: ParsedHolidayNotice = {
    ok: false,
    year: null,
    scope: null,
    scopeName: null,
    title: null,
    docNumber: null,
    holidays: [],
    makeUpWorkingDays: [],
    festivals: {},
    entries: [],
    findings: [],
  };
  const findings = result.findings;
  try {
    if (typeof text !== 'string' || text.trim() === '') {
      findings.push({ severity: 'error', code: 'empty', message: '通知内容为空' });
      return result;
    }
    if (text.length > MAX_NOTICE_LENGTH) {
      findings.push({ severity: 'error', code: 'too_long', message: `通知内容过长（${text.length} 字符，上限 ${MAX_NOTICE_LENGTH}），请只粘贴通知正文` });
      return result;
    }
    readNotice(text, result);
  } catch (error) {
    findings.push({ severity: 'error', code: 'unreadable', message: `无法读取通知：${error instanceof Error ? error.message : String(error)}` });
  }
  result.holidays.sort();
  result.makeUpWorkingDays.sort();
  result.ok = !findings.some((finding) => finding.severity === 'error');
  return result;
}

function readNotice(text: string, result: ParsedHolidayNotice): void {
  const findings = result.findings;
  const lines = toHalfWidth(simplify(text.replace(/^\uFEFF/, '')))
    .split(/\r\n|\r|\n/)
    // Spaces between characters, digits and brackets are noise in reposts.
    .map((line) => line.replace(/[ \t]+/g, ''));

  // Title and year.
  const titleIndex = lines.findIndex((line) => /关于.*\d{4}年.*(?:节假日|放假|假日|假期).*(?:通知|安排)/.test(line));
  if (titleIndex >= 0) {
    result.title = (lines[titleIndex] ?? '').trim();
    const yearMatch = /关于(?:[^\d]*?)(\d{4})年/.exec(result.title) ?? /(\d{4})年/.exec(result.title);
    if (yearMatch) result.year = Number(yearMatch[1]);
  }
  if (result.year === null) {
    findings.push({ severity: 'error', code: 'no_year', message: '未能读出通知的年份：应有“关于YYYY年部分节假日安排的通知”这样的标题' });
    return;
  }
  const year = result.year;

  // Document number (国办发明电〔2024〕12号), within the first lines.
  for (const line of lines.slice(0, Math.max(6, titleIndex + 4))) {
    const match = /([\u4e00-\u9fff]{2,8})[〔[(](\d{4})[〕\])](\d{1,4})号/.exec(line);
    if (match && !line.includes('《')) {
      result.docNumber = `${match[1]}〔${match[2]}〕${match[3]}号`;
      break;
    }
  }

  guessScope(lines, titleIndex, result);

  // Numbered entries; a notice without any dated numbered item is read sentence by sentence.
  const entryLines: Array<{ index: number; body: string; festival: string | null }> = [];
  lines.forEach((line, index) => {
    if (index <= titleIndex) return;
    const match = ENTRY_LINE.exec(line);
    if (!match) return;
    const content = match[1] ?? '';
    const colon = content.indexOf(':');
    const festival = colon > 0 && colon <= 20 && !/\d/.test(content.slice(0, colon)) ? content.slice(0, colon) : null;
    entryLines.push({ index, body: festival === null ? content : content.slice(colon + 1), festival });
  });
  // A notice about one festival names it in the title (关于2024年“壮族三月三”放假的通知).
  const titleFestival = /[“"]([^”"]+)[”"]/.exec(result.title ?? '')?.[1] ?? null;
  let dated = entryLines
    .filter((entry) => DATE_TOKEN.test(entry.body) && resetDateToken())
    .map((entry) => ({ ...entry, festival: entry.festival ?? titleFestival }));
  if (dated.length === 0) {
    dated = lines
      .map((line, index) => ({ index, body: line, festival: titleFestival }))
      .filter((entry) => entry.index > titleIndex && HOLIDAY_WORD.test(entry.body) && DATE_TOKEN.test(entry.body) && resetDateToken());
  }

  for (const entryLine of dated) {
    const entry: NoticeEntry = { festival: entryLine.festival, holidays: [], makeUpWorkingDays: [], line: entryLine.index + 1, source: (lines[entryLine.index] ?? '').trim() };
    for (const sentence of entryLine.body.split('。')) readSentence(sentence, year, entry, findings);
    result.entries.push(entry);
    pushUnique(result.holidays, entry.holidays);
    pushUnique(result.makeUpWorkingDays, entry.makeUpWorkingDays);
    if (entry.festival) {
      for (const date of [...entry.holidays, ...entry.makeUpWorkingDays]) result.festivals[date] ??= entry.festival;
    }
  }

  checkDays(result);
}

/** `DATE_TOKEN` is global; `.test` moves its lastIndex. Reset after use in filters. */
function resetDateToken(): true {
  DATE_TOKEN.lastIndex = 0;
  return true;
}

function guessScope(lines: string[], titleIndex: number, result: ParsedHolidayNotice): void {
  const title = result.title ?? '';
  const issuerLines = lines.filter((line) => /^\s*[\u4e00-\u9fff]*(?:国务院|人民政府)办公(?:厅|室)\s*$/.test(line));
  if (title.startsWith('国务院') || issuerLines.some((line) => line.trim().startsWith('国务院'))) {
    result.scope = 'national';
    result.scopeName = '全国';
    return;
  }
  const fromTitle = findRegionMentions(title)[0];
  const fromIssuer = issuerLines.map((line) => findRegionMentions(line)[0]).find((mention) => mention !== undefined);
  const fromText = findRegionMentions(lines.slice(titleIndex + 1).join('\n'))[0];
  const mention = fromTitle ?? fromIssuer ?? fromText;
  if (mention) {
    result.scope = mention.region.code;
    result.scopeName = mention.region.name;
    return;
  }
  result.findings.push({ severity: 'warning', code: 'no_scope', message: '未能判断通知的适用范围（全国或哪个地区），请在载入时指定' });
}

function readSentence(sentence: string, year: number, entry: NoticeEntry, findings: NoticeFinding[]): void {
  const clauses = splitOutsideParentheses(sentence, /[,;，；]/);
  let pending: IsoDate[] = [];
  const sentenceHolidays: IsoDate[] = [];
  for (const clause of clauses) {
    const tokens = readTokens(clause, year, entry.line, findings);
    const dates: IsoDate[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as DateToken;
      const previous = i > 0 ? (tokens[i - 1] as DateToken) : null;
      const between = previous ? clause.slice(previous.end, token.start).trim() : '';
      if (previous && RANGE_SEPARATOR.test(between) && previous.date && token.date) {
        const from = toDayNumber(previous.date);
        const to = toDayNumber(token.date);
        if (to < from || to - from > 40) {
          findings.push({ severity: 'error', code: 'bad_range', line: entry.line, message: `第${entry.line}行：“${previous.raw}至${token.raw}”不是有效的日期范围` });
          continue;
        }
        pushUnique(dates, datesBetween(previous.date, token.date));
      } else if (token.date) {
        pushUnique(dates, [token.date]);
      }
    }
    const isWork = WORK_WORD.test(clause);
    const isHoliday = HOLIDAY_WORD.test(clause);
    if (isWork) {
      pushUnique(entry.makeUpWorkingDays, [...pending, ...dates]);
      pending = [];
    } else if (isHoliday) {
      pushUnique(entry.holidays, [...pending, ...dates]);
      pushUnique(sentenceHolidays, [...pending, ...dates]);
      pending = [];
    } else if (/是.*节/.test(clause)) {
      // “3月31日(周一)是少数民族习惯节日肉孜节”: names the festival's day, not a day off.
    } else {
      pushUnique(pending, dates);
    }
  }
  if (pending.length > 0) {
    findings.push({ severity: 'warning', code: 'unassigned_dates', line: entry.line, message: `第${entry.line}行：日期 ${pending.join('、')} 未写明放假还是上班，未采用` });
  }
  const declared = /(?:共|放假|休假)(\d{1,2})天/.exec(sentence);
  if (declared && sentenceHolidays.length > 0 && Number(declared[1]) !== sentenceHolidays.length) {
    findings.push({
      severity: 'warning',
      code: 'day_count_mismatch',
      line: entry.line,
      message: `第${entry.line}行：通知写“${declared[0]}”，读到的放假日期是 ${sentenceHolidays.length} 天（${sentenceHolidays.join('、')}），请核对`,
    });
  }
}

function readTokens(clause: string, year: number, line: number, findings: NoticeFinding[]): DateToken[] {
  const tokens: DateToken[] = [];
  DATE_TOKEN.lastIndex = 0;
  let previous: DateToken | null = null;
  for (let match = DATE_TOKEN.exec(clause); match; match = DATE_TOKEN.exec(clause)) {
    const explicitYear = match[1] ? Number(match[1]) : null;
    const month = match[2] ? Number(match[2]) : previous?.month ?? null;
    const day = Number(match[3]);
    if (month === null) continue; // “31日” with no month before it: not a date of the arrangement.
    let tokenYear = explicitYear ?? (previous && !match[2] ? previous.year : year);
    // “2018年12月30日至1月1日”: a range end earlier in the year than its start is in the next year.
    const between = previous ? clause.slice(previous.end, match.index).trim() : '';
    if (explicitYear === null && previous && RANGE_SEPARATOR.test(between) && (month < previous.month || (month === previous.month && day < previous.day))) {
      tokenYear = previous.year + 1;
    }
    const date = makeIsoDate(tokenYear, month, day);
    const token: DateToken = { date, raw: match[0], annotation: match[4] ?? null, start: match.index, end: match.index + match[0].length, month, day, year: tokenYear };
    if (!date) {
      findings.push({ severity: 'error', code: 'invalid_date', line, message: `第${line}行：“${match[0]}”不是有效日期` });
    } else if (token.annotation) {
      const weekday = /(?:周|星期|礼拜)([一二三四五六日天])/.exec(token.annotation);
      const expected = weekday ? WEEKDAY_CHARS[weekday[1] ?? ''] : undefined;
      if (expected !== undefined && expected !== weekdayOf(date)) {
        findings.push({
          severity: 'warning',
          code: 'weekday_mismatch',
          line,
          message: `第${line}行：${date} 实为${['周日', '周一', '周二', '周三', '周四', '周五', '周六'][weekdayOf(date)]}，通知写作“${weekday?.[0]}”，请核对年份或日期`,
        });
      }
    }
    tokens.push(token);
    previous = token;
  }
  DATE_TOKEN.lastIndex = 0;
  return tokens;
}

function checkDays(result: ParsedHolidayNotice): void {
  const { findings } = result;
  const year = result.year ?? 0;
  if (result.holidays.length === 0 && result.makeUpWorkingDays.length === 0) {
    findings.push({ severity: 'error', code: 'no_days', message: '没有读到任何放假日期或调休上班日期：请粘贴通知全文（含“一、元旦：……”各条）' });
    return;
  }
  for (const date of result.holidays) {
    if (result.makeUpWorkingDays.includes(date)) {
      findings.push({ severity: 'error', code: 'conflict', message: `${date} 既被读作放假又被读作上班，请核对通知` });
    }
  }
  for (const date of result.makeUpWorkingDays) {
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6) {
      findings.push({ severity: 'warning', code: 'make_up_on_weekday', message: `调休上班日 ${date} 不是周末，请核对` });
    }
  }
  for (const date of [...result.holidays, ...result.makeUpWorkingDays]) {
    const dateYear = yearOf(date);
    const adjacent = (dateYear === year - 1 && date.slice(5, 7) === '12') || (dateYear === year + 1 && date.slice(5, 7) === '01');
    if (dateYear !== year && !adjacent) {
      findings.push({ severity: 'warning', code: 'date_outside_year', message: `${date} 不在通知年份 ${year} 年内，请核对` });
    }
  }
}

/** Raised when a parsed notice with errors, or without a scope, is turned into a loaded notice. */
export class NoticeNotApplicableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoticeNotApplicableError';
  }
}

/**
 * The loaded-notice record for a reviewed parse, ready to persist. `scope` overrides the guessed one.
 * Throws NoticeNotApplicableError when the parse has errors or no scope.
 */
export function toLoadedNotice(parsed: ParsedHolidayNotice, options: { loadedAt: string; loadedBy?: string; scope?: NoticeScope }): LoadedNotice {
  const errors = parsed.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0 || parsed.year === null) {
    throw new NoticeNotApplicableError(`通知有错误，不能载入：${errors.map((error) => error.message).join('；') || '未读出年份'}`);
  }
  const scope = options.scope ?? parsed.scope;
  if (!scope) throw new NoticeNotApplicableError('未能判断通知的适用范围，请指定（national 或行政区划代码）');
  return {
    scope,
    year: parsed.year,
    holidays: [...parsed.holidays],
    makeUpWorkingDays: [...parsed.makeUpWorkingDays],
    sourceTitle: parsed.title ?? `${parsed.year}年节假日安排`,
    docNumber: parsed.docNumber,
    festivals: { ...parsed.festivals },
    loadedAt: options.loadedAt,
    ...(options.loadedBy ? { loadedBy: options.loadedBy } : {}),
  };
}
