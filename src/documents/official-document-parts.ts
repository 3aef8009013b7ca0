/**
 * The parts every official document shares, built with the `docx` package in the GB/T 9704-2012
 * layout (gbt9704-layout.ts): runs in the right typeface, text paragraphs on the 22-line grid,
 * numbered headings (一、 黑体, （一） 楷体, 1. and （1） 仿宋), labelled lists with hanging indents,
 * the issuer's mark with its red rule, the signature with or without a seal area, the imprint
 * (版记) between full-width rules, and page numbers "— N —" right on odd and left on even pages.
 * Pure: returns docx objects and buffers, does no other I/O.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IBorderOptions, IParagraphOptions, ISectionOptions } from 'docx';
import { parseSectionLabel } from '../domain/text/section-labels.ts';
import { formatChineseDate } from './chinese-format.ts';
import { composeLines, composeNameLine } from './line-composition.ts';
import { breakTitle } from './title-breaking.ts';
import type { CellMetrics } from './line-composition.ts';
import type { DocumentLayout, ImprintView, SignatureView } from './document-views.ts';
import {
  BODY_CHARACTER_SPACING,
  CHAR_TWIPS,
  fontTableXml,
  LINE_PITCH_TWIPS,
  mmToTwips,
  OFFICIAL_RED,
  PAGE,
  PAGE_TWIPS,
  SIZE_PT,
  stylesXml,
  TYPEFACES,
} from './gbt9704-layout.ts';
import type { TypefaceRole } from './gbt9704-layout.ts';

export interface RunStyle {
  face: TypefaceRole;
  sizePt: number;
  color?: string;
}

/** How much of the page a paragraph or table takes, for placing the imprint at the page's foot. */
interface FlowInfo {
  /** Height in twips */
  heightTwips: number;
  /** Height of one line in twips (a paragraph may break between its lines across pages) */
  lineTwips: number;
  /** Kept on the page of the next block */
  keepNext: boolean;
}

const FLOW = new WeakMap<object, FlowInfo>();

/** A paragraph on the grid: `lines` lines of its line height (the grid's pitch) after `spacing.before`. */
function gridParagraph(options: IParagraphOptions, lines = 1): Paragraph {
  const paragraph = new Paragraph(options);
  const before = typeof options.spacing?.before === 'number' ? options.spacing.before : 0;
  const line = typeof options.spacing?.line === 'number' ? options.spacing.line : LINE_PITCH_TWIPS;
  FLOW.set(paragraph, { heightTwips: before + lines * line, lineTwips: line, keepNext: options.keepNext === true });
  return paragraph;
}

/**
 * A text run in one of the standard typefaces (w:rFonts eastAsia + ascii/hAnsi). `scalePercent`
 * sets the width of the characters (w:w); `fontFeature` an OpenType feature LibreOffice applies by
 * the font name's suffix (仿宋_GB2312:halt — half-width alternates, for 标点挤压).
 */
export function styledRun(text: string, style: RunStyle, options: { scalePercent?: number; fontFeature?: string; breakBefore?: boolean } = {}): TextRun {
  const face = TYPEFACES[style.face];
  // print layout narrows 3号 by scale (PRINT_SCALE), not by spacing
  const spacing = style.sizePt === SIZE_PT.san && options.scalePercent === undefined ? BODY_CHARACTER_SPACING : 0;
  const eastAsia = options.fontFeature === undefined ? face.name : `${face.name}:${options.fontFeature}`;
  return new TextRun({
    text,
    font: { eastAsia, ascii: face.latin, hAnsi: face.latin, cs: face.latin },
    size: style.sizePt * 2,
    language: LANGUAGE,
    ...(spacing === 0 ? {} : { characterSpacing: spacing }),
    ...(options.scalePercent === undefined ? {} : { scale: options.scalePercent }),
    ...(options.breakBefore === true ? { break: 1 } : {}),
    ...(style.color === undefined ? {} : { color: style.color }),
  });
}

/**
 * The language of every run: Chinese (PRC) text with Latin digits. LibreOffice picks the face of a
 * font collection (Noto CJK: JP, KR, SC, TC, HK in one file) by the run's East Asian language; without
 * it the Japanese face and its glyph forms are used.
 */
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

export const BODY: RunStyle = { face: 'body', sizePt: SIZE_PT.san };
const HEADING_STYLE: Record<'chinese' | 'paren_chinese' | 'arabic' | 'paren_arabic', RunStyle> = {
  chinese: { face: 'heading1', sizePt: SIZE_PT.san },
  paren_chinese: { face: 'heading2', sizePt: SIZE_PT.san },
  arabic: BODY,
  paren_arabic: BODY,
};

