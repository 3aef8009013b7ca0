/**
 * Text → Actor: finds the roles a rule sentence names (召集人, 副组长, 办公室主任, 各专题组 …).
 *
 * The vocabulary is the general one of Chinese coordination bodies; the body's own role titles
 * (from the composition's roster) are added to it, and the body's names (its full name, the name
 * it gives itself with 以下简称, the generic kind words) are recognised as the body itself. Pure.
 */
import type { Actor, Role } from '../charter-types.ts';

/** What a bare title refers to in the document it appears in. */
export type DocumentSubject = 'body' | 'office' | 'group';

export interface ActorMention {
  actor: Actor;
  /** The title as written, e.g. 组长, 协调小组办公室主任 */
  title: string;
  start: number;
  end: number;
}

interface VocabularyEntry {
  term: string;
  actor: Actor;
  /** Whether the term is a role title of the body (召集人, 组长 …), checked against the roster */
  bodyRoleTitle: boolean;
}

/** Generic words by which a body names itself. */
export const BODY_KIND_WORDS = ['部际联席会议', '部门间联席会议', '联席会议', '工作专班', '专班', '协调小组', '领导小组'];

/** Sub-structures whose members are groups (专题组, 保障组 …). */
export const GROUP_WORDS = ['专题组', '保障组', '工作组', '专项小组', '专项组', '协调类别'];

const BASE_VOCABULARY: VocabularyEntry[] = [
  { term: '办公室常务副主任', actor: 'office_deputy_director', bodyRoleTitle: false },
  { term: '办公室副主任', actor: 'office_deputy_director', bodyRoleTitle: false },
  { term: '办公室主任', actor: 'office_director', bodyRoleTitle: false },
  { term: '办公室', actor: 'office', bodyRoleTitle: false },
  { term: '办事机构', actor: 'office', bodyRoleTitle: false },
  ...GROUP_WORDS.flatMap((g) => [
    { term: `${g}副组长`, actor: 'group_leader' as const, bodyRoleTitle: false },
    { term: `${g}组长`, actor: 'group_leader' as const, bodyRoleTitle: false },
    { term: g, actor: 'group' as const, bodyRoleTitle: false },
  ]),
  { term: '第一召集人', actor: 'convener', bodyRoleTitle: true },
  { term: '总召集人', actor: 'convener', bodyRoleTitle: true },
  { term: '副召集人', actor: 'deputy_convener', bodyRoleTitle: true },
  { term: '召集人', actor: 'convener', bodyRoleTitle: true },
  { term: '常务副组长', actor: 'deputy_convener', bodyRoleTitle: true },
  { term: '副组长', actor: 'deputy_convener', bodyRoleTitle: true },
  { term: '组长', actor: 'convener', bodyRoleTitle: true },
  { term: '成员单位', actor: 'member_unit', bodyRoleTitle: false },
  { term: '与会单位', actor: 'member_unit', bodyRoleTitle: false },
  { term: '组成单位', actor: 'member_unit', bodyRoleTitle: false },
  { term: '组成人员', actor: 'member', bodyRoleTitle: false },
  { term: '成员', actor: 'member', bodyRoleTitle: false },
  { term: '联络员', actor: 'liaison', bodyRoleTitle: false },
];

/** Titles the vocabulary knows as the body's convener / deputy convener titles. */
export const BODY_ROLE_TITLES: readonly string[] = BASE_VOCABULARY.filter((e) => e.bodyRoleTitle).map((e) => e.term);

/** Words after which a title is not an actor (组长单位 is a unit, 联络员会议 a meeting, 成员名单 a list). */
const NOT_ACTOR_AFTER = /^(单位|会议|制度|名单|职责)/;

export interface ActorVocabularyOptions {
  /** Names of the body: full name, short name (以下简称…) */
  bodyNames: string[];
  /** Roster roles of the body (composition.roles) */
  roles: Role[];
}

/** The vocabulary for one charter, longest terms first. */
export class ActorVocabulary {
  private readonly entries: VocabularyEntry[];
  private readonly bodyNames: string[];

