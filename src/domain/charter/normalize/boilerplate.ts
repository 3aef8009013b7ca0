/**
 * Drops what a web page or document site wraps around a document — download notices, page
 * furniture (来源/发布时间/浏览量/字体 lines, 原文链接, 打印/关闭), article-attribute headings
 * (文章属性, 正文), release marks ((此件公开发布)) and news bylines — while keeping the facts of a
 * metadata block (制定机关, 公布日期, 字号/发文字号, 施行日期, 来源, 发布时间) as compact lines:
 *
 *   【制定机关】某市人民政府          (bracketed labels keep their form)
 *   来源:某市某局\t发布时间:2020-03-02 10:14   (label:value fields, one tab between fields)
 *
 * Everything is dropped through the offset map, so what remains stays traceable. Pure.
 */
import { Editor, type MappedText } from './mapped-text.ts';
import { lineRanges } from './lines.ts';

/** Phrases of a document-sharing site's notices; a line holding one is not part of the document. */
const SITE_NOTICE =
  /下载文档|自行甄别|部分预览|在线预览|申请退款|侵犯您的|联系客服|人工客服|付费下载|文档侵权|上传者|文档贡献者|用户上传|免责声明|版权声明|本文档|该文档|此文档|文档内容|文档为|下载积分|VIP|会员免费|立即下载|下载此文档|点击下载|扫码|二维码|登录后/u;

/** Lines that are page furniture in full. */
const FURNITURE_LINE =
  /^(?:原文链接|原文地址|链接地址|网页链接|分享到|分享：|打印本页|打印此页|关闭窗口|关闭本页|【打印】|【关闭】|\[打印\]|\[关闭\]|扫一扫|上一篇|下一篇|相关链接|相关文章|相关阅读|相关新闻|相关文件|延伸阅读|责任编辑|网站地图|版权所有|Copyright|©|网站标识码|.*ICP备|.*公网安备|【字体|字体[:：]|字号[:：]?\s*[大中小]|【大】|\[大\]|浏览(?:量|次数)|阅读(?:量|次数)|点击(?:数|量|率)|访问量|累计次数|当前位置|您的位置|您现在的位置|首页\s*[>＞»])/u;

/** Headings of a web page's article block that stand alone on their line. */
/** A line that is nothing but a web address. */
const URL_LINE = /^(?:https?:\/\/|www\.)[^\s\u4e00-\u9fff]+$/u;

const WHOLE_LINE = /^(?:文章属性|正文|正文内容|全文|基本信息|附件下载|收藏|返回顶部|打印|关闭|【打印】\s*【关闭】)$/u;

/** Lines that are nothing but such a mark. */
const MARK_LINE = /^[（(]\s*此件[^）)]{0,16}[）)]$|^[（(]\s*(?:本文|本件)?(?:有删减|删减)[^）)]{0,10}[）)]$/u;

/** Labels of a metadata block whose facts are kept. */
const KEPT_LABELS = new Set([
  '制定机关',
  '发布机关',
  '发文机关',
  '发文单位',
  '发文机构',
  '发布机构',
  '公布日期',
  '生成日期',
  '发布日期',
  '发布时间',
  '成文日期',
  '发文日期',
  '印发日期',
  '施行日期',
  '生效日期',
  '实施日期',
  '字号',
  '发文字号',
  '文号',
  '来源',
  '信息来源',
  '文章来源',
]);

/** Labels of metadata fields that are dropped. */
const DROPPED_LABELS = [
  '索引号',
  '发布人',
  '最后修改人',
  '修改人',
  '录入人',
  '审核人',
  '内容概述',
  '内容摘要',
  '摘要',
  '关键词',
  '关键字',
  '信息分类',
  '废止时间',
  '废止日期',
  '更新日期',
  '更新时间',
  '生效时间',
  '主题分类',
  '主题词',
  '体裁分类',
  '组配分类',
  '服务对象',
  '分类',
  '标题',
  '名称',
  '效力等级',
  '效力级别',
  '时效性',
  '有效性',
  '法规类别',
  '失效日期',
  '公开方式',
  '公开范围',
  '作者',
  '编辑',
  '责任编辑',
  '浏览量',
  '浏览次数',
  '阅读量',
  '阅读次数',
  '点击数',
  '点击量',
  '访问量',
  '累计次数',
  '访问次数',
  '字体',
  '打印',
  '关闭',
  '分享',
];