/** Exact line spacing on the grid's pitch, so every line takes one of the page's 22 lines. */
export const GRID_SPACING = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Two characters of first-line indent (首行缩进二字), in characters and in twips. */
const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 2 * CHAR_TWIPS } as const;


/** A piece of text in one style; paragraphs are built from these. */
export interface StyledText {
  text: string;
  style: RunStyle;
}

/** The grid cell of a run style in twips: 3号 text is narrowed to the 28-character pitch, other sizes keep theirs. */
export function cellTwips(style: RunStyle): number {
  return style.sizePt === SIZE_PT.san ? CHAR_TWIPS : style.sizePt * 20;
}

/**
 * Print layout narrows 3号 characters to 98 % of their width (w:w) instead of −0.25 pt character
 * spacing: LibreOffice adds a run's spacing only between its characters, never after its last one, so
 * spacing would make a line of many runs wider than composed. 28 characters at 98 % leave 0.2 of a
 * character free in the 156 mm line.
 */
const PRINT_SCALE = 98;

/** The cell of a run style in print layout, in twips. */
function printCellTwips(style: RunStyle): number {
  return style.sizePt === SIZE_PT.san ? (style.sizePt * 20 * PRINT_SCALE) / 100 : style.sizePt * 20;
}

/** LibreOffice's space between Chinese and Latin letters or digits: 3.46 pt measured at 3号 (0.216 em). */
const AUTOSPACE_EM = 0.22;

function printMetricsOf(style: RunStyle): CellMetrics {
  const scale = style.sizePt === SIZE_PT.san ? PRINT_SCALE / 100 : 1;
  return { sizePt: style.sizePt * scale, spacingPt: 0, cellPt: printCellTwips(style) / 20, autospacePt: AUTOSPACE_EM * style.sizePt };
}

/** Characters of the text block in cells of `style` (28 for 3号). */
export function lineCellsOf(style: RunStyle): number {
  return Math.floor((PAGE_TWIPS.textWidth + 1) / cellTwips(style));
}

/**
 * A run in print layout: 3号 scaled to the grid. A squeezed mark is set with the font's half-width
 * alternate (OpenType `halt`, which Noto CJK and the GB fonts' OpenType builds carry): the blank half
 * of the mark goes, its ink stays where it is.
 */
function printRun(text: string, style: RunStyle, options: { squeezed?: boolean } = {}): TextRun {
  const scale = style.sizePt === SIZE_PT.san ? PRINT_SCALE : 100;
  return styledRun(text, style, { scalePercent: scale, ...(options.squeezed === true ? { fontFeature: 'halt' } : {}) });
}

export interface ComposedParagraphOptions {
  /** Cells from the left edge to the first line's start */
  firstIndentCells: number;
  /** Cells from the left edge to every further line's start */
  indentCells: number;
  /** Cells kept free at the right edge */
  rightCells?: number;
  keepNext?: boolean;
  /** Spans (code-point [start, end) of the joined text) never split across lines */
  keepTogether?: ReadonlyArray<readonly [number, number]>;
  /** Line height in twips (the grid's pitch unless given) */
  lineTwips?: number;
  /**
   * Running text (default) spreads a line that does not end the paragraph over the full width; a
   * list (出席, 分送, 主送) sets every line left, as offices do, so a name moved down leaves its gap.
   */
  list?: boolean;
}

/**
 * Print layout: the pieces composed into lines (line-composition.ts), one paragraph per line on the
 * grid, each at its indent; a line that does not end the paragraph is spread to the full width
 * (distributed), the last one set left. Squeezed marks are set half a cell narrower.
 */
