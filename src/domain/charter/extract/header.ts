/**
 * Header extraction: the body (name, kind, level, region), the founding document (title, number,
 * issuer, date, addressees), the charter flags (不刻制印章, 不正式行文, 不纳入…议事协调机构管理) and
 * the sunset (…自行撤销). Pure.
 */
import type {
  BodyKind,
  BodyLevel,
  CharterBody,
  CharterFlags,
  Finding,
  FoundingDocument,
  Region,
  SourceSpan,
  Sunset,
} from '../charter-types.ts';
import type { DocumentStructure } from '../pipeline-types.ts';
import { findDates } from '../../text/dates.ts';
import { findRegionMentions, type RegionInfo, type RegionMention } from '../../region/regions.ts';

export interface HeaderResult {
  body: CharterBody;
  foundingDocument: FoundingDocument;
  flags: CharterFlags;
  sunset: Sunset | null;
  findings: Finding[];
}

/** Words a body's name ends with, longest first. */
const BODY_KIND_WORD =
  /(?:部门间联席会议|部际联席会议|联席会议|联席会|工作专班|专班|工作领导小组|领导小组|协调小组|工作小组|指挥部|委员会|工作组|推进组|小组)/gu;

/** What may follow a body's name in a title: the charter's own kind and the document's kind. */
const NAME_SUFFIX =
  /^》?(?:成员|组成人员|成员单位)?(?:工作|议事|实施|运行)?(?:制度|规则|规章制度|细则|章程|办法|规程|机制|名单|组成人员|组成人员名单|方案)?》?(?:的)?(?:通知|函|复函|决定|批复|意见|请示|报告)?$/u;

/** Verbs after which a body's name starts in a title or sentence. */
const NAME_LEAD = /(?:同意建立|同意成立|同意设立|建立|成立|设立|组建|调整|印发|关于|《)/gu;

export function kindOfName(name: string): BodyKind {
  if (/联席会议?$/u.test(name)) return 'joint_meeting';
  if (/专班$/u.test(name)) return 'task_force';
  if (/领导小组$/u.test(name)) return 'leading_group';
  if (/协调小组$/u.test(name)) return 'coordination_group';
  if (/指挥部$/u.test(name)) return 'command';
  return 'other';
}

interface NameHit {
  name: string;
  start: number;
  end: number;
}

/** `由某部门牵头的` / `由某部门负责的` before a body's name says who leads it; it is not part of the name. */
const LED_BY = /^由[^，。；：\n]{1,30}?(?:牵头|负责|主办)(?:建立|设立|成立)?的/u;

/** How many characters of a leading `由…牵头的` phrase to skip at the start of a name. */
function ledByLength(name: string): number {
  const m = LED_BY.exec(name);
  return m !== null && name.length - m[0].length >= 3 ? m[0].length : 0;
}

/** The body named by a title: the last body-kind word followed only by document suffixes. */
function nameFromTitle(title: string): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const m of title.matchAll(BODY_KIND_WORD)) {
    const end = m.index + m[0].length;
    if (!NAME_SUFFIX.test(title.slice(end))) continue;
    let start = 0;
    for (const lead of title.slice(0, m.index).matchAll(NAME_LEAD)) start = lead.index + lead[0].length;
    start += ledByLength(title.slice(start, end));
    if (end - start >= 3) best = { start, end };
  }
  return best;
}

/** A body established in the text: 同意建立/成立/设立 … (联席会议|专班|小组 …). */
function nameFromText(text: string): NameHit | null {
  const kinds = '(?:部门间联席会议|部际联席会议|联席会议|工作专班|专班|工作领导小组|领导小组|协调小组|工作小组|指挥部|委员会|工作组)';
  // A decision (同意建立, 决定成立) names the body before a plain mention (关于建立…的请示收悉)
  const decided = new RegExp(`(?:同意|决定)(?:建立|成立|设立|组建)([^，。；：、\\n（）“”]{2,50}?${kinds})`, 'u');
  const plain = new RegExp(`(?:建立|成立|设立|组建)([^，。；：、\\n（）“”]{2,50}?${kinds})`, 'u');
  const m = decided.exec(text) ?? plain.exec(text);
  if (!m || m[1] === undefined) return null;
  const skip = ledByLength(m[1]);
  const start = m.index + m[0].length - m[1].length + skip;
  return { name: m[1].slice(skip), start, end: start + m[1].length - skip };
}

/** The deepest region of the mentions that start a name and follow one another (某市某区 → 某区). */
function leadingRegion(s: string): RegionMention | null {
  const mentions = findRegionMentions(s);
  const first = mentions[0];
  if (!first || first.start !== 0) return null;
  let deepest = first;
  for (const m of mentions.slice(1)) {
    if (m.start !== deepest.end) break;
    deepest = m;
  }
  return deepest;
}