const ALL_LABELS = [...KEPT_LABELS, ...DROPPED_LABELS].sort((a, b) => b.length - a.length);
/** A label, possibly spread with spaces (索 引 号:, 文    号:) */
const SPREAD_LABELS = ALL_LABELS.map((l) => [...l].join('[ \\u3000]*')).join('|');
const FIELD_LABEL = new RegExp(`(?:^|(?<=[\\s\\]】|]))(${SPREAD_LABELS})\\s*[:：]`, 'gu');
const BRACKET_FIELD = /^[•·●◆■▪\-*\s]*【([^】]{1,8})】/u;
const BYLINE = /^(?:新华社|中新社|中新网|人民网|央视网|本报讯|本报)[^，。,\n]{0,24}?(?:电|讯)\s*(?:[（(]记者[^）)]{0,20}[）)])?\s*/u;

export function dropBoilerplate(src: MappedText): MappedText {
  const { text } = src;
  const editor = new Editor(src);
  let cursor = 0;
  let changed = false;
  const dropLine = (start: number, end: number): void => {
    editor.keep(cursor, start);
    // The line and its line break
    cursor = end < text.length ? end + 1 : end;
    changed = true;
  };
  const ranges = lineRanges(text);
  const bare = bareFieldLines(text, ranges);
  /** Lines up to this index were consumed with the metadata label before them */
  let skipThrough = 0;
  for (const [index, { start, end }] of ranges.entries()) {
    const line = text.slice(start, end);
    // trim() removes U+3000 too (a regex trim would be quadratic on a long run of spaces)
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const lead = start + line.length - line.replace(/^[\s\u3000]+/u, '').length;

    if (trimmed.length <= 300 && SITE_NOTICE.test(trimmed) && isSiteNotice(trimmed)) {
      dropLine(start, end);
      continue;
    }
    if (MARK_LINE.test(trimmed) || WHOLE_LINE.test(trimmed) || URL_LINE.test(trimmed)) {
      dropLine(start, end);
      continue;
    }
    const bracket = BRACKET_FIELD.exec(trimmed);
    if (bracket) {
      const label = bracket[1] ?? '';
      if (KEPT_LABELS.has(label)) {
        // Keep from 【, dropping any bullet before it
        const at = text.indexOf('【', lead);
        editor.keep(cursor, lead);
        cursor = at;
        changed = true;
      } else {
        dropLine(start, end);
      }
      continue;
    }
    const bareField = bare.get(index);
    if (bareField !== undefined) {
      if (!bareField.kept) {
        dropLine(start, end);
        continue;
      }
      // `发文机关国务院` → `发文机关：国务院`
      editor.keep(cursor, start + bareField.labelEnd);
      editor.insert(start + bareField.labelEnd, '：');
      editor.keep(start + bareField.valueStart, start + bareField.valueEnd);
      cursor = end;
      changed = true;
      continue;
    }
    if (index < skipThrough) continue;
    const fields = metadataFields(line);
    // `• 发文字号:` alone, its value on the next non-blank line
    const lone = fields !== null && fields.length === 1 && fields[0] !== undefined && fields[0].valueStart === fields[0].valueEnd ? fields[0] : null;
    const valueIndex = lone !== null ? valueLineAfter(text, ranges, index) : null;
    if (lone !== null && valueIndex !== null) {
      const v = ranges[valueIndex] as { start: number; end: number };
      const value = text.slice(v.start, v.end);
      const vStart = v.start + value.length - value.trimStart().length;
      const vEnd = v.end - (value.length - value.trimEnd().length);
      const isNumber = lone.label === '字号' || lone.label === '文号' || lone.label === '发文字号';
      const keptValue = KEPT_LABELS.has(lone.label) && (!isNumber || /\d+\s*号/u.test(value));
      if (keptValue) {
        editor.keep(cursor, start);
        editor.keep(start + lone.start, start + lone.labelEnd);
        editor.keep(vStart, vEnd);
        cursor = v.end;
        skipThrough = valueIndex + 1;
        changed = true;
        continue;
      }
      if (!KEPT_LABELS.has(lone.label) && !VALUE_KEPT_LABELS.has(lone.label)) {
        dropLine(start, v.end);
        skipThrough = valueIndex + 1;
        continue;
      }
    }
    if (fields !== null) {
      if (fields.every((f) => !f.kept)) {
        dropLine(start, end);
        continue;
      }
      editor.keep(cursor, start);
      let first = true;
      for (const f of fields) {
        if (!f.kept) continue;
        if (!first) {
          // The separator stands for the space before the field where there is one
          const gap = /[\s\u3000]/u.test(line[f.start - 1] ?? '') ? f.start - 1 : f.start;
          if (gap < f.start) editor.replace(start + gap, start + gap + 1, '\t');
          else editor.insert(start + f.start, '\t');
        }
        editor.keep(start + f.start, start + f.labelEnd);
        editor.keep(start + f.valueStart, start + f.valueEnd);
        first = false;
      }
      cursor = end;
      changed = true;
      continue;
    }
    if (trimmed.length <= 80 && FURNITURE_LINE.test(trimmed) && !/[。；]/u.test(trimmed)) {
      dropLine(start, end);
      continue;
    }
    const byline = BYLINE.exec(trimmed);
    if (byline) {
      editor.keep(cursor, lead);
      cursor = lead + byline[0].length;
      changed = true;
    }
  }
  if (!changed) return src;
  editor.keep(cursor, text.length);
  return editor.finish();
}