export function composedParagraphs(pieces: readonly StyledText[], options: ComposedParagraphOptions): Paragraph[] {
  const chars: { ch: string; style: RunStyle }[] = [];
  for (const piece of pieces) for (const ch of piece.text) chars.push({ ch, style: piece.style });
  const base = pieces[0]?.style ?? BODY;
  const cell = cellTwips(base);
  const total = lineCellsOf(base) - (options.rightCells ?? 0);
  // indents stay on the 28-character grid (cellTwips); the composed text is narrower (printCellTwips)
  const lines = composeLines(
    chars.map((c) => c.ch).join(''),
    {
      firstLineCells: total - options.firstIndentCells,
      lineCells: total - options.indentCells,
      metrics: printMetricsOf(base),
      ...(options.keepTogether === undefined ? {} : { keepTogether: options.keepTogether }),
    },
  );
  let offset = 0;
  return lines.map((line, index) => {
    const runs = lineRuns([...line.text], chars.slice(offset), new Set(line.squeezed), base);
    offset += [...line.text].length;
    const indentCells = index === 0 ? options.firstIndentCells : options.indentCells;
    return gridParagraph({
      alignment: line.continued && options.list !== true ? AlignmentType.DISTRIBUTE : AlignmentType.LEFT,
      spacing: { ...GRID_SPACING, line: options.lineTwips ?? LINE_PITCH_TWIPS },
      indent: { left: indentCells * cell, right: (options.rightCells ?? 0) * cell },
      keepNext: options.keepNext ?? false,
      children: runs.length === 0 ? [printRun('', base)] : runs,
    });
  });
}

/** The runs of one composed line: a run per typeface, each squeezed mark a run of its own. */
function lineRuns(text: readonly string[], styled: readonly { style: RunStyle }[], squeezed: ReadonlySet<number>, base: RunStyle): TextRun[] {
  const runs: TextRun[] = [];
  let pending = '';
  let pendingStyle: RunStyle | null = null;
  const flush = (): void => {
    if (pendingStyle !== null && pending !== '') runs.push(printRun(pending, pendingStyle));
    pending = '';
  };
  text.forEach((ch, i) => {
    const style = styled[i]?.style ?? base;
    if (squeezed.has(i)) {
      flush();
      runs.push(printRun(ch, style, { squeezed: true }));
      pendingStyle = null;
      return;
    }
    if (style !== pendingStyle) {
      flush();
      pendingStyle = style;
    }
    pending += ch;
  });
  flush();
  return runs;
}

/**
 * The lines a flowing paragraph is expected to take in a word processor (the same rules; Word and
 * WPS add no space between Chinese and digits here, as autoSpaceDE is off).
 */
function editableLines(text: string, style: RunStyle, firstIndentCells: number, indentCells: number, rightCells = 0): number {
  const spacingTwips = style.sizePt === SIZE_PT.san ? BODY_CHARACTER_SPACING : 0;
  const metrics: CellMetrics = { sizePt: style.sizePt, spacingPt: spacingTwips / 20, cellPt: cellTwips(style) / 20 };
  const total = lineCellsOf(style) - rightCells;
  return composeLines(text, { firstLineCells: total - firstIndentCells, lineCells: total - indentCells, metrics }).length;
}

/** A text paragraph: 3号 仿宋, two characters indented, justified. */
export function textParagraph(text: string, style: RunStyle = BODY): Paragraph {
  return gridParagraph(
    {
      alignment: AlignmentType.BOTH,
      spacing: GRID_SPACING,
      indent: FIRST_LINE_INDENT,
      children: [styledRun(text, style)],
    },
    editableLines(text, style, 2, 0),
  );
}

/** A text paragraph in the given layout (one paragraph, or one per composed line). */
export function textParagraphs(text: string, layout: DocumentLayout, options: { style?: RunStyle; keepTogether?: ReadonlyArray<readonly [number, number]> } = {}): Paragraph[] {
  const style = options.style ?? BODY;
  if (layout === 'editable') return [textParagraph(text, style)];
  return composedParagraphs([{ text, style }], {
    firstIndentCells: 2,
    indentCells: 0,
    ...(options.keepTogether === undefined ? {} : { keepTogether: options.keepTogether }),
  });
}

/** An empty line of the grid. */
export function blankLine(): Paragraph {
  return gridParagraph({ spacing: GRID_SPACING, children: [styledRun('', BODY)] });
}

/** The pieces of a paragraph that may start with a section label (一、 黑体 / （一） 楷体 label sentence). */
function sectionPieces(text: string): { pieces: StyledText[]; headingOnly: boolean } {
  const label = parseSectionLabel(text);
  if (label === null || label.numbering === 'article') return { pieces: [{ text, style: BODY }], headingOnly: false };
  const style = HEADING_STYLE[label.numbering];
  const stop = text.indexOf('。');
  const headEnd = stop === -1 ? text.length : stop + 1;
  const pieces = [{ text: text.slice(0, headEnd), style }];
  if (headEnd < text.length) pieces.push({ text: text.slice(headEnd), style: BODY });
  return { pieces, headingOnly: stop === -1 };
}

