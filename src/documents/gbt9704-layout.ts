/**
 * The page and type of GB/T 9704-2012 (党政机关公文格式) as numbers a DOCX writer uses. Pure data.
 *
 * - 5.2.1 A4 (210 × 297 mm); 5.2.2 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm — so the right margin
 *   is 210 − 28 − 156 = 26 mm and the bottom one 297 − 37 − 225 = 35 mm.
 * - 6.2 一般每面排22行，每行排28个字: a line grid (docGrid type lines) of 22 lines — line pitch
 *   225 mm / 22, rounded down so that 22 lines always fit, and every paragraph set to exactly that
 *   pitch — and 28 characters: 3号 (16 pt) text narrowed by character spacing to 156 mm / 28.
 *   Word's character grid (linesAndChars + charSpace) is not used: LibreOffice gives every 16 pt
 *   character two of its 15.8 pt cells and prints 14 characters a line.
 * - Type sizes in points: 2号 22, 3号 16, 4号 14.
 * - Red: the standard says only 红色 (7.2.2 推荐使用红色小标宋体字, 7.2.5 红色分隔线). Offices take the red
 *   that Word's and WPS's standard colour 红色 is, RGB 255 0 0 (FF0000); C00000 is Word's 深红
 *   (dark red), which printers of 红头 do not use. So FF0000.
 */

/** 1 mm in twentieths of a point (twips). */
export const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  textWidthMm: 156,
  textHeightMm: 225,
  rightMm: 210 - 28 - 156,
  bottomMm: 297 - 37 - 225,
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

export const PAGE_TWIPS = {
  width: mmToTwips(PAGE.widthMm),
  height: mmToTwips(PAGE.heightMm),
  top: mmToTwips(PAGE.topMm),
  left: mmToTwips(PAGE.leftMm),
  right: mmToTwips(PAGE.rightMm),
  bottom: mmToTwips(PAGE.bottomMm),
  textWidth: mmToTwips(PAGE.textWidthMm),
  /**
   * Footer distance from the page's bottom edge: 7.5 puts the page number's 一字线 7 mm below the
   * text block (35 mm bottom margin − 7 mm − half a 4号 line ≈ 25 mm).
   */
  footer: mmToTwips(25),
  header: mmToTwips(15),
} as const;

/** Type sizes in points. */
export const SIZE_PT = { er: 22, san: 16, si: 14 } as const;

/** The line pitch of the grid in twips: 225 mm / 22 lines, rounded down. */
export const LINE_PITCH_TWIPS = Math.floor((PAGE.textHeightMm * TWIPS_PER_MM) / PAGE.linesPerPage);

/** One character of the 28-character line in twips (156 mm / 28, rounded down so that 28 fit). */
export const CHAR_TWIPS = Math.floor((PAGE.textWidthMm * TWIPS_PER_MM) / PAGE.charsPerLine);

/**
 * Character spacing (w:spacing, twips) that narrows 3号 text to the 28-character pitch; Word, WPS
 * and LibreOffice all honour it.
 */
export const BODY_CHARACTER_SPACING = CHAR_TWIPS - 16 * 20;

/** Red of the heading and the heading rule. */
export const OFFICIAL_RED = 'FF0000';

/** The typefaces of GB/T 9704 by role, as government machines name them. */
export type TypefaceRole = 'title' | 'body' | 'heading1' | 'heading2' | 'pageNumber';

export interface Typeface {
  /** The font name written into w:rFonts (eastAsia) */
  name: string;
  /** Latin letters and digits (w:rFonts ascii / hAnsi) */
  latin: string;
  /** What to use where `name` is not installed, written as w:altName in the font table */
  altName: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable';
}

/**
 * 方正小标宋简体 (titles), 仿宋_GB2312 (text), 黑体 (一、), 楷体_GB2312 (（一）), 宋体 (page numbers).
 * Fallbacks: the names Windows ships since Vista (仿宋, 楷体) or the nearest face (小标宋 → 华文中宋);
 * on Linux fontconfig chooses a CJK serif/sans by family (Noto Serif/Sans CJK SC).
 * Latin letters and digits in text are set in Times New Roman, as provincial 公文 rules ask.
 */
export const TYPEFACES: Record<TypefaceRole, Typeface> = {
  title: { name: '方正小标宋简体', latin: '方正小标宋简体', altName: '华文中宋', family: 'roman', pitch: 'variable' },
  body: { name: '仿宋_GB2312', latin: 'Times New Roman', altName: '仿宋', family: 'modern', pitch: 'fixed' },
  heading1: { name: '黑体', latin: 'Times New Roman', altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  heading2: { name: '楷体_GB2312', latin: 'Times New Roman', altName: '楷体', family: 'modern', pitch: 'fixed' },
  pageNumber: { name: '宋体', latin: '宋体', altName: 'SimSun', family: 'auto', pitch: 'variable' },
};

function escapeXml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/**
 * word/fontTable.xml declaring every typeface with its fallback (w:altName), the GB2312 character
 * set (w:charset 86) and its family and pitch, so Word and WPS substitute a similar face where the
 * named one is missing.
 */
export function fontTableXml(): string {
  const seen = new Set<string>();
  const fonts: string[] = [];
  for (const face of Object.values(TYPEFACES)) {
    if (seen.has(face.name)) continue;
    seen.add(face.name);
    fonts.push(
      `<w:font w:name="${escapeXml(face.name)}"><w:altName w:val="${escapeXml(face.altName)}"/>` +
        `<w:charset w:val="86"/><w:family w:val="${face.family}"/><w:pitch w:val="${face.pitch}"/></w:font>`,
    );
  }
  fonts.push(
    '<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>',
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts.join('') +
    '</w:fonts>'
  );
}

/**
 * word/styles.xml: the document defaults every paragraph inherits — 3号 仿宋_GB2312 with Times New
 * Roman digits, language zh-CN — and the Chinese line-break rules of the paragraph defaults:
 * - w:kinsoku: 行首禁则 / 行尾禁则 (no 。，、；：？！）》” at a line start, no （《“ at a line end);
 * - w:overflowPunct off: no punctuation hangs into the margin — GB/T 9704 keeps every character in
 *   the 版心 (LibreOffice otherwise draws a 29th 。 beyond the text block, where printers cut it);
 * - w:autoSpaceDE / w:autoSpaceDN off: no extra space between Chinese and Latin letters or digits,
 *   which would push a line off the 28-character grid.
 * Plus the Normal paragraph style and the default table style (no cell margins).
 */
export function stylesXml(): string {
  const body = TYPEFACES.body;
  const rFonts = `<w:rFonts w:ascii="${escapeXml(body.latin)}" w:hAnsi="${escapeXml(body.latin)}" w:cs="${escapeXml(body.latin)}" w:eastAsia="${escapeXml(body.name)}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${rFonts}<w:sz w:val="${SIZE_PT.san * 2}"/><w:szCs w:val="${SIZE_PT.san * 2}"/>` +
    '<w:lang w:val="zh-CN" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:kinsoku/><w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' +
    '<w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}