  constructor(options: ActorVocabularyOptions) {
    const entries = [...BASE_VOCABULARY];
    // The body's own composition says what its titles mean: under a 总召集人, 召集人 is a deputy.
    const presidingKinds = new Map<string, Set<Actor>>();
    for (const role of options.roles) {
      if (role.kind !== 'convener' && role.kind !== 'deputy_convener') continue;
      const title = role.title.replace(/\s+/g, '');
      presidingKinds.set(title, (presidingKinds.get(title) ?? new Set<Actor>()).add(role.kind));
    }
    for (const [title, kinds] of presidingKinds) {
      const [kind] = [...kinds];
      const at = entries.findIndex((e) => e.term === title && e.bodyRoleTitle);
      if (kinds.size === 1 && kind !== undefined && at >= 0) entries[at] = { term: title, actor: kind, bodyRoleTitle: true };
    }
    for (const role of options.roles) {
      const title = role.title.replace(/\s+/g, '');
      if (title.length === 0 || entries.some((e) => e.term === title)) continue;
      entries.push({ term: title, actor: role.kind, bodyRoleTitle: role.kind === 'convener' || role.kind === 'deputy_convener' });
    }
    this.entries = entries.sort((a, b) => b.term.length - a.term.length);
    const names = new Set<string>([...options.bodyNames.filter((n) => n.length >= 2), ...BODY_KIND_WORDS]);
    this.bodyNames = [...names].sort((a, b) => b.length - a.length);
    // Indexed by first character, longest first, so that a scan tests only what can start there
    for (const e of this.entries) pushTo(this.entriesByFirst, e.term[0] ?? '', e);
    for (const n of this.bodyNames) pushTo(this.namesByFirst, n[0] ?? '', n);
  }

  private readonly entriesByFirst = new Map<string, VocabularyEntry[]>();
  private readonly namesByFirst = new Map<string, string[]>();

  /**
   * Every actor named in `text`, left to right. `subject` says whose rules the text belongs to: in a
   * group's rules a bare 组长 is the group's leader, not the body's.
   */
  find(text: string, subject: DocumentSubject = 'body'): ActorMention[] {
    const out: ActorMention[] = [];
    let i = 0;
    while (i < text.length) {
      const bodyName = this.namesByFirst.get(text[i] ?? '')?.find((n) => text.startsWith(n, i));
      if (bodyName !== undefined) {
        const after = i + bodyName.length;
        const skipGe = text[after] === '各' && this.entryAt(text, after) === undefined ? 1 : 0;
        const next = this.entryAt(text, after + skipGe);
        if (next !== undefined) {
          // 协调小组组长, 联席会议办公室, 联席会议各成员单位: the body's own title, qualified by its name.
          const end = after + skipGe + next.term.length;
          out.push({ actor: next.actor, title: text.slice(i, end), start: i, end });
          i = end;
          continue;
        }
        // 协调小组会议 is a meeting, not the body acting.
        if (!text.startsWith('会议', after)) out.push({ actor: 'body', title: bodyName, start: i, end: after });
        i = after;
        continue;
      }
      const entry = this.entryAt(text, i);
      if (entry !== undefined) {
        const end = i + entry.term.length;
        if (entry.actor !== 'office' && NOT_ACTOR_AFTER.test(text.slice(end))) {
          i = end;
          continue;
        }
        let actor = entry.actor;
        if (subject === 'group' && (entry.term === '组长' || entry.term === '副组长') && !this.qualifiedByBody(text, i)) {
          actor = 'group_leader';
        }
        out.push({ actor, title: entry.term, start: i, end });
        i = end;
        continue;
      }
      i += 1;
    }
    return out;
  }

  /** Distinct actors named in `text`, in order. */
  actors(text: string, subject: DocumentSubject = 'body'): Actor[] {
    return uniqueActors(this.find(text, subject).map((m) => m.actor));
  }

  /** Whether `text` consists of actor titles only (joined by 或, 和, 及, 、). */
  isOnlyActors(text: string, subject: DocumentSubject = 'body'): boolean {
    const mentions = this.find(text, subject);
    if (mentions.length === 0) return false;
    let rest = text;
    for (const m of [...mentions].reverse()) rest = rest.slice(0, m.start) + rest.slice(m.end);
    return /^[\s或和及与、，,（）()其委托的各分别有关协调小组市县区省]*$/.test(rest.replace(/由/g, ''));
  }

  private entryAt(text: string, i: number): VocabularyEntry | undefined {
    return this.entriesByFirst.get(text[i] ?? '')?.find((e) => text.startsWith(e.term, i));
  }

  private qualifiedByBody(text: string, i: number): boolean {
    return this.bodyNames.some((n) => text.slice(Math.max(0, i - n.length), i) === n);
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function uniqueActors(actors: Actor[]): Actor[] {
  return [...new Set(actors)];
}