/**
 * A paragraph of running text that may start with a section label: 一、 sets its label sentence
 * (up to the first 。 or the whole line) in 黑体, （一） in 楷体; 1. and （1） stay in 仿宋.
 */
export function sectionedParagraph(text: string): Paragraph {
  const { pieces, headingOnly } = sectionPieces(text);
  return gridParagraph(
    {
      alignment: AlignmentType.BOTH,
      spacing: GRID_SPACING,
      indent: FIRST_LINE_INDENT,
      keepNext: headingOnly,
      children: pieces.map((piece) => styledRun(piece.text, piece.style)),
    },
    editableLines(text, BODY, 2, 0),
  );
}

/** sectionedParagraph in the given layout. */
export function sectionedParagraphs(text: string, layout: DocumentLayout): Paragraph[] {
  if (layout === 'editable') return [sectionedParagraph(text)];
  const { pieces, headingOnly } = sectionPieces(text);
  return composedParagraphs(pieces, { firstIndentCells: 2, indentCells: 0, keepNext: headingOnly });
}

/**
 * A labelled list (出席：… / 抄送：…): the label in `labelStyle`, the entries in 仿宋, the first
 * line `startChars` characters in, continuation lines aligned after the colon (hanging indent).
 */
export function labelledList(options: {
  label: string;
  entries: string[];
  separator: string;
  startChars: number;
  labelStyle: RunStyle;
  entryStyle?: RunStyle;
  endChars?: number;
  terminator?: string;
  keepNext?: boolean;
  /** Line height in twips (the grid's pitch unless given) */
  lineTwips?: number;
}): Paragraph {
  const labelText = `${options.label}：`;
  const labelChars = [...labelText].length;
  const charTwips = cellTwips(options.labelStyle);
  const entries = options.entries.join(options.separator) + (options.terminator ?? '');
  return gridParagraph(
    {
      alignment: AlignmentType.LEFT,
      spacing: { ...GRID_SPACING, line: options.lineTwips ?? LINE_PITCH_TWIPS },
      keepNext: options.keepNext ?? false,
      indent: {
        left: (options.startChars + labelChars) * charTwips,
        hanging: labelChars * charTwips,
        right: (options.endChars ?? 0) * charTwips,
      },
      children: [styledRun(labelText, options.labelStyle), styledRun(entries, options.entryStyle ?? BODY)],
    },
    editableLines(labelText + entries, options.entryStyle ?? BODY, options.startChars, options.startChars + labelChars, options.endChars ?? 0),
  );
}

/**
 * labelledList in the given layout. In print layout every entry (a unit, a person with their unit)
 * is kept on one line when it fits one, so no name is split across lines.
 */
export function labelledLists(options: Parameters<typeof labelledList>[0] & { layout: DocumentLayout }): Paragraph[] {
  if (options.layout === 'editable') return [labelledList(options)];
  const labelText = `${options.label}：`;
  const labelChars = [...labelText].length;
  const keepTogether: Array<readonly [number, number]> = [];
  let at = labelChars;
  const separatorChars = [...options.separator].length;
  options.entries.forEach((entry, index) => {
    const length = [...entry].length;
    // the entry with the separator (or terminator) that follows it
    const tail = index < options.entries.length - 1 ? separatorChars : [...(options.terminator ?? '')].length;
    keepTogether.push([at, at + length + tail]);
    at += length + (index < options.entries.length - 1 ? separatorChars : 0);
  });
  const paragraphs = composedParagraphs(
    [
      { text: labelText, style: options.labelStyle },
      { text: options.entries.join(options.separator) + (options.terminator ?? ''), style: options.entryStyle ?? BODY },
    ],
    {
      firstIndentCells: options.startChars,
      indentCells: options.startChars + labelChars,
      rightCells: options.endChars ?? 0,
      keepTogether,
      keepNext: options.keepNext ?? false,
      list: true,
      ...(options.lineTwips === undefined ? {} : { lineTwips: options.lineTwips }),
    },
  );
  return paragraphs;
}

/** Characters of a 2号 title line: the text block's width in 22 pt characters (20). */
export const TITLE_CHARS = Math.floor(PAGE_TWIPS.textWidth / (SIZE_PT.er * 20));

/**
 * The heading of a document: centred, 2号 方正小标宋简体, red for an issuer's mark. A title longer
 * than a line is broken at word boundaries into an inverted pyramid (title-breaking.ts), the lines
 * separated by line breaks within the one paragraph.
 */