/** A site notice reads as a numbered or bulleted instruction to the reader, not as a sentence of the document. */
function isSiteNotice(line: string): boolean {
  if (/^[-•·*]\s*/u.test(line) || /^\d{1,2}[、.．]/u.test(line)) return true;
  return line.length <= 120 && !/(?:会议|成员单位|职责|负责)/u.test(line);
}

/** Dropped labels whose value, given on its own line, may be the document's own text (标题, 名称). */
const VALUE_KEPT_LABELS = new Set(['标题', '名称']);

/**
 * The line holding the value of a label written alone on its line (`发文字号:`): the next non-blank
 * line within two blank lines, when it is short, no sentence and no label itself; else null.
 */
function valueLineAfter(text: string, ranges: readonly { start: number; end: number }[], index: number): number | null {
  for (let j = index + 1; j < ranges.length && j <= index + 3; j++) {
    const r = ranges[j] as { start: number; end: number };
    const line = text.slice(r.start, r.end);
    const t = line.trim();
    if (t === '') continue;
    if (t.length > 60 || /[。；]|[:：]$/u.test(t) || metadataFields(line) !== null || BARE_LABEL.test(line)) return null;
    return j;
  }
  return null;
}

interface Field {
  label: string;
  kept: boolean;
  /** Offsets within the line */
  start: number;
  labelEnd: number;
  valueStart: number;
  valueEnd: number;
}

const BARE_LABEL = new RegExp(`^[\\s\u3000]*(${ALL_LABELS.join('|')})(?![\\s\u3000]*[:：])`, 'u');
const DATE_LABEL = /日期|时间$/u;

/**
 * Lines of a metadata block written without colons (`发文机关国务院`, `发文日期2008年01月11日`,
 * `时效性现行有效`): a run of at least two adjacent short lines that each start with a metadata label
 * and hold no sentence punctuation, one of them a date or document-number field whose value reads
 * as such. Returns, per line index, the field found on it.
 */
