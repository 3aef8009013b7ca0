/**
 * China's administrative regions (GB/T 2260 six-digit codes) in a three-level hierarchy:
 * province (省级) → prefecture (地级) → county (县级).
 *
 * Built on `@vant/area-data`. Pure: the lookup maps are computed lazily, once, from the package's
 * static data.
 *
 * Placeholder prefecture entries of the data set are not regions of their own: the municipalities'
 * `xx0100` entry (named like the municipality itself, elsewhere 市辖区), 重庆's `500200 县`, and the
 * 省直辖县 / 自治区直辖县级行政区划 groupings. `getRegion` returns null for them, and the counties
 * below them have the province as their parent.
 */
import { areaList } from '@vant/area-data';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface RegionInfo {
  /** Six-digit GB/T 2260 code, e.g. `450300`. */
  code: string;
  /** Full name as published, e.g. 桂林市, 广西壮族自治区. */
  name: string;
  /** Customary short name, e.g. 桂林, 广西. Equal to `name` where nothing can be stripped. */
  shortName: string;
  level: RegionLevel;
  /** Code of the nearest real ancestor (prefecture or province); null for a province. */
  parent: string | null;
}

/** The 55 officially recognised minority nationalities, as they appear in autonomous-area names. */
const ETHNIC_NAMES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
] as const;

/** Longest first, so that 土家 is tried before 土 and 蒙古 before nothing shorter. */
const ETHNIC_BY_LENGTH = [...ETHNIC_NAMES].sort((a, b) => b.length - a.length);

const PLACEHOLDER_PREFECTURE_NAMES = new Set(['市辖区', '县', '省直辖县', '自治区直辖县级行政区划', '省直辖县级行政区划']);

/** Removes trailing nationality names (`苗族侗族`, `蒙古`, `哈萨克`) left before an 自治 suffix. */
function stripEthnicTail(stem: string): string {
  let rest = stem;
  for (;;) {
    let stripped = false;
    for (const ethnic of ETHNIC_BY_LENGTH) {
      // With 族 any nationality is recognised; without it only names of two or more characters,
      // so that a place name ending in 白, 水 or 土 is not cut.
      for (const candidate of [`${ethnic}族`, ethnic.length >= 2 ? ethnic : null]) {
        if (candidate !== null && rest.endsWith(candidate) && rest.length - candidate.length >= 2) {
          rest = rest.slice(0, rest.length - candidate.length);
          stripped = true;
          break;
        }
      }
      if (stripped) break;
    }
    if (!stripped) return rest;
  }
}

/** Strips `suffix` when at least `minRest` characters remain. */
function stripSuffix(name: string, suffix: string, minRest = 2): string | null {
  if (name.endsWith(suffix) && name.length - suffix.length >= minRest) return name.slice(0, name.length - suffix.length);
  return null;
}

/** Customary short name of a province: 广西壮族自治区→广西, 北京市→北京, 香港特别行政区→香港. */
function provinceShortName(name: string): string {
  const special = stripSuffix(name, '特别行政区');
  if (special) return special;
  const autonomous = stripSuffix(name, '自治区');
  if (autonomous) return stripEthnicTail(autonomous);
  return stripSuffix(name, '省') ?? stripSuffix(name, '市') ?? name;
}

/** Customary short name of a prefecture or county: 桂林市→桂林, 延边朝鲜族自治州→延边, 启东市→启东. */
function localShortName(name: string): string {
  for (const autonomousSuffix of ['自治州', '自治县', '自治旗']) {
    const stem = stripSuffix(name, autonomousSuffix);
    if (stem) return stripEthnicTail(stem);
  }
  for (const suffix of ['地区', '林区', '盟', '市', '县', '区']) {
    const stem = stripSuffix(name, suffix);
    if (stem) return stem;
  }
  return name;
}

interface RegionIndex {
  byCode: Map<string, RegionInfo>;
  byName: Map<string, RegionInfo[]>;
  /** Names scanned for by `findRegionMentions`, each with its candidate regions. */
  mentionNames: Map<string, RegionInfo[]>;
  maxMentionLength: number;
}

const LEVEL_ORDER: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2 };

function compareRegions(a: RegionInfo, b: RegionInfo): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code);
}

/** County-level names too generic to be taken as a mention of one place in free text. */
const GENERIC_COUNTY_NAME = /(开发区|高新区|新区|管委会|管理区|工业园|园区|街道|街道办事处|镇|乡|学院)$/;

let index: RegionIndex | null = null;

function addTo(map: Map<string, RegionInfo[]>, key: string, region: RegionInfo): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(region)) list.push(region);
  } else {
    map.set(key, [region]);
  }
}