/** The first region named in a string, with the deepest of any run of adjacent mentions. */
function firstRegion(s: string): RegionMention | null {
  const mentions = findRegionMentions(s);
  const first = mentions[0];
  if (!first) return null;
  let deepest = first;
  for (const m of mentions.slice(1)) {
    if (m.start !== deepest.end) break;
    deepest = m;
  }
  return deepest;
}

function levelOf(region: RegionInfo): BodyLevel {
  if (region.level === 'province') return 'provincial';
  if (region.level === 'prefecture') return 'municipal';
  return 'county';
}

/**
 * The level a name implies by its wording alone, for regions the lookup does not know: 省政府…,
 * 某某省…, 某某自治区… → provincial; 市… / 某某市… → municipal; 县…, 某某县…, 某某旗… → county.
 */
function levelFromWording(name: string): BodyLevel | null {
  if (/^省/u.test(name)) return 'provincial';
  if (/^(?:县|区(?!域))/u.test(name)) return 'county';
  if (/^市(?!场)/u.test(name)) return 'municipal';
  // A chain of place names (某某市某某区…): the last one sets the level
  const chain = /^[\u4e00-\u9fff]{1,4}?(?:自治区|自治州|自治县|地区|省|市(?!场)|州|盟|县|区(?!域)|旗)(?:[\u4e00-\u9fff]{2,4}?(?:自治州|自治县|地区|市(?!场)|州|盟|县|区(?!域)|旗))*/u.exec(name.slice(0, 24));
  if (chain === null) return null;
  const last = chain[0];
  if (/(?:省|自治区)$/u.test(last)) return /^[\u4e00-\u9fff]{2,8}(?:省|自治区)$/u.test(last) ? 'provincial' : null;
  if (/(?:市|州|盟|地区)$/u.test(last)) return 'municipal';
  return 'county';
}

/**
 * The level the units named in the text share, when one prefix (省, 市, 县, 区) opens most unit
 * names (县发展改革局、县财政局 … → county), or null.
 */
function levelFromUnits(text: string): BodyLevel | null {
  const counts = { 省: 0, 市: 0, 县: 0, 区: 0 };
  const re = /(?<=[、，,：:由和及与\n（(])(省|市|县|区)(?:委|政府)?(?=[\u4e00-\u9fff]{1,10}?(?:局|厅|委|办|院|部|中心))/gu;
  for (const m of text.matchAll(re)) counts[m[1] as keyof typeof counts]++;
  const ranked = (Object.entries(counts) as Array<[keyof typeof counts, number]>).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top === undefined || top[1] < 2 || (second !== undefined && second[1] * 2 > top[1])) return null;
  return top[0] === '省' ? 'provincial' : top[0] === '市' ? 'municipal' : 'county';
}

const NATIONAL = /^(?:国务院|国家|全国|中共中央|中央)/u;

export function extractHeader(text: string, structure: DocumentStructure): HeaderResult {
  const findings: Finding[] = [];
  const title = structure.title;

  // Body name
  let hit: NameHit | null = null;
  const fromTitle = nameFromTitle(title.value);
  if (fromTitle) {
    const name = title.value.slice(fromTitle.start, fromTitle.end);
    const at = text.indexOf(name, title.source.start);
    hit = at !== -1 && at < title.source.end ? { name, start: at, end: at + name.length } : { name, ...title.source };
  }
  if (hit === null) {
    for (const doc of structure.documents.slice(1)) {
      const t = nameFromTitle(doc.title);
      if (!t) continue;
      const name = doc.title.slice(t.start, t.end);
      const at = text.indexOf(name, doc.source.start);
      hit = { name, start: at === -1 ? doc.source.start : at, end: at === -1 ? doc.source.start : at + name.length };
      break;
    }
  }
  hit ??= nameFromText(text);
  if (hit === null) {
    const fallback = title.value.replace(/^.*关于/u, '').replace(/(?:的)?(?:通知|函|决定|意见)$/u, '');
    hit = { name: fallback, start: title.source.start, end: title.source.end };
    findings.push({
      severity: 'warning',
      code: 'body_not_found',
      message: '未能从文本中识别所设立的议事协调机构名称，已以标题代替',
      source: title.source,
    });
  }

  // Region and level
  const issuer = structure.issuer;
  const metaValues = ['制定机关', '发文机关', '发布机关', '来源', '信息来源', '文章来源']
    .map((k) => structure.metadata[k])
    .filter((m): m is NonNullable<typeof m> => m !== undefined);
  const national =
    NATIONAL.test(hit.name) ||
    /部际/u.test(hit.name) ||
    (/全国/u.test(hit.name) && leadingRegion(hit.name) === null) ||
    (issuer !== null && /^(?:国务院|中共中央|国家)/u.test(issuer.value) && leadingRegion(hit.name) === null);

  let region: Region | null = null;
  let level: BodyLevel | null = null;
  let name = hit.name;
  if (national) {
    region = { name: '全国', code: null, source: null };
    level = 'national';
  } else {
    const own = leadingRegion(hit.name);
    let found: { region: RegionInfo; source: SourceSpan | null } | null = own
      ? { region: own.region, source: { start: hit.start + own.start, end: hit.start + own.end } }
      : null;
    const candidates: Array<{ value: string; source: SourceSpan }> = [
      { value: title.value, source: title.source },
      ...(issuer ? [issuer] : []),
      ...metaValues,
    ];
    for (const c of candidates) {
      if (found) break;
      const m = firstRegion(c.value);
      if (!m) continue;
      const at = text.indexOf(c.value.slice(m.start, m.end), c.source.start);
      found = { region: m.region, source: at === -1 ? null : { start: at, end: at + (m.end - m.start) } };
    }
    if (found) {
      region = { name: found.region.name, code: found.region.code, source: found.source };
      level = levelOf(found.region);
      // 市政府… / 县… : an unqualified government prefix takes the region's name
      const head = hit.name[0];
      if (!own && head !== undefined && '省市县区州盟旗'.includes(head) && found.region.name.endsWith(head)) {
        name = found.region.name + hit.name.slice(1);
      }
    } else {
      level = levelFromWording(hit.name) ?? (issuer ? levelFromWording(issuer.value) : null) ?? levelFromUnits(text);
    }
  }

  const body: CharterBody = {
    name,
    kind: kindOfName(hit.name),
    level,
    region,
    source: { start: hit.start, end: hit.end },
  };

  const firstDoc = structure.documents[0];
  const foundingDocument: FoundingDocument = {
    title: title.value,
    docNumber: structure.docNumber?.value.text ?? null,
    docNumberParts: structure.docNumber?.value.parts ?? null,
    issuer: issuer?.value ?? null,
    issueDate: structure.issueDate?.value ?? null,
    addressees: structure.addressees?.value ?? [],
    source: firstDoc ? firstDoc.source : title.source,
  };

  return { body, foundingDocument, flags: extractFlags(text), sunset: extractSunset(text), findings };
}