function bareFieldLines(text: string, ranges: { start: number; end: number }[]): Map<number, Field> {
  const found = new Map<number, Field>();
  const candidates: (Field & { anchored: boolean })[] = [];
  const flush = (): void => {
    if (candidates.length >= 2 && candidates.some((c) => c.anchored)) {
      for (const c of candidates) found.set(c.start, c);
    }
    candidates.length = 0;
  };
  for (const [index, { start, end }] of ranges.entries()) {
    const line = text.slice(start, end);
    const m = line.length <= 60 && !/[。；，,;]/u.test(line) ? BARE_LABEL.exec(line) : null;
    if (m === null) {
      flush();
      continue;
    }
    const label = m[1] ?? '';
    let valueStart = m[0].length;
    while (valueStart < line.length && /[\s\u3000]/u.test(line[valueStart] ?? '')) valueStart++;
    let valueEnd = line.length;
    while (valueEnd > valueStart && /[\s\u3000]/u.test(line[valueEnd - 1] ?? '')) valueEnd--;
    const value = line.slice(valueStart, valueEnd);
    if (value === '') {
      flush();
      continue;
    }
    const isNumber = label === '字号' || label === '文号' || label === '发文字号';
    const anchored = (DATE_LABEL.test(label) && /^\d{4}\s*[年.\-/]/u.test(value)) || (isNumber && /\d+\s*号$/u.test(value));
    const kept = KEPT_LABELS.has(label) && (!isNumber || /\d+\s*号/u.test(value));
    // `start` carries the line index while collecting
    candidates.push({ label, kept, start: index, labelEnd: m[0].length, valueStart, valueEnd, anchored });
  }
  flush();
  const out = new Map<number, Field>();
  for (const [index, f] of found) out.set(index, { ...f, start: 0 });
  return out;
}

/**
 * Parses a line made only of `label: value` fields of a metadata block (来源: … 发布时间: …), or
 * returns null when the line is something else. A 字号 field is a document number only when its value
 * looks like one (字号: 大 中 小 is the page's font-size switch).
 */
function metadataFields(line: string): Field[] | null {
  const content = line.replace(/^[\s\u3000•·●]+/u, '');
  const offset = line.length - content.length;
  if (content.length > 200 || !/[:：]/u.test(content.slice(0, 24))) return null;
  const labels = [...content.matchAll(FIELD_LABEL)];
  const first = labels[0];
  if (first === undefined || first.index !== 0) return null;
  const fields: Field[] = [];
  for (let k = 0; k < labels.length; k++) {
    const m = labels[k] as RegExpMatchArray;
    const next = labels[k + 1];
    const label = (m[1] ?? '').replace(/[ \u3000]/gu, '');
    const start = (m.index ?? 0) + offset;
    const labelEnd = start + m[0].length;
    const rawEnd = next === undefined ? line.length : (next.index ?? 0) + offset;
    let valueStart = labelEnd;
    while (valueStart < rawEnd && /[\s\u3000]/u.test(line[valueStart] ?? '')) valueStart++;
    let valueEnd = rawEnd;
    while (valueEnd > valueStart && /[\s\u3000]/u.test(line[valueEnd - 1] ?? '')) valueEnd--;
    const value = line.slice(valueStart, valueEnd);
    let kept = KEPT_LABELS.has(label) && value !== '' && !/^[[\]［］\s]*$/u.test(value);
    if (kept && (label === '字号' || label === '文号' || label === '发文字号')) kept = /\d+\s*号/u.test(value);
    fields.push({ label, kept, start, labelEnd, valueStart, valueEnd });
  }
  // A sentence that merely starts with 来源 is not a metadata line
  if (fields.length === 1 && /[。；]/u.test(line)) return null;
  return fields;
}
