/**
 * Role titles the rules use but the body's composition never defines (a charter whose roster has
 * 组长 and 副组长 but whose rules mention a 召集人): finding `undefined_role_title`. Pure.
 */
import type { Finding } from '../charter-types.ts';
import type { CompositionResult } from '../pipeline-types.ts';
import type { RuleContext } from './rules-context.ts';
import { subjectOf } from './rules-context.ts';

/** One warning per title the rules use for the body's convener or deputy that the roster lacks. */
export function undefinedRoleTitleFindings(rc: RuleContext, composition: CompositionResult): Finding[] {
  if (composition.roles.length === 0) return [];
  const defined = new Set(composition.roles.map((r) => r.title.replace(/\s+/g, '')));
  const presiding = [
    ...new Set(composition.roles.filter((r) => r.kind === 'convener' || r.kind === 'deputy_convener').map((r) => r.title.replace(/\s+/g, ''))),
  ];
  if (presiding.length === 0) return [];
  const reported = new Set<string>();
  const out: Finding[] = [];
  for (const s of rc.sentences) {
    if (subjectOf(rc, s) === 'group') continue;
    for (const m of rc.vocabulary.find(s.text, 'body')) {
      if (m.actor !== 'convener' && m.actor !== 'deputy_convener') continue;
      const title = bareTitle(rc, m.title);
      if (defined.has(title) || reported.has(title)) continue;
      reported.add(title);
      // Same wording as validation's check (validate.ts), so that the two collapse into one finding.
      const found = rc.ctx.text.indexOf(title, s.start);
      const start = found >= 0 && found < s.end ? found : s.start;
      out.push({
        severity: 'warning',
        code: 'undefined_role_title',
        message: `文中使用了“${title}”，但本机构的组成中未设该职务（已设：${presiding.join('、')}）`,
        source: { start, end: Math.min(start + title.length, s.end) },
      });
    }
  }
  return out;
}

/** 协调小组组长 → 组长: the title without the body's name before it. */
function bareTitle(rc: RuleContext, title: string): string {
  for (const n of rc.names) if (title.startsWith(n)) return title.slice(n.length).replace(/^各/, '');
  for (const n of ['联席会议', '工作专班', '专班', '协调小组', '领导小组']) if (title.startsWith(n)) return title.slice(n.length);
  return title;
}
