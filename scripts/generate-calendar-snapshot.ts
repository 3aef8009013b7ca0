/**
 * Writes the calendar's committed data snapshots from the chinese-days package:
 *
 * - `src/domain/calendar/data/national-snapshot.json`: per year, the State Council's holidays and
 *   make-up working days (2004 to the latest year the package holds), each year naming the notice
 *   it comes from;
 * - `src/domain/calendar/data/lunar-march-third.json`: per year, the solar dates of 农历三月初三 and
 *   三月初四 (广西 壮族三月三), from chinese-days' lunar tables.
 *
 * Run: `node --import tsx scripts/generate-calendar-snapshot.ts`. The runtime reads only the committed
 * JSON; it never imports chinese-days.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days';
import type { NationalSnapshot, NationalSnapshotYear } from '../src/domain/calendar/calendar-types.ts';
import { shanghaiDateOf } from '../src/domain/time/shanghai-date.ts';

const require = createRequire(import.meta.url);
const packageJson = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string };
const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

/**
 * Document numbers of the State Council notices, only where a source is at hand:
 * 2025 from the notice itself (test/fixtures/calendar/); 2017, 2019, 2020 and 2021 as cited in the
 * regional governments' own notices (广西 2017, 宁夏 2019–2021). Other years carry the title only.
 */
const DOC_NUMBERS: Record<number, string> = {
  2017: '国办发明电〔2016〕17号',
  2019: '国办发明电〔2018〕15号',
  2020: '国办发明电〔2019〕16号',
  2021: '国办发明电〔2020〕27号',
  2025: '国办发明电〔2024〕12号',
};

/** Later notices that changed a year's arrangement after the annual notice. */
const AMENDMENTS: Record<number, string[]> = {
  2020: ['国务院办公厅关于延长2020年春节假期的通知'],
};

/** chinese-days stores `English name,中文名,n`. */
function festivalName(value: string): string {
  return value.split(',')[1] ?? value;
}

const years = new Map<number, NationalSnapshotYear>();
function yearEntry(year: number): NationalSnapshotYear {
  let entry = years.get(year);
  if (!entry) {
    entry = {
      notice: {
        title: `国务院办公厅关于${year}年部分节假日安排的通知`,
        docNumber: DOC_NUMBERS[year] ?? null,
        ...(AMENDMENTS[year] ? { amendments: AMENDMENTS[year] } : {}),
      },
      holidays: [],
      makeUpWorkingDays: [],
      festivals: {},
    };
    years.set(year, entry);
  }
  return entry;
}

for (const [date, value] of Object.entries(data.holidays)) {
  const entry = yearEntry(Number(date.slice(0, 4)));
  entry.holidays.push(date);
  entry.festivals[date] = festivalName(value);
}
for (const [date, value] of Object.entries(data.workdays)) {
  const entry = yearEntry(Number(date.slice(0, 4)));
  entry.makeUpWorkingDays.push(date);
  entry.festivals[date] = festivalName(value);
}

const sortedYears = [...years.keys()].sort((a, b) => a - b);
const snapshot: NationalSnapshot = {
  source: `chinese-days ${packageJson.version}`,
  snapshotDate: shanghaiDateOf(new Date()),
  years: Object.fromEntries(
    sortedYears.map((year) => {
      const entry = years.get(year) as NationalSnapshotYear;
      entry.holidays.sort();
      entry.makeUpWorkingDays.sort();
      entry.festivals = Object.fromEntries(Object.entries(entry.festivals).sort(([a], [b]) => a.localeCompare(b)));
      return [String(year), entry];
    }),
  ),
};

const lunarMarchThird: Record<string, [string, string]> = {};
for (let year = 2014; year <= 2100; year++) {
  lunarMarchThird[String(year)] = [
    chineseDays.getSolarDateFromLunar(`${year}-03-03`).date,
    chineseDays.getSolarDateFromLunar(`${year}-03-04`).date,
  ];
}

const dataDir = fileURLToPath(new URL('../src/domain/calendar/data/', import.meta.url));
writeFileSync(`${dataDir}national-snapshot.json`, `${JSON.stringify(snapshot, null, 1)}\n`);
writeFileSync(
  `${dataDir}lunar-march-third.json`,
  `${JSON.stringify({ source: `chinese-days ${packageJson.version} getSolarDateFromLunar`, dates: lunarMarchThird }, null, 1)}\n`,
);
console.log(`national snapshot: ${sortedYears[0]}–${sortedYears[sortedYears.length - 1]}; lunar 三月三: 2014–2100`);
