/**
 * Regional holidays kept besides the national ones, with what is and is not sourced.
 *
 * Every regional day is provisional until the region's own notice for that year is loaded
 * (`LoadedNotice` with the region's code as scope): regions fix their days off and make-up
 * working days each year, and have departed from the plain rule before.
 *
 * 广西 壮族三月三 (450000)
 *   Sourced: 《广西壮族自治区少数民族习惯节日放假办法》(自治区人民政府令第98号): everyone in the region
 *   has two days off; since 2014 the days have been 农历三月初三、初四. Computed for every year from
 *   2014 with the lunar table in `data/lunar-march-third.json` (generated from chinese-days).
 *   Not a fixed rule: the yearly notice decides what happens when the days fall on a weekend or next to
 *   清明. As reposted: 2017 added 4月1日(周六) off and made 4月8日(周六) a working day; 2023 (初三 on a
 *   Saturday) gave 4月21日(周五)至23日 off; 2024 gave 4月11日至12日 off, with the weekend and no make-up
 *   day. Those three years are shipped as `reported`; every other year is `computed` (初三、初四 off,
 *   no make-up days) and provisional.
 *
 * 新疆 肉孜节 (开斋节) and 古尔邦节 (650000), 宁夏 开斋节 and 古尔邦节 (640000)
 *   Sourced: 《新疆维吾尔自治区少数民族习惯节日放假办法》(自治区人民政府令第174号); 宁夏's yearly
 *   部分节假日安排 notices. The dates follow the Islamic calendar as announced each year by 中国伊斯兰教协会,
 *   so they are not computed. Shipped as `reported` only for the years whose notices were at hand as
 *   reposts (新疆 2022, 2025; 宁夏 2019–2021). Any other year: every answer for the region that year is
 *   provisional until the region's notice is loaded. (Early 新疆 notices, e.g. 2005, gave the days only
 *   to the people who keep the festival; recent ones give them to everyone, which is what is modelled.)
 *
 * 西藏 藏历新年 (540000)
 *   Dates follow the Tibetan calendar, announced yearly; no year is sourced. Every answer for 西藏 is
 *   provisional until the region's notice for the year is loaded.
 */
import lunarMarchThird from './data/lunar-march-third.json' with { type: 'json' };
import type { RegionalHolidayDays, RegionalHolidayRule } from './calendar-types.ts';
import { datesBetween } from './iso-date.ts';

function reported(year: number, holidays: string[], makeUpWorkingDays: string[], source: string): RegionalHolidayDays {
  return { year, holidays, makeUpWorkingDays, basis: 'reported', source };
}

const GUANGXI_BASIS = '《广西壮族自治区少数民族习惯节日放假办法》（自治区人民政府令第98号）：农历三月初三、初四放假2天';

const GUANGXI_REPORTED: RegionalHolidayDays[] = [
  reported(2017, ['2017-03-30', '2017-03-31', '2017-04-01'], ['2017-04-08'], '广西壮族自治区人民政府办公厅关于2017年“壮族三月三”放假的通知（转载）'),
  reported(2023, datesBetween('2023-04-21', '2023-04-23'), [], '广西壮族自治区人民政府办公厅关于2023年“壮族三月三”放假的通知（转载）'),
  reported(2024, ['2024-04-11', '2024-04-12'], [], '广西壮族自治区人民政府办公厅关于2024年“壮族三月三”放假的通知（转载）'),
];

function guangxiYears(): RegionalHolidayDays[] {
  const reportedYears = new Set(GUANGXI_REPORTED.map((days) => days.year));
  const computed: RegionalHolidayDays[] = [];
  for (const [yearText, dates] of Object.entries(lunarMarchThird.dates)) {
    const year = Number(yearText);
    if (reportedYears.has(year)) continue;
    computed.push({ year, holidays: [...dates], makeUpWorkingDays: [], basis: 'computed', source: `${GUANGXI_BASIS}；按农历推算` });
  }
  return [...GUANGXI_REPORTED, ...computed].sort((a, b) => a.year - b.year);
}

/** The regional holiday rules shipped with Lianxi. */
export const REGIONAL_HOLIDAY_RULES: readonly RegionalHolidayRule[] = [
  {
    id: 'guangxi-march-third',
    regionCode: '450000',
    name: '壮族三月三',
    basis: GUANGXI_BASIS,
    sinceYear: 2014,
    years: guangxiYears(),
    datesAnnouncedYearly: false,
  },
  {
    id: 'xinjiang-eid-al-fitr',
    regionCode: '650000',
    name: '肉孜节',
    basis: '《新疆维吾尔自治区少数民族习惯节日放假办法》（自治区人民政府令第174号）；日期以每年公布为准',
    sinceYear: null,
    years: [
      reported(2022, ['2022-05-05'], [], '新疆维吾尔自治区2022年节假日放假安排（转载）'),
      reported(2025, datesBetween('2025-03-29', '2025-03-31'), [], '新疆维吾尔自治区2025年节假日放假调休日期安排（转载）'),
    ],
    datesAnnouncedYearly: true,
  },
  {
    id: 'xinjiang-eid-al-adha',
    regionCode: '650000',
    name: '古尔邦节',
    basis: '《新疆维吾尔自治区少数民族习惯节日放假办法》（自治区人民政府令第174号）；日期以每年公布为准',
    sinceYear: null,
    years: [
      reported(2022, datesBetween('2022-07-09', '2022-07-13'), [], '新疆维吾尔自治区2022年节假日放假安排（转载）'),
      reported(2025, datesBetween('2025-06-06', '2025-06-10'), [], '新疆维吾尔自治区2025年节假日放假调休日期安排（转载）'),
    ],
    datesAnnouncedYearly: true,
  },
  {
    id: 'ningxia-eid-al-fitr',
    regionCode: '640000',
    name: '开斋节',
    basis: '宁夏回族自治区人民政府办公厅每年部分节假日安排的通知；日期以每年公布为准',
    sinceYear: null,
    years: [
      reported(2019, ['2019-06-05', '2019-06-06'], [], '自治区人民政府办公厅关于2019年部分节假日安排的通知（宁政办发〔2018〕137号，转载）'),
      reported(2020, ['2020-05-25', '2020-05-26'], [], '自治区人民政府办公厅关于2020年部分节假日安排的通知（转载）'),
      reported(2021, ['2021-05-13', '2021-05-14'], [], '自治区人民政府办公厅关于2021年部分节假日安排的通知（转载）'),
    ],
    datesAnnouncedYearly: true,
  },
  {
    id: 'ningxia-eid-al-adha',
    regionCode: '640000',
    name: '古尔邦节',
    basis: '宁夏回族自治区人民政府办公厅每年部分节假日安排的通知；日期以每年公布为准',
    sinceYear: null,
    years: [
      reported(2019, ['2019-08-12', '2019-08-13'], [], '自治区人民政府办公厅关于2019年部分节假日安排的通知（宁政办发〔2018〕137号，转载）'),
      reported(2020, ['2020-07-30', '2020-07-31'], [], '自治区人民政府办公厅关于2020年部分节假日安排的通知（转载）'),
      reported(2021, ['2021-07-19', '2021-07-20'], [], '自治区人民政府办公厅关于2021年部分节假日安排的通知（转载）'),
    ],
    datesAnnouncedYearly: true,
  },
  {
    id: 'tibet-losar',
    regionCode: '540000',
    name: '藏历新年',
    basis: '西藏自治区每年公布的放假安排（藏历新年日期按藏历确定）；未载入任何年份',
    sinceYear: null,
    years: [],
    datesAnnouncedYearly: true,
  },
];
