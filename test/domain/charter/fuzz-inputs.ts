/**
 * Inputs that have made the importer slow or crash (issue 17 point 4): the seeds mutated — special-
 * character soups of brackets, 、 and digits spliced in, ranges deleted or repeated, line breaks and
 * punctuation stripped (long runs without punctuation), one character or one keyword repeated
 * thousands of times. Shared by the fuzz property test (fast-check) and the long fuzz run
 * (bench/import-fuzz.ts, a seeded generator: the same seed gives the same inputs).
 */
import fc from 'fast-check';
import { seeds } from './seed-files.ts';

export const seedTexts: readonly string[] = Object.values(seeds);

/** Characters of the "special-character soup". */
export const SOUP_CHARS: readonly string[] = [
  ...'（）()[]【】〔〕《》“”、，。；：,.:;·—-\n\t 　0123456789０１２３一二三四五六七八九十百零〇',
];

/** Words the extractors key on: repeated without punctuation they make long runs of matches. */
export const KEYWORDS: readonly string[] = [
  '由', '等', '组成', '成员', '成员单位：', '为成员单位', '牵头', '负责同志', '担任', '任组长', '组长：', '副组长：',
  '召集人', '办公室设在', '联络员', '变动', '主任', '副市长', '市', '县委', '局', '、', '（', '《', '简报》', '召开前',
  '会议', '每年', '至少', '次', '工作日', '个', '十', '第一条', '一、', '（一）', '附件：', '来源：', '索引号', '〔2020〕', '号',
  '年', '月', '日', '撤销', '调整', '指挥部', '王某某', '同志',
];

/** A seeded random source (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)] as T;
}

function int(random: () => number, max: number): number {
  return Math.floor(random() * (max + 1));
}

function soup(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += pick(random, SOUP_CHARS);
  return s;
}

/** One mutation of `s`. */
function mutateOnce(random: () => number, s: string): string {
  const at = int(random, s.length);
  switch (int(random, 9)) {
    case 0:
      return s.slice(0, at) + soup(random, 1 + int(random, 3000)) + s.slice(at);
    case 1:
      return s.slice(0, at) + s.slice(at + int(random, 3000));
    case 2: {
      const piece = s.slice(at, at + int(random, 2000));
      return s.slice(0, at) + piece.repeat(1 + int(random, 8)) + s.slice(at);
    }
    case 3:
      return s.replace(/\r?\n/g, random() < 0.5 ? '' : ' ');
    case 4:
      return s.slice(0, at) + pick(random, SOUP_CHARS).repeat(int(random, 8000)) + s.slice(at);
    case 5:
      return s.replace(/[，。；、：]/g, '');
    case 6:
      return s.slice(0, at) + pick(random, KEYWORDS).repeat(1 + int(random, 3000)) + s.slice(at);
    case 7: {
      const other = pick(random, seedTexts);
      const from = int(random, other.length);
      return s.slice(0, at) + other.slice(from, from + int(random, 6000)) + s.slice(at);
    }
    case 8: {
      // Random code points, control characters and lone surrogates included
      let junk = '';
      for (let i = int(random, 200); i > 0; i--) junk += String.fromCharCode(int(random, 0xffff));
      return s.slice(0, at) + junk + s.slice(at);
    }
    default: {
      let mixed = '';
      for (let i = int(random, 400); i > 0; i--) mixed += random() < 0.5 ? pick(random, KEYWORDS) : pick(random, SOUP_CHARS);
      return s.slice(0, at) + mixed + s.slice(at);
    }
  }
}

/** A mutated seed of at most `maxChars` characters. */
export function mutatedSeed(random: () => number, maxChars: number): string {
  let s = pick(random, seedTexts);
  if (random() < 0.3) s = s.slice(int(random, s.length));
  for (let k = 1 + int(random, 5); k > 0; k--) s = mutateOnce(random, s);
  return s.slice(0, maxChars);
}

/**
 * A 1 MB adversarial document: a founding document's opening, then blocks of every keyword and
 * soup character repeated without punctuation, then a seed flattened into one line, repeated.
 */
export function adversarialDocument(bytes: number): string {
  const random = seededRandom(17);
  const blocks: string[] = ['关于成立某某工作领导小组的通知\n'];
  let size = 0;
  let k = 0;
  while (size < bytes) {
    let block: string;
    if (k % 3 === 0) block = pick(random, KEYWORDS).repeat(300 + int(random, 3000));
    else if (k % 3 === 1) block = soup(random, 2000 + int(random, 6000));
    else block = pick(random, seedTexts).replace(/[\r\n，。；]/g, '');
    blocks.push(block);
    size += Buffer.byteLength(block);
    k++;
  }
  let text = blocks.join('');
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, Math.floor(text.length * 0.98));
  return text;
}

/** fast-check: a mutated seed up to `maxChars` (the mutation is drawn from a seed fast-check chooses). */
export function mutatedSeedArbitrary(maxChars: number): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 0x7fffffff }).map((seed) => mutatedSeed(seededRandom(seed), maxChars));
}

/** fast-check: a soup of brackets, 、, digits and keywords, as one long run or with line breaks. */
export function soupArbitrary(maxLength: number): fc.Arbitrary<string> {
  const unit = fc.oneof(fc.constantFrom(...SOUP_CHARS), fc.constantFrom(...KEYWORDS));
  return fc.array(unit, { maxLength }).map((parts) => parts.join(''));
}

/** fast-check: one keyword or soup character repeated into a run of up to `maxChars` characters. */
export function repeatedRunArbitrary(maxChars: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...KEYWORDS, ...SOUP_CHARS), fc.integer({ min: 1, max: maxChars }), fc.constantFrom('', '关于成立某某协调小组的通知\n'))
    .map(([unit, n, head]) => head + unit.repeat(Math.ceil(n / unit.length)).slice(0, n));
}