const FLAG_PATTERNS = {
  noSeal: /不(?:单独)?(?:刻制|刻|制发|启用|设立|设)(?:专用)?(?:印章|公章)/u,
  noFormalDocuments: /不(?:单独|对外)?(?:正式)?行文/u,
  notRegisteredBody: /不(?:纳入|列入|作为)[^。；，\n]{0,24}议事协调机构(?:管理|序列)?/u,
} as const;

export function extractFlags(text: string): CharterFlags {
  const find = (re: RegExp): SourceSpan | null => {
    const m = re.exec(text);
    return m ? { start: m.index, end: m.index + m[0].length } : null;
  };
  const noSeal = find(FLAG_PATTERNS.noSeal);
  const noFormalDocuments = find(FLAG_PATTERNS.noFormalDocuments);
  const notRegisteredBody = find(FLAG_PATTERNS.notRegisteredBody);
  return {
    noSeal: noSeal !== null,
    noFormalDocuments: noFormalDocuments !== null,
    notRegisteredBody: notRegisteredBody !== null,
    sources: { noSeal, noFormalDocuments, notRegisteredBody },
  };
}

const SUNSET = /(?:自行|自动|自然|即行)(?:撤销|撤消|解散|终止)|(?:完成|结束|届满)后(?:即行|即|自动)?(?:撤销|撤消|解散)/gu;
/** A clause abolishing another body (原…联席会议同时撤销) is not this body's sunset. */
const OTHER_BODY = /原[^，。；\n]{0,40}(?:联席会议|专班|小组|指挥部|委员会)|同时撤销|予以撤销/u;

/** A stated end of operation: 运行至2027年底, 存续期至2026年12月31日, 工作期限到2025年底. */
const RUNS_UNTIL = /(?:运行|存续|保留|设立|工作)(?:期|期限|时间)?(?:至|到|截至)(?=[0-9〇一二三四五六七八九○]{4}\s*年)/gu;

export function extractSunset(text: string): Sunset | null {
  for (const m of text.matchAll(RUNS_UNTIL)) {
    let end = m.index + m[0].length;
    while (end < text.length && end - m.index < 80 && !'，。；\n'.includes(text[end] ?? '')) end++;
    let start = m.index;
    while (start > 0 && m.index - start < 80 && !'，。；\n'.includes(text[start - 1] ?? '')) start--;
    const clause = text.slice(start, end);
    const date = findDates(clause)[0];
    if (date && !OTHER_BODY.test(clause)) return { date: date.iso, text: clause.trim(), source: { start, end } };
  }
  for (const m of text.matchAll(SUNSET)) {
    const end = m.index + m[0].length;
    let start = m.index;
    while (start > 0 && !'，。；\n'.includes(text[start - 1] ?? '')) start--;
    const clause = text.slice(start, end);
    if (OTHER_BODY.test(clause)) continue;
    const date = findDates(clause)[0];
    return { date: date ? date.iso : null, text: clause.trim(), source: { start, end } };
  }
  return null;
}