function buildIndex(): RegionIndex {
  const byCode = new Map<string, RegionInfo>();
  const provinceNames = new Set(Object.values(areaList.province_list));

  for (const [code, name] of Object.entries(areaList.province_list)) {
    byCode.set(code, { code, name, shortName: provinceShortName(name), level: 'province', parent: null });
  }
  for (const [code, name] of Object.entries(areaList.city_list)) {
    const provinceCode = `${code.slice(0, 2)}0000`;
    if (!byCode.has(provinceCode)) continue;
    if (PLACEHOLDER_PREFECTURE_NAMES.has(name) || provinceNames.has(name)) continue;
    byCode.set(code, { code, name, shortName: localShortName(name), level: 'prefecture', parent: provinceCode });
  }
  for (const [code, name] of Object.entries(areaList.county_list)) {
    const provinceCode = `${code.slice(0, 2)}0000`;
    if (!byCode.has(provinceCode)) continue;
    const prefectureCode = `${code.slice(0, 4)}00`;
    if (PLACEHOLDER_PREFECTURE_NAMES.has(name)) continue; // e.g. 620201 市辖区 of 嘉峪关市
    const parent = byCode.has(prefectureCode) ? prefectureCode : provinceCode;
    byCode.set(code, { code, name, shortName: localShortName(name), level: 'county', parent });
  }

  const byName = new Map<string, RegionInfo[]>();
  for (const region of byCode.values()) {
    addTo(byName, region.name, region);
    addTo(byName, region.shortName, region);
  }
  for (const list of byName.values()) list.sort(compareRegions);

  const mentionNames = new Map<string, RegionInfo[]>();
  for (const region of byCode.values()) {
    if (region.level === 'county' && (region.name.length < 3 || GENERIC_COUNTY_NAME.test(region.name))) continue;
    addTo(mentionNames, region.name, region);
  }
  // A province's short name is scanned for only when no other region is called by it
  // (吉林 is also 吉林市, 海南 also 海南藏族自治州).
  for (const region of byCode.values()) {
    if (region.level !== 'province' || region.shortName === region.name) continue;
    const sameName = byName.get(region.shortName) ?? [];
    if (sameName.length === 1) addTo(mentionNames, region.shortName, region);
  }
  for (const list of mentionNames.values()) list.sort(compareRegions);
  let maxMentionLength = 0;
  for (const name of mentionNames.keys()) maxMentionLength = Math.max(maxMentionLength, name.length);

  return { byCode, byName, mentionNames, maxMentionLength };
}

function getIndex(): RegionIndex {
  index ??= buildIndex();
  return index;
}

/** The region with this six-digit code, or null when the code is unknown or a placeholder entry. */
export function getRegion(code: string): RegionInfo | null {
  return getIndex().byCode.get(code.trim()) ?? null;
}

/** The region and its ancestors: self first, then prefecture, then province. Empty for an unknown code. */
export function regionAncestors(code: string): RegionInfo[] {
  const chain: RegionInfo[] = [];
  let current = getRegion(code);
  while (current) {
    chain.push(current);
    current = current.parent === null ? null : getRegion(current.parent);
  }
  return chain;
}

/**
 * Regions called by this full name (桂林市, 广西壮族自治区) or short name (桂林, 广西). A full name
 * given with a different suffix (广东省 for 广东) is also resolved through its short name.
 * Provinces first, then prefectures, then counties; within a level by code.
 */
export function findRegionsByName(name: string): RegionInfo[] {
  const key = name.trim();
  if (key === '') return [];
  const { byName } = getIndex();
  const exact = byName.get(key);
  if (exact) return [...exact];
  for (const short of [provinceShortName(key), localShortName(key)]) {
    if (short === key) continue;
    const found = byName.get(short);
    if (found) return [...found];
  }
  return [];
}

export interface RegionMention {
  region: RegionInfo;
  /** UTF-16 offsets into the text: `text.slice(start, end)` is the matched name. */
  start: number;
  end: number;
}

/**
 * Mentions of regions in free text: a left-to-right longest-match scan of full names (provinces,
 * prefectures, and distinctive county names) and of unambiguous province short names (广东, 广西,
 * 江苏…). A full name shared by several regions (朝阳区) is resolved to the candidate whose ancestor
 * (北京市, 长春市, 吉林省) is mentioned nearest to it; with no such mention it is left out as ambiguous.
 */
export function findRegionMentions(text: string): RegionMention[] {
  const { mentionNames, maxMentionLength } = getIndex();
  const raw: Array<{ candidates: RegionInfo[]; start: number; end: number }> = [];
  let i = 0;
  while (i < text.length) {
    let matched = false;
    for (let length = Math.min(maxMentionLength, text.length - i); length >= 2; length--) {
      const candidates = mentionNames.get(text.slice(i, i + length));
      if (candidates) {
        raw.push({ candidates, start: i, end: i + length });
        i += length;
        matched = true;
        break;
      }
    }
    if (!matched) i++;
  }

  // Where each unambiguous region is mentioned, to settle the ambiguous ones by their context.
  const positions = new Map<string, number[]>();
  for (const mention of raw) {
    const only = mention.candidates.length === 1 ? mention.candidates[0] : undefined;
    if (only) positions.set(only.code, [...(positions.get(only.code) ?? []), mention.start]);
  }
  const result: RegionMention[] = [];
  for (const mention of raw) {
    let region: RegionInfo | undefined;
    if (mention.candidates.length === 1) {
      region = mention.candidates[0];
    } else {
      // The candidate whose ancestor is mentioned nearest to this mention wins; a tie stays ambiguous.
      let best: { region: RegionInfo; distance: number } | null = null;
      let tie = false;
      for (const candidate of mention.candidates) {
        for (const ancestor of regionAncestors(candidate.code).slice(1)) {
          for (const at of positions.get(ancestor.code) ?? []) {
            const distance = Math.abs(mention.start - at);
            if (best === null || distance < best.distance) {
              best = { region: candidate, distance };
              tie = false;
            } else if (distance === best.distance && best.region !== candidate) {
              tie = true;
            }
          }
        }
      }
      if (best && !tie) region = best.region;
    }
    if (region) result.push({ region, start: mention.start, end: mention.end });
  }
  return result;
}
