/**
 * Vocabulary of unit names and post titles: administrative prefixes (省, 市委 …), unit-name suffixes
 * (厅, 局, 委, 中心, 分行 …), title tails (副部长, 局长助理, 党组成员 …), and matching a unit named in
 * a position against the member units. General patterns only; no names of any one document. Pure.
 */

/** Administrative prefixes that carry over inside one run of a unit list, longest first. */
export const ADMIN_PREFIXES: readonly string[] = [
  '自治区党委',
  '自治区',
  '自治州',
  '自治县',
  '省委',
  '市委',
  '区委',
  '县委',
  '州委',
  '旗委',
  '盟委',
  '省',
  '市',
  '区',
  '县',
  '州',
  '旗',
  '盟',
];

/** What may not follow a one-character prefix: 市场监管局 is not 市 + 场监管局. */
const NOT_AFTER_PREFIX: Record<string, RegExp> = {
  市: /^(?:场|直|级|属|民|区)/u,
  区: /^(?:域|级|直|属)/u,
  省: /^(?:级|直|属)/u,
  县: /^(?:域|级|直|属)/u,
  州: /^(?:级|直)/u,
  旗: /^(?:级|直)/u,
  盟: /^(?:级|直)/u,
  自治区: /^(?:级|直)/u,
};

/** Openings of a name that already fixes its level or organisation (国家税务总局…, 人民银行…). */
const ORG_OPENINGS = /^(?:国家|国务院|中央|中共|全国|中国|中华|人民银行|人行|海关总署|民航|国网|武警|解放军|共青团|团)/u;

/** Place-level markers inside a name (某某省, 某某市, 某某地区); 市场 is not a place. */
const LEVEL_MARKER = /省|市(?!场)|自治区|自治州|自治县|县|地区|特区|新区/u;

/** Suffixes a unit name ends with, longest alternatives first. */
export const UNIT_SUFFIX_RE =
  /(?:办公室|委员会|管委会|工委|政府|中心|集团|公司|海关|分署|总署|总局|分局|分行|支行|银行|监管局|法院|检察院|研究院|军分区|警备区|部队|支队|大队|街道|总社|中央|科协|妇联|残联|侨联|文联|社科联|工商联|总工会|工会|团委|部|厅|局|委|办|署|会|行|院|所|站|队|处|室|司|科|社|台|馆|团|联|校|镇|乡|场|园)$/u;

/** Words that mark a description rather than a unit name. */
const NOT_A_UNIT = /的|分管|协助|负责|担任|同志|领导同志|干部|有关|相关|其他|若干|^各/u;

/** The leading administrative prefix of a list item (省 of 省某某委), or null. */
export function leadingAdminPrefix(item: string): string | null {
  for (const prefix of ADMIN_PREFIXES) {
    if (!item.startsWith(prefix)) continue;
    const rest = item.slice(prefix.length);
    if (rest.length < 2) continue;
    const forbidden = NOT_AFTER_PREFIX[prefix];
    if (forbidden && forbidden.test(rest)) continue;
    return prefix;
  }
  return null;
}

/** Whether a name already states its level or organisation, so that no carried prefix is added. */
export function hasExplicitLevel(item: string): boolean {
  return leadingAdminPrefix(item) !== null || ORG_OPENINGS.test(item) || LEVEL_MARKER.test(item);
}

/** Words that a bare proper name inside a list of units never holds (it would be a phrase). */
const NOT_A_LISTED_NAME = /[由为是在将对等及与按请于各]|根据|会议|组成|成员|工作|职责|参加|邀请|需要|任务|事项|负责|主任|部长|厅长|局长|报送|名单|单位|联络员/u;

/**
 * Whether an item of a list most of whose items are units may be a unit even without a unit suffix
 * (共青团中央, 全国妇联 …): a short run of Chinese characters with no descriptive or clause word.
 */
export function mayBeListedUnit(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,16}$/u.test(s) && !NOT_A_UNIT.test(s) && !NOT_A_LISTED_NAME.test(s);
}

/**
 * A collective member: every government (or Party committee) of one level below the body
 * (各区人民政府, 各县（市、区）人民政府, 各乡镇党委). It stands for several units and is listed as one.
 */