export function titleParagraph(text: string, options: { color?: string; spaceBeforeTwips?: number } = {}): Paragraph {
  const style: RunStyle = { face: 'title', sizePt: SIZE_PT.er, ...(options.color === undefined ? {} : { color: options.color }) };
  const lines = breakTitle(text, TITLE_CHARS);
  return gridParagraph(
    {
      alignment: AlignmentType.CENTER,
      spacing: { ...GRID_SPACING, before: options.spaceBeforeTwips ?? 0 },
      keepNext: true,
      children: lines.map((line, index) => styledRun(line, style, { breakBefore: index > 0 })),
    },
    lines.length,
  );
}

/** A centred line in 3号 仿宋 (第N期 …). */
export function centredLine(text: string, style: RunStyle = BODY): Paragraph {
  return gridParagraph({ alignment: AlignmentType.CENTER, spacing: GRID_SPACING, keepNext: true, children: [styledRun(text, style)] });
}

const RED_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: OFFICIAL_RED, space: 4 };

/** The width of a text in characters of the grid: CJK and full-width forms 1, the rest ½. */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * A line with `left` one character in from the left edge and `right` one character in from the
 * right edge (the office and date beneath a heading, the printing office and date of an imprint).
 * When both do not fit on one line with a two-character gap, `left` takes a line of its own
 * (continuation lines one character in) and `right` the line after. `border` goes under the last line.
 */
