/**
 * Breaking a document's title (标题, 2号 小标宋, centred) into lines as offices set it: at word
 * boundaries, never inside a word ("落 / 实") or a number with its unit ("2026 / 年"), in the shape
 * of an inverted pyramid (each line no longer than the one above, 倒梯形) and as balanced as that
 * allows. Pure. Word boundaries come from a small lexicon of the words 公文 titles are made of —
 * best after the end of a body's or meeting's name (…联席会议 / 第一次全体会议) — the region suffixes
 * (省 市 县 区) and 的 before the document kind; elsewhere a break is allowed but costs more, so an
 * unknown name is split only when nothing better fits.
 */

/** Words of 公文 titles (longest match first). */
const LEXICON = [
  '关于', '召开', '印发', '开展', '做好', '加强', '推进', '建立', '调整', '成立', '撤销', '进一步', '组织',
  '部门间', '联席会议', '领导小组', '协调小组', '工作专班', '指挥部', '委员会', '办公室', '联络员',
  '工作', '议定事项', '落实情况', '落实', '情况', '全体会议', '专题会议', '工作会议', '会议', '纪要',
  '通知', '通报', '报告', '意见', '方案', '要点', '年度', '成员单位', '有关', '事项', '制度', '机制',
  '督办', '推动', '贯彻', '部署', '安排', '重点', '任务', '规则', '职责', '分工',
].sort((a, b) => b.length - a.length);

/** Words that end a body's or a meeting's name: the best places to break after. */
const NAME_END = new Set(['联席会议', '领导小组', '协调小组', '工作专班', '指挥部', '委员会', '办公室', '全体会议', '专题会议', '工作会议', '关于', '召开', '印发']);

/** Characters that end a place name (广东省 / 广州市 / 天河区): a good place to break after. */
const REGION_END = new Set([...'省市县区州盟旗']);

/** What follows a number as one word: 2026年, 3月, 第1次, 10个. */
const NUMBER_UNIT = new Set([...'年月日号期次个项条']);

/** Cost of breaking before character i (1 <= i < n): 0 at a word boundary, Infinity where never. */
export function titleBreakCosts(title: string): number[] {
  const chars = [...title];
  const n = chars.length;
  const costs = new Array<number>(n + 1).fill(4);
  // inside a lexicon word: never; at its edges: free
  let i = 0;
  while (i < n) {
    const word = LEXICON.find((w) => chars.slice(i, i + [...w].length).join('') === w);
    if (word === undefined) {
      i += 1;
      continue;
    }
    const length = [...word].length;
    for (let k = i + 1; k < i + length; k += 1) costs[k] = Infinity;
    if (costs[i] !== Infinity) costs[i] = Math.min(costs[i] ?? 2, 2);
    costs[i + length] = NAME_END.has(word) ? 0 : 2;
    i += length;
  }
  for (let k = 1; k < n; k += 1) {
    const before = chars[k - 1] ?? '';
    const after = chars[k] ?? '';
    if (costs[k] !== Infinity && REGION_END.has(before)) costs[k] = Math.min(costs[k] ?? 4, 1);
    if (after === '的' && costs[k] !== Infinity) costs[k] = 0;
    // numbers and their unit, 第…次 / 第…期
    const digit = /[0-9０-９一二三四五六七八九十百零]/u;
    if (/[0-9]/u.test(before) && (/[0-9]/u.test(after) || NUMBER_UNIT.has(after))) costs[k] = Infinity;
    if (before === '第' || (digit.test(before) && (digit.test(after) || NUMBER_UNIT.has(after)) && chars.slice(0, k).lastIndexOf('第') >= k - 4)) costs[k] = Infinity;
    if (before === '的') costs[k] = Infinity;
    // no closing mark at a line start, no opening one at a line end
    if (/[，。、；：）》”]/u.test(after) || /[（《“]/u.test(before)) costs[k] = Infinity;
  }
  costs[0] = Infinity;
  costs[n] = 0;
  return costs;
}

/**
 * The title's lines: as few as fit `maxChars` a line, broken where it costs least, each line no
 * longer than the one above where possible, then as even as possible.
 */
export function breakTitle(title: string, maxChars: number): string[] {
  const chars = [...title];
  const n = chars.length;
  if (n <= maxChars) return [title];
  const costs = titleBreakCosts(title);
  const minLines = Math.ceil(n / maxChars);
  for (let lines = minLines; lines <= minLines + 2; lines += 1) {
    const best = bestPartition(n, lines, maxChars, costs);
    if (best !== null) {
      const out: string[] = [];
      let start = 0;
      for (const end of [...best, n]) {
        out.push(chars.slice(start, end).join(''));
        start = end;
      }
      return out;
    }
  }
  // no partition honours the rules: plain cuts of maxChars
  const out: string[] = [];
  for (let start = 0; start < n; start += maxChars) out.push(chars.slice(start, start + maxChars).join(''));
  return out;
}

function bestPartition(n: number, lines: number, maxChars: number, costs: readonly number[]): number[] | null {
  let best: { breaks: number[]; score: number } | null = null;
  const walk = (start: number, left: number, breaks: number[]): void => {
    if (left === 1) {
      if (n - start > maxChars || n - start < 1) return;
      const ends = [...breaks, n];
      const lengths = ends.map((end, i) => end - (i === 0 ? 0 : (ends[i - 1] ?? 0)));
      const score = shapeScore(lengths) + breaks.reduce((sum, b) => sum + (costs[b] ?? 0) * 3, 0);
      if (Number.isFinite(score) && (best === null || score < best.score)) best = { breaks: [...breaks], score };
      return;
    }
    for (let end = start + 1; end <= Math.min(n - 1, start + maxChars); end += 1) {
      if (costs[end] === Infinity) continue;
      breaks.push(end);
      walk(end, left - 1, breaks);
      breaks.pop();
    }
  };
  walk(0, lines, []);
  return (best as { breaks: number[]; score: number } | null)?.breaks ?? null;
}

/** Lower is better: a line longer than the one above costs much, uneven lines a little. */
function shapeScore(lengths: readonly number[]): number {
  let score = 0;
  for (let i = 1; i < lengths.length; i += 1) {
    const rise = (lengths[i] ?? 0) - (lengths[i - 1] ?? 0);
    if (rise > 0) score += 10 * rise;
  }
  const longest = Math.max(...lengths);
  const shortest = Math.min(...lengths);
  return score + (longest - shortest) * 0.5;
}
