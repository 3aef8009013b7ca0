/**
 * Role titles of a coordination body and the role kind each stands for (docs/glossary.md).
 *
 * The document's own title (召集人, 组长, 总指挥, 主任 …) is kept as display text on a role; its kind
 * is one of `convener`, `deputy_convener`, `member`, `liaison`. Pure: no I/O.
 */
import type { RoleKind } from '../charter-types.ts';

/** Presiding titles: the top of a body (召集人, 组长 …). */
const TOP_TITLES = ['总召集人', '召集人', '组长', '总指挥', '指挥长', '主任', '主席', '总负责人', '牵头人', '第一组长', '第一召集人'] as const;

/** Titles that sit above another top title when both are present (总召集人 over 召集人). */
const SUPERIOR_OF: Record<string, readonly string[]> = {
  召集人: ['总召集人', '第一召集人'],
  组长: ['第一组长', '总组长'],
  指挥长: ['总指挥'],
};

/** Prefixes that make a deputy title out of a top title (副组长, 第一副组长, 常务副召集人 …). */
const DEPUTY_PREFIXES = ['第一副', '常务副', '执行副', '副', '执行', '常务'] as const;

const MEMBER_TITLES = ['成员', '委员', '组员'] as const;
const LIAISON_TITLES = ['联络员'] as const;

/** Posts of the body's office; they are office posts, not roles of the body. */
export const OFFICE_POST_TITLES: ReadonlySet<string> = new Set([
  '办公室主任',
  '办公室副主任',
  '办公室常务副主任',
  '秘书长',
  '副秘书长',
]);

function buildDeputyTitles(): string[] {
  const out: string[] = [];
  for (const top of TOP_TITLES) {
    if (top.startsWith('第一') || top.startsWith('总负责')) continue;
    for (const prefix of DEPUTY_PREFIXES) out.push(`${prefix}${top}`);
  }
  // 副总召集人, 副总指挥
  out.push('副总召集人', '副总指挥', '常务副总指挥');
  return out;
}

const DEPUTY_TITLES: readonly string[] = buildDeputyTitles();

/** Every title that names a role of the body itself (not of its office). */
export const BODY_ROLE_TITLES: ReadonlySet<string> = new Set<string>([
  ...TOP_TITLES,
  ...DEPUTY_TITLES,
  ...MEMBER_TITLES,
  ...LIAISON_TITLES,
]);

/** Every known title: body roles and office posts. */
export const KNOWN_ROLE_TITLES: ReadonlySet<string> = new Set<string>([...BODY_ROLE_TITLES, ...OFFICE_POST_TITLES]);

/** Known titles, longest first (for building patterns). */
export const KNOWN_ROLE_TITLES_BY_LENGTH: readonly string[] = [...KNOWN_ROLE_TITLES].sort((a, b) => b.length - a.length);

export interface RoleTitleContext {
  /** The other titles used for the same body (roster headings, positional clauses), spaces folded. */
  titles?: readonly string[];
}

/** A title with every kind of whitespace removed (`召 集 人` → 召集人, `成  员` → 成员). */
export function foldTitle(title: string): string {
  return title.replace(/[\s\u3000\u00a0]+/gu, '');
}

/** Whether the title names a role of the body (召集人, 副组长, 成员, 联络员 …). */
export function isBodyRoleTitle(title: string): boolean {
  return BODY_ROLE_TITLES.has(foldTitle(title));
}

/**
 * The role kind a title stands for, or null when it names no role of the body (an office post such
 * as 办公室主任, or an unknown title).
 *
 * - 召集人, 组长, 总召集人, 总指挥, 指挥长, 主任 (of a 专班), 主席 → `convener`;
 * - 副召集人, 副组长, 第一副组长, 常务副组长, 副总指挥, 副指挥长, 副主任 → `deputy_convener`;
 * - a top title with a superior title in `context.titles` (召集人 under 总召集人, 指挥长 under 总指挥)
 *   → `deputy_convener`; two co-召集人 with nobody above are both `convener`;
 * - 成员, 委员 → `member`; 联络员 → `liaison`.
 */
export function roleKindOfTitle(title: string, context: RoleTitleContext = {}): RoleKind | null {
  const t = foldTitle(title);
  if (OFFICE_POST_TITLES.has(t)) return null;
  if ((MEMBER_TITLES as readonly string[]).includes(t)) return 'member';
  if ((LIAISON_TITLES as readonly string[]).includes(t)) return 'liaison';
  const present = new Set((context.titles ?? []).map(foldTitle));
  if ((TOP_TITLES as readonly string[]).includes(t)) {
    const superiors = SUPERIOR_OF[t] ?? [];
    return superiors.some((s) => present.has(s)) ? 'deputy_convener' : 'convener';
  }
  if (DEPUTY_TITLES.includes(t)) return 'deputy_convener';
  return null;
}