export function leftRightLines(left: string, right: string, options: { style?: RunStyle; border?: IBorderOptions; keepNext?: boolean; lineTwips?: number } = {}): Paragraph[] {
  const style = options.style ?? BODY;
  const charTwips = style.sizePt === SIZE_PT.san ? CHAR_TWIPS : style.sizePt * 20;
  const charsPerLine = Math.floor(PAGE_TWIPS.textWidth / charTwips);
  const tabStops = [
    { type: TabStopType.LEFT, position: charTwips },
    { type: TabStopType.RIGHT, position: PAGE_TWIPS.textWidth - charTwips },
  ];
  const spacing = { line: options.lineTwips ?? LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const last = { ...(options.border === undefined ? {} : { border: { bottom: options.border } }), keepNext: options.keepNext ?? false };
  if (textWidthChars(left) + textWidthChars(right) + 4 <= charsPerLine) {
    return [gridParagraph({ spacing, tabStops, ...last, children: [styledRun(`\t${left}\t${right}`, style)] })];
  }
  return [
    // a long office may take two lines, broken between its names and words, never inside a name
    // (line-composition's composeNameLine); counted, for the imprint's place at the page's foot
    officeParagraph(left, style, spacing),
    gridParagraph({ spacing, tabStops, ...last, children: [styledRun(`\t\t${right}`, style)] }),
  ];
}

/** A long office (or joint issuers) on lines of its own, one character in from either edge, each line ended by a break of ours. */
function officeParagraph(office: string, style: RunStyle, spacing: IParagraphOptions['spacing']): Paragraph {
  const spacingTwips = style.sizePt === SIZE_PT.san ? BODY_CHARACTER_SPACING : 0;
  const metrics: CellMetrics = { sizePt: style.sizePt, spacingPt: spacingTwips / 20, cellPt: cellTwips(style) / 20 };
  const cells = lineCellsOf(style) - 2;
  const lines = composeNameLine(office, { firstLineCells: cells, lineCells: cells, metrics });
  const charTwips = cellTwips(style);
  return gridParagraph(
    {
      ...(spacing === undefined ? {} : { spacing }),
      indent: { left: charTwips, right: charTwips },
      keepNext: true,
      children: lines.map((line, index) => styledRun(line.text.trim(), style, { breakBefore: index > 0 })),
    },
    lines.length,
  );
}

/** The office and date beneath a heading, over the red rule the width of the text block. */
export function leftRightLineWithRedRule(left: string, right: string): Paragraph[] {
  return leftRightLines(left, right, { border: RED_RULE });
}

/** GB/T 9704 7.2.2 / 10.3: the issuer's mark's top edge is 35 mm below the top of the text block. */
export const MARK_OFFSET_TWIPS = mmToTwips(35);

/**
 * An issuer's mark (发文机关标志) in red, 35 mm below the top of the text block (7.2.2), then two
 * blank lines and the 发文字号 line (7.2.3; `numberLine`: the document number or a 第N期 line, centred;
 * an empty line when there is none) with the red rule beneath it (7.2.5).
 */
export function issuerMark(issuerName: string, numberLine: string | null = null): Paragraph[] {
  return [
    titleParagraph(issuerName, { color: OFFICIAL_RED, spaceBeforeTwips: MARK_OFFSET_TWIPS }),
    blankLine(),
    blankLine(),
    gridParagraph({ alignment: AlignmentType.CENTER, spacing: GRID_SPACING, keepNext: true, border: { bottom: RED_RULE }, children: [styledRun(numberLine ?? '', BODY)] }),
  ];
}

/** 主送机关: at the left margin, 3号 仿宋, ending with a full-width colon (7.3.2). */
export function addresseeLine(addressees: string[]): Paragraph {
  const text = `${addressees.join('、')}：`;
  return gridParagraph({ alignment: AlignmentType.LEFT, spacing: GRID_SPACING, children: [styledRun(text, BODY)] }, editableLines(text, BODY, 0, 0));
}

/** 主送机关 in the given layout: in print layout no addressee is split across lines. */
export function addresseeLines(addressees: string[], layout: DocumentLayout): Paragraph[] {
  if (layout === 'editable') return [addresseeLine(addressees)];
  const keepTogether: Array<readonly [number, number]> = [];
  let at = 0;
  for (const name of addressees) {
    const length = [...name].length;
    keepTogether.push([at, at + length + 1]);
    at += length + 1;
  }
  return composedParagraphs([{ text: `${addressees.join('、')}：`, style: BODY }], { firstIndentCells: 0, indentCells: 0, keepTogether, list: true });
}

/** The name of the bookmark that marks where the seal goes. */
export const SEAL_AREA_BOOKMARK = 'seal_area';

/** A line of the signature: right-aligned, `rightTwips` in from the right edge; the issuer's keeps with the date. */
function signatureLine(child: TextRun | Bookmark, rightTwips: number, options: { keepNext?: true } = {}): Paragraph {
  return gridParagraph({
    alignment: AlignmentType.RIGHT,
    spacing: GRID_SPACING,
    indent: { right: Math.max(0, Math.round(rightTwips)) },
    ...options,
    children: [child],
  });
}

/**
 * The signature (署名 and 成文日期). Widths count Arabic digits as half a character (they are set
 * half-width), so the issuer is truly centred over the date.
 * - Sealed (7.3.5.1): two blank lines, then the issuer centred over the date, the date four characters
 *   from the right; the bookmark `seal_area` marks where the seal presses on both.
 * - Not sealed (7.3.5.2, 不刻制印章): one blank line, the issuer two characters from the right, the date
 *   beneath it starting two characters further right than the issuer.
 */
export function signatureBlock(signature: SignatureView): Paragraph[] {
  const date = formatChineseDate(signature.date);
  const dateWidth = textWidthChars(date);
  const nameWidth = textWidthChars(signature.issuerName);
  if (signature.sealed) {
    const dateRight = 4 * CHAR_TWIPS;
    const nameRight = dateRight + ((dateWidth - nameWidth) / 2) * CHAR_TWIPS;
    return [
      blankLine(),
      blankLine(),
      signatureLine(new Bookmark({ id: SEAL_AREA_BOOKMARK, children: [styledRun(signature.issuerName, BODY)] }), nameRight, { keepNext: true }),
      signatureLine(styledRun(date, BODY), dateRight),
    ];
  }
  const nameRight = 2 * CHAR_TWIPS;
  const dateRight = nameRight + (nameWidth - dateWidth - 2) * CHAR_TWIPS;
  return [blankLine(), signatureLine(styledRun(signature.issuerName, BODY), nameRight, { keepNext: true }), signatureLine(styledRun(date, BODY), dateRight)];
}

/**
 * The opening of a notice or a circular: the issuer's mark 35 mm down, the 发文字号 (or 第N期) line
 * over the red rule, two blank lines (7.3.1: 红色分隔线下空二行), the title, one blank line, then the
 * addressees (主送机关).
 */
export function noticeOpening(options: { issuerName: string; numberLine?: string | null; title: string; addressees: string[]; layout?: DocumentLayout }): Paragraph[] {
  return [
    ...issuerMark(options.issuerName, options.numberLine ?? null),
    blankLine(),
    blankLine(),
    titleParagraph(options.title),
    blankLine(),
    ...addresseeLines(options.addressees, options.layout ?? 'editable'),
  ];
}

/** Signs a notice or a circular, adds its imprint (抄送) at the foot of the last page when it has one, and packs it. */
export async function packSignedNotice(options: {
  title: string;
  signature: SignatureView;
  imprint: ImprintView | null;
  children: Paragraph[];
  layout?: DocumentLayout;
}): Promise<Buffer> {
  const children = [...options.children, ...signatureBlock(options.signature)];
  return packOfficialDocument({
    title: options.title,
    creator: options.signature.issuerName,
    ...(options.layout === undefined ? {} : { layout: options.layout }),
    children: options.imprint === null ? children : withImprintAtFoot(children, imprintTable(options.imprint, '抄送', options.layout ?? 'editable')),
  });
}

const THICK_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_RULE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const IMPRINT: RunStyle = { face: 'body', sizePt: SIZE_PT.si };

/**
 * Line height of the imprint's lines: the grid's pitch less 40 twips, so that the imprint with its
 * rules (1 pt thick, 0.75 pt thin) is never taller than its lines on the grid and its last line can
 * sit on the page's last line.
 */
const IMPRINT_LINE_TWIPS = LINE_PITCH_TWIPS - 40;
/** Height of the rules of an imprint of `rows` rows, in twips (w:sz is in eighths of a point). */
function imprintRulesTwips(rows: number): number {
  return ((2 * (THICK_RULE.size ?? 0) + (rows - 1) * (THIN_RULE.size ?? 0)) / 8) * 20;
}

/**
 * The imprint (版记, 7.4): 抄报 / 分送 (or 抄送) lines and the printing office with the print date,
 * 4号 仿宋, one character in from each side, between full-width rules — thick (0.35 mm) first and
 * last, thin (0.25 mm) between — drawn as the borders of a one-column table the width of the text
 * block.
 */
export function imprintTable(imprint: ImprintView, distributeLabel: '分送' | '抄送', layout: DocumentLayout = 'editable'): Table {
  const lines: Paragraph[][] = [];
  const list = (label: string, entries: string[]): Paragraph[] =>
    labelledLists({
      layout,
      label,
      entries,
      separator: '，',
      terminator: '。',
      startChars: 1,
      endChars: 1,
      labelStyle: IMPRINT,
      entryStyle: IMPRINT,
      // the imprint stays together: every line but the printing office's keeps with the next
      keepNext: true,
      lineTwips: IMPRINT_LINE_TWIPS,
    });
  if (imprint.reportCopyTo.length > 0) lines.push(list('抄报', imprint.reportCopyTo));
  if (imprint.distributeTo.length > 0) lines.push(list(distributeLabel, imprint.distributeTo));
  const copyTo = imprint.copyTo ?? [];
  if (copyTo.length > 0) {
    // a notice's 抄送 line takes them; minutes print 抄送 after 分送
    if (distributeLabel === '抄送' && imprint.distributeTo.length > 0) lines[lines.length - 1] = list('抄送', [...imprint.distributeTo, ...copyTo]);
    else lines.push(list('抄送', copyTo));
  }
  lines.push(leftRightLines(imprint.printingOffice, `${formatChineseDate(imprint.printDate)}印发`, { style: IMPRINT, lineTwips: IMPRINT_LINE_TWIPS }));
  const cellMargins = { top: 0, bottom: 0, left: 0, right: 0 };
  const heightTwips = lines.flat().reduce((sum, p) => sum + (FLOW.get(p)?.heightTwips ?? IMPRINT_LINE_TWIPS), 0) + imprintRulesTwips(lines.length);
  const table = new Table({
    width: { size: PAGE_TWIPS.textWidth, type: WidthType.DXA },
    columnWidths: [PAGE_TWIPS.textWidth],
    layout: TableLayoutType.FIXED,
    borders: {
      top: THICK_RULE,
      bottom: THICK_RULE,
      insideHorizontal: THIN_RULE,
      left: NO_RULE,
      right: NO_RULE,
      insideVertical: NO_RULE,
    },
    rows: lines.map(
      (children) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              children,
              margins: cellMargins,
              width: { size: PAGE_TWIPS.textWidth, type: WidthType.DXA },
            }),
          ],
        }),
    ),
  });
  FLOW.set(table, { heightTwips, lineTwips: heightTwips, keepNext: false });
  return table;
}