export function isCollectiveUnit(s: string): boolean {
  return /^各(?:县[（(]市、区[）)]|县[（(]市[）)]|县[（(]区[）)]|县市区|区县|县区|区|县|市|州|盟|旗|乡镇|乡[（(]镇[）)]|镇|街道|乡镇[（(]街道[）)]|开发区|园区)(?:人民政府|政府|党委|党工委|管委会|办事处|党委和政府|党委、政府)$/u.test(s);
}

/** Whether a string reads as a unit name (ends with a unit suffix, no descriptive words). */
export function looksLikeUnit(s: string): boolean {
  if (s.length < 2 || s.length > 40) return false;
  if (!/^[\u4e00-\u9fff·（）()A-Za-z0-9]+$/u.test(s)) return false;
  if (NOT_A_UNIT.test(s.replace(/[（(][^）)]*[）)]/gu, ''))) return false;
  return UNIT_SUFFIX_RE.test(s.replace(/[（(][^）)]*[）)]$/u, ''));
}

/** Ranks that end a post title, longest first where one ends another (支队长 before 队长). */
const RANKS = [
  '总工程师', '总经济师', '总会计师', '理事长', '秘书长', '董事长', '监事长', '总经理', '检察长', '参谋长', '司令员',
  '督察长', '总编辑', '支队长', '大队长', '总队长', '中队长', '部长', '厅长', '局长', '署长', '司长', '处长', '科长',
  '股长', '主任', '行长', '会长', '主席', '书记', '委员', '总理', '省长', '市长', '区长', '县长', '州长', '镇长', '乡长',
  '旗长', '盟长', '院长', '校长', '所长', '站长', '馆长', '社长', '台长', '队长', '经理', '董事', '总裁', '总监',
  '总师', '庭长', '关长', '政委', '专员', '主编', '组长',
];

/** Words of a title tail that stand alone (党组成员, 负责同志, 一级巡视员 …). */
const STANDALONE_TAILS = [
  '主要负责同志', '分管负责同志', '有关负责同志', '相关负责同志', '主要负责人', '分管负责人', '有关负责人', '负责同志',
  '负责人', '领导同志', '主要领导', '分管领导', '党组成员', '党委成员', '党委委员', '党组委员', '党工委委员', '成员', '常委',
  '一级巡视员', '二级巡视员', '副巡视员', '巡视员', '一级调研员', '二级调研员', '副调研员', '调研员', '助理', '兼',
];

const RANK_ALT = RANKS.join('|');
const TITLE_TAIL_RE = new RegExp(
  `(?:(?:党组|党委|党工委|党总支|党支部)?(?:常务|第一|执行)?副?(?:${RANK_ALT})(?:助理)?|${STANDALONE_TAILS.join('|')})$`,
  'u',
);

/**
 * Splits a post into the unit it names and its title by stripping title words from the end
 * (`某某部副部长` → 某某部 + 副部长, `某某局局长助理` → 某某局 + 局长助理). The unit part is ''
 * when the post is a bare title (常务副市长).
 */
export function splitPostTitle(post: string): { unitPart: string; title: string } {
  let rest = post;
  for (let guard = 0; guard < 6; guard++) {
    const m = TITLE_TAIL_RE.exec(rest);
    if (!m || m[0].length === 0) break;
    rest = rest.slice(0, rest.length - m[0].length);
  }
  return { unitPart: rest, title: post.slice(rest.length) };
}

/**
 * A post followed by the name of who holds it (`某局副局长张某某`, `副市长李某同志`): the post and
 * the person, or null. A name in `knownPersons` (the roster's) is taken as written; otherwise a
 * name of three, then two characters is cut off when what precedes it ends with a title and the
 * name is no title itself (区长助理 is no 区长 + 助理).
 */
