/**
 * Validation of an imported charter: findings about what the text states against what was
 * extracted (Chinese message, stable code, source span). Pure.
 *
 * Codes:
 * - `member_count_mismatch` — the stated number of member units differs from the units listed.
 * - `unit_lead_and_member` — a unit is both lead unit and member unit of one group.
 * - `undefined_role_title` — the text uses a presiding role title (召集人, 组长 …) that the
 *   composition never defines.
 * - `text_truncated` — the text looks cut off at its end.
 * - `no_doc_number` — the founding document has no document number of its own.
 * - `role_without_person` — a convener or deputy is given only by post (组长由分管副市长担任), or
 *   members only by post: the importer names no one it cannot read (one finding per presiding
 *   role, one for all such members).
 */
import type { Charter, Finding, SourceSpan } from './charter-types.ts';
import type { DocumentStructure } from './pipeline-types.ts';

export type CharterDraft = Omit<Charter, 'findings'>;

/** Presiding role titles and the titles that define the same role with another word. */
const ROLE_TITLES = ['召集人', '副召集人', '组长', '副组长', '总召集人', '指挥长', '副指挥长', '总指挥', '副总指挥'];

const TRUNCATION_MESSAGES: Record<string, string> = {
  ends_with_heading: '文本疑似不完整：最后一个编号标题之后没有正文',
  unterminated_sentence: '文本疑似不完整：最后一句没有结束标点',
  partial_preview: '文本疑似不完整：来源页面声明仅部分预览，且文末没有落款、日期或施行条款',
};

/** Strips a carried-over level prefix so that 省甲厅 and 甲厅 compare equal. */
function unitKey(name: string): string {
  return name.replace(/\s+/gu, '').replace(/^(?:省|市|县|区|自治区)(?=.{2,})/u, '').replace(/等$/u, '');
}

export function validateCharter(charter: CharterDraft, structure: DocumentStructure, earlier: Finding[]): Finding[] {
  const findings: Finding[] = [...earlier];
  const text = charter.normalizedText;

  if (charter.memberUnitsStated !== null && charter.memberUnitsStated !== charter.memberUnits.length) {
    const stated = findStatedCount(text, charter.memberUnitsStated);
    findings.push({
      severity: 'warning',
      code: 'member_count_mismatch',
      message: `文件称成员单位共${charter.memberUnitsStated}个，实际列出${charter.memberUnits.length}个`,
      ...(stated ? { source: stated } : {}),
    });
  }

  for (const group of charter.groups) {
    const members = new Map(group.memberUnits.map((u) => [unitKey(u), u]));
    for (const lead of group.leadUnits) {
      if (!members.has(unitKey(lead))) continue;
      findings.push({
        severity: 'warning',
        code: 'unit_lead_and_member',
        message: `${lead}在“${group.name}”中既是牵头单位又是成员单位`,
        source: group.source,
      });
    }
  }

  const defined = new Set(charter.roles.map((r) => r.title));
  const presiding = charter.roles.some((r) => r.kind === 'convener' || r.kind === 'deputy_convener');
  if (presiding) {
    for (const title of ROLE_TITLES) {
      if (defined.has(title)) continue;
      const used = findRoleTitleUse(text, title);
      if (used === null) continue;
      const names = [...defined].filter((t) => ROLE_TITLES.includes(t)).join('、');
      findings.push({
        severity: 'warning',
        code: 'undefined_role_title',
        message: `文中使用了“${title}”，但本机构的组成中未设该职务（已设：${names}）`,
        source: used,
      });
    }
  }

  if (structure.truncated) {
    const reason = structure.truncation?.reason ?? 'unterminated_sentence';
    findings.push({
      severity: 'warning',
      code: 'text_truncated',
      message: TRUNCATION_MESSAGES[reason] ?? '文本疑似不完整',
      ...(structure.truncation ? { source: structure.truncation.source } : {}),
    });
  }

  if (charter.memberUnits.length === 0) {
    findings.push({
      severity: 'warning',
      code: 'no_member_units',
      message: '文中未列出成员单位：督办事项须由成员单位承办，发布前请在更正中补充成员单位',
      source: structure.title.source,
    });
  }

  findings.push(...vacantRoleFindings(charter));

  if (charter.foundingDocument.docNumber === null) {
    findings.push({
      severity: 'info',
      code: 'no_doc_number',
      message: '未找到本文件的发文字号',
      source: structure.title.source,
    });
  }

  return dedupe(findings);
}

/** Roles the text gives by post only: the person must be named by the office (a correction). */
function vacantRoleFindings(charter: CharterDraft): Finding[] {
  const out: Finding[] = [];
  for (const role of charter.roles) {
    if (role.person !== null || (role.kind !== 'convener' && role.kind !== 'deputy_convener')) continue;
    out.push({
      severity: 'info',
      code: 'role_without_person',
      message: `${role.title}${role.position ? `（${role.position}）` : ''}未写明人员姓名，请在更正中指定担任人员`,
      source: role.source,
    });
  }
  const members = charter.roles.filter((r) => r.kind === 'member' && r.person === null);
  const first = members[0];
  if (first !== undefined) {
    out.push({
      severity: 'info',
      code: 'role_without_person',
      message: `${members.length}名成员仅写明单位或职务、未写明姓名，请在更正中指定担任人员`,
      source: first.source,
    });
  }
  return out;
}

/** Span of the stated count (35个部门和单位) in the text, where it can be found. */
function findStatedCount(text: string, count: number): SourceSpan | null {
  const re = new RegExp(`(?<![0-9])${count}个(?:部门和单位|成员单位|部门|单位)`, 'u');
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/**
 * First use of a presiding title for the body itself — not 副召集人 for 召集人, not a group's own
 * leader (专题组组长, 组长单位).
 */
function findRoleTitleUse(text: string, title: string): SourceSpan | null {
  let from = 0;
  for (;;) {
    const at = text.indexOf(title, from);
    if (at === -1) return null;
    from = at + title.length;
    const before = text[at - 1] ?? '';
    const after = text.slice(from, from + 2);
    if (!title.startsWith('副') && before === '副') continue;
    if (!title.startsWith('总') && before === '总') continue;
    if (title.endsWith('组长') && (before === '组' || after.startsWith('单位'))) continue;
    return { start: at, end: from };
  }
}

/** Codes a charter can have at most once. */
const SINGLETON_CODES = new Set(['member_count_mismatch', 'text_truncated', 'no_doc_number', 'no_member_units', 'body_not_found']);

/**
 * Keeps one finding per code for singleton codes and one per code and span (or message) otherwise;
 * the first one wins, so the extractors' own findings take precedence over validation's.
 */
export function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const keys = SINGLETON_CODES.has(f.code)
      ? [f.code]
      : [`${f.code}|${f.message}`, ...(f.source ? [`${f.code}|${f.source.start}-${f.source.end}`] : [])];
    if (keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    out.push(f);
  }
  return out;
}
