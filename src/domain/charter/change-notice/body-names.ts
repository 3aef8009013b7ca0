/**
 * Names of coordination bodies inside a text: a run of words ending in a body-kind word
 * (领导小组, 联席会议, 工作专班, 指挥部 …), cut after the verb or connective that precedes it
 * (关于调整…, 撤销…, …和…). Generic references (该领导小组, 上述机构, bare 联席会议) are not names.
 * Linear in the text. Pure.
 */
import type { NamedSpan } from './change-notice-types.ts';

const BODY_SUFFIX = /(?:部际联席会议|联席会议制度|联席会议|领导小组|协调小组|工作小组|工作专班|指挥部|联合工作组|工作组|协调机制|推进小组)/gu;

/** Characters a body name may hold (CJK, digits, quotes and parentheses as used inside names). */
const NAME_CHAR = /[\u4e00-\u9fff0-9０-９“”"‘’《》（）()·]/u;

/** Words that stand before a name and are not part of it, longest first. */
const LEADING = [
  '关于同意调整', '关于调整充实', '关于同意撤销', '关于调整', '关于撤销', '关于充实', '关于成立', '关于建立', '关于设立', '关于同意', '关于',
  '调整充实', '调整和撤销', '调整', '充实', '撤销', '撤消', '保留', '同意', '决定', '成立', '建立', '设立', '组建',
  '现对', '对', '将', '原', '和', '及', '与', '以及', '、', '现', '经', '为', '由', '的', '了',
];

/** References that are not names of their own. */
const GENERIC_START = /^(?:该|上述|本|其|各|此|相关|有关|以下|下列|部分|这些)/u;

const MIN_NAME_LENGTH = 6;

/** Words after which a name starts: the issuer before 关于, a verb or a preposition before the name. */
const CUT_AFTER = /(?:关于|担任|兼任|撤销|撤消|调整为|更名为|改为|调整充实了|调整充实|充实了|充实|调整了|决定|同意|成立|建立|设立|组建|保留|为|由|对|将|在|把|同志|中|的)/gu;

function stripLeading(name: string): string {
  let cut = 0;
  CUT_AFTER.lastIndex = 0;
  for (let m = CUT_AFTER.exec(name); m !== null; m = CUT_AFTER.exec(name)) cut = m.index + m[0].length;
  let out = name.slice(cut);
  for (let changed = true; changed; ) {
    changed = false;
    for (const word of LEADING) {
      if (out.startsWith(word) && out.length - word.length >= MIN_NAME_LENGTH) {
        out = out.slice(word.length);
        changed = true;
        break;
      }
    }
  }
  return out.replace(/^(?:[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．])/u, '').replace(/^[“"‘]+/u, '');
}

/** Every body name in `text[from, to)` in order, with its span (unique by name, first mention kept). */
export function findBodyNames(text: string, from = 0, to = text.length): NamedSpan[] {
  const found: NamedSpan[] = [];
  const seen = new Set<string>();
  BODY_SUFFIX.lastIndex = from;
  let floor = from;
  for (let m = BODY_SUFFIX.exec(text); m !== null && m.index < to; m = BODY_SUFFIX.exec(text)) {
    const end = m.index + m[0].length - (m[0].endsWith('制度') ? 2 : 0);
    if (end > to) break;
    let start = m.index;
    while (start > floor && NAME_CHAR.test(text[start - 1] ?? '')) start -= 1;
    floor = m.index + m[0].length;
    const raw = text.slice(start, end);
    const name = stripLeading(raw);
    // 联席会议办公室 / 领导小组组长 continue a name already given: a reference, not a new body.
    if (name.length < MIN_NAME_LENGTH || GENERIC_START.test(name)) continue;
    if (seen.has(name)) continue;
    seen.add(name);
    found.push({ name, source: { start: end - name.length, end } });
  }
  return found;
}