export function splitPostPerson(s: string, knownPersons: readonly string[] = []): { position: string; person: string } | null {
  const bare = s.replace(/同志$/u, '');
  for (const person of knownPersons) {
    if (person.length >= 2 && bare.endsWith(person) && bare.length > person.length) {
      const position = bare.slice(0, bare.length - person.length);
      if (splitPostTitle(position).title.length > 0) return { position, person };
    }
  }
  for (const n of [3, 2]) {
    if (bare.length < n + 2) continue;
    const person = bare.slice(bare.length - n);
    const position = bare.slice(0, bare.length - n);
    if (!/^[\u4e00-\u9fff]+$/u.test(person) || /[的等各和及与兼任副正]|员$/u.test(person)) continue;
    if (splitPostTitle(person).title.length > 0 || TITLE_TAIL_RE.test(person.slice(0, -1))) continue;
    if (splitPostTitle(position).title.length > 0) return { position, person };
  }
  return null;
}

/** Whether the whole string is a title (副市长, 常务副市长, 局长助理). */
export function isBareTitle(s: string): boolean {
  return s.length > 0 && splitPostTitle(s).unitPart === '';
}

/**
 * The unit a post names, or null: `市某某局副局长` → 市某某局; `某某副主席、某某厅厅长`
 * → the part that matches `preferred` if any, else the last part naming a unit.
 */
export function unitOfPost(post: string, preferred?: (unit: string) => boolean): string | null {
  const parts = post.split(/[、，,]/u).filter((p) => p.length > 0);
  const units: string[] = [];
  for (const part of parts) {
    // 某厅副主任兼某局局长: the post before 兼 is the holder's own
    const [own, ...concurrent] = part.split('兼');
    const ownUnit = splitPostTitle(own ?? '').unitPart;
    if (looksLikeUnit(ownUnit)) {
      units.push(ownUnit);
      continue;
    }
    for (const other of concurrent) {
      const { unitPart } = splitPostTitle(other);
      if (looksLikeUnit(unitPart)) units.push(unitPart);
    }
  }
  if (units.length === 0) return null;
  if (preferred) {
    const hit = units.find(preferred);
    if (hit !== undefined) return hit;
  }
  return units[units.length - 1] ?? null;
}

/** Keys computed so far (a pure cache: the same name always gives the same key). */
const unitKeys = new Map<string, string>();

/** Comparison key of a unit name: no spaces, 办公室 → 办, 委员会 → 委. */
export function unitKey(name: string): string {
  const cached = unitKeys.get(name);
  if (cached !== undefined) return cached;
  if (unitKeys.size > 20000) unitKeys.clear();
  const key = computeUnitKey(name);
  unitKeys.set(name, key);
  return key;
}

function computeUnitKey(name: string): string {
  return name
    .replace(/[\s\u3000\u00a0]+/gu, '')
    .replace(/（/gu, '(')
    .replace(/）/gu, ')')
    .replace(/办公室/gu, '办')
    .replace(/委员会/gu, '委');
}

function stripPrefix(key: string): string {
  const p = leadingAdminPrefix(key);
  return p ? key.slice(p.length) : key;
}

export interface NamedUnit {
  name: string;
  aliases: readonly string[];
}

/**
 * The unit among `units` a name refers to: by exact name or alias, then by the same name without
 * its administrative prefix (某某厅 ~ 省某某厅), then by abbreviation (某某办 ~ 某某办公室). Null
 * when nothing or more than one unit matches.
 */
export function matchUnit<T extends NamedUnit>(name: string, units: readonly T[]): T | null {
  const key = unitKey(name);
  if (key.length === 0) return null;
  const exact = units.filter((u) => unitKey(u.name) === key || u.aliases.some((a) => unitKey(a) === key));
  if (exact.length >= 1) return exact[0] ?? null;
  const core = stripPrefix(key);
  if (core.length < 2) return null;
  const byCore = units.filter(
    (u) => stripPrefix(unitKey(u.name)) === core || u.aliases.some((a) => stripPrefix(unitKey(a)) === core),
  );
  if (byCore.length === 1) return byCore[0] ?? null;
  // A shortened name that ends another (某某办 ~ 中央某某办) when only one unit ends with it.
  const bySuffix = units.filter((u) => unitKey(u.name).endsWith(core) && core.length >= 3);
  if (bySuffix.length === 1) return bySuffix[0] ?? null;
  return null;
}