/** Height of the text block in twips (225 mm). */
const TEXT_HEIGHT_TWIPS = mmToTwips(PAGE.textHeightMm);

/**
 * Where the flow of `blocks` ends: the page (0-based) and the twips used on it, pages filled as a
 * word processor fills them — a block that keeps with the next moves with it to a new page when the
 * two do not fit; a paragraph of several lines breaks between lines.
 */
export function flowEnd(blocks: readonly object[]): { page: number; usedTwips: number } {
  let page = 0;
  let used = 0;
  const infos = blocks.map((block) => FLOW.get(block) ?? { heightTwips: LINE_PITCH_TWIPS, lineTwips: LINE_PITCH_TWIPS, keepNext: false });
  for (let i = 0; i < infos.length; i += 1) {
    const info = infos[i];
    if (info === undefined) continue;
    // the chain this block starts (a block keeping with the next and the next's first line)
    let chain = info.keepNext ? info.heightTwips : 0;
    for (let k = i; info.keepNext && k + 1 < infos.length; k += 1) {
      const next = infos[k + 1];
      if (next === undefined) break;
      chain += next.keepNext ? next.heightTwips : next.lineTwips;
      if (!next.keepNext) break;
    }
    if (chain > 0 && used > 0 && used + chain > TEXT_HEIGHT_TWIPS && chain <= TEXT_HEIGHT_TWIPS) {
      page += 1;
      used = 0;
    }
    const firstLine = info.heightTwips - Math.max(0, Math.round(info.heightTwips / info.lineTwips) - 1) * info.lineTwips;
    let left = info.heightTwips;
    let step = firstLine;
    while (left > 0) {
      if (used > 0 && used + step > TEXT_HEIGHT_TWIPS) {
        page += 1;
        used = 0;
      }
      used += step;
      left -= step;
      step = info.lineTwips;
    }
  }
  return { page, usedTwips: used };
}

/**
 * The body of a document with its imprint (版记) at the foot of the last page (7.4.1: the imprint's
 * last line on the page's last line): blank grid lines fill the space between the text and the
 * imprint; an imprint that does not fit under the text goes to the foot of the next page.
 */
export function withImprintAtFoot(body: ReadonlyArray<Paragraph | Table>, imprint: Table): Array<Paragraph | Table> {
  const end = flowEnd(body);
  const height = FLOW.get(imprint)?.heightTwips ?? LINE_PITCH_TWIPS;
  const room = TEXT_HEIGHT_TWIPS - end.usedTwips;
  let blanks: number;
  if (height <= room) blanks = Math.floor((room - height) / LINE_PITCH_TWIPS);
  else {
    // the rest of this page, then the next page down to the imprint
    const restOfPage = Math.floor(room / LINE_PITCH_TWIPS);
    blanks = restOfPage + Math.floor((TEXT_HEIGHT_TWIPS - height) / LINE_PITCH_TWIPS);
  }
  return [...body, ...Array.from({ length: blanks }, () => blankLine()), imprint];
}

/** "— N —" in 4号 宋体; odd pages one character from the right, even pages one from the left (7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const style: RunStyle = { face: 'pageNumber', sizePt: SIZE_PT.si };
  const face = TYPEFACES.pageNumber;
  const charTwips = SIZE_PT.si * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: charTwips } : { left: charTwips },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: face.name, ascii: face.latin, hAnsi: face.latin, cs: face.latin },
            size: style.sizePt * 2,
            language: LANGUAGE,
          }),
        ],
      }),
    ],
  });
}

/** The section of every official document: A4, the GB/T 9704 margins and grid, the page numbers. */
export function officialSection(children: ISectionOptions['children'], layout: DocumentLayout = 'editable'): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
        margin: {
          top: PAGE_TWIPS.top,
          left: PAGE_TWIPS.left,
          right: PAGE_TWIPS.right,
          bottom: PAGE_TWIPS.bottom,
          header: PAGE_TWIPS.header,
          footer: PAGE_TWIPS.footer,
        },
      },
      // print layout sets every line at the exact pitch itself: LibreOffice's line grid would move
      // spacing and bordered lines onto grid lines and the imprint could not be placed at the foot
      ...(layout === 'print' ? {} : { grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS } }),
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

/**
 * Packs one official document: Normal style 3号 仿宋 (the grid's character size), odd and even
 * footers, and the font table with every typeface's fallback.
 */
export async function packOfficialDocument(options: {
  title: string;
  creator: string;
  children: ISectionOptions['children'];
  layout?: DocumentLayout;
}): Promise<Buffer> {
  const face = TYPEFACES.body;
  const document = new Document({
    title: options.title,
    creator: options.creator,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: face.name, ascii: face.latin, hAnsi: face.latin, cs: face.latin }, size: SIZE_PT.san * 2, language: LANGUAGE },
        },
      },
    },
    sections: [officialSection(options.children, options.layout ?? 'editable')],
  });
  return Packer.toBuffer(document, false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
    { path: 'word/styles.xml', data: stylesXml() },
  ]);
}
