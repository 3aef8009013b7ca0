/**
 * Intermediate structures of the import pipeline: normalise → segment → extract → validate.
 * Pure types: no I/O, no framework.
 */
import type {
  BodyKind,
  BodyLevel,
  Charter,
  CharterFunction,
  DocNumberParts,
  Finding,
  OffsetRun,
  Region,
  Rule,
  SourceSpan,
} from './charter-types.ts';

/**
 * Output of the normaliser (src/domain/charter/normalize/). Conventions extractors rely on:
 *
 * - Characters: Simplified Chinese (OpenCC t2s, one character for one); no pinyin readings
 *   (`关(guān)` → 关); full-width letters and digits become ASCII; no '\r', BOM or zero-width marks.
 * - Punctuation: in every line holding Chinese text, ASCII , : ; ( ) ! ? become full-width
 *   ，：；（）！？ (except between digits: 9:00, 1,000). Extractors match only the full-width set.
 *   Quotes, 、 and 《》 stay as written; '.' stays ASCII (1. 2009.05.11).
 * - Document numbers: year brackets are 〔〕 (某政办[2020]1号 → 某政办〔2020〕1号); a Chinese-numeral
 *   year writes zero as 〇 (二ОО九年 → 二〇〇九年).
 * - Spaces: a single space inside a name or spread title is folded (张\u3000三 → 张三, 召 集 人 → 召集人,
 *   成\u3000\u3000员： → 成员：); two or more spaces or a tab between pieces of text become one '\t', the
 *   field separator of a table row (`副召集人：张三\t某部部长`); any other single space becomes ' '
 *   (中共中央 国务院). A two-character name padded to three columns (王  磊) folds too. Leading
 *   indentation is dropped, except on a table row (a line holding '\t') whose first cell has no
 *   label (no colon), where it becomes one leading '\t' — an indented continuation row keeps an
 *   empty first cell (`\t李四\t某局局长`), a labelled row never starts with '\t'
 *   (`组长：王五\t县长`). No space follows a numbering label (第一条为…, 一、主要职能). No trailing
 *   spaces.
 * - Lines: a title split over lines is joined into one line; a sentence broken just before its last
 *   few characters (`…重大问\n题，…`) is joined; other line breaks stay, so headings, roster rows and
 *   numbered items each keep their own line. Runs of blank lines become one blank line. No line is
 *   longer than `MAX_LINE` (1,200) characters: a longer one (a flattened page, junk) is broken after
 *   a sentence end or clause mark, so that every extractor works on bounded lines (linear time).
 * - Boilerplate of web pages and document sites is dropped; a metadata block's facts stay as
 *   `【制定机关】…` / `【字号】…` lines or as `来源：…\t发布时间：…` lines.
 * - Every dropped or changed character is accounted for in `offsetMap`.
 */
export interface NormalizedText {
  /** The input exactly as given */
  original: string;
  /** Simplified, pinyin-free, boilerplate-free text with names' inner spaces folded */
  text: string;
  offsetMap: OffsetRun[];
}

/** How a section is numbered. */
export type SectionNumbering =
  | 'chinese' // 一、
  | 'paren_chinese' // （一）
  | 'arabic' // 1.  1、
  | 'paren_arabic' // （1）
  | 'article'; // 第一条

export interface Section {
  /** The numbering label as written: 一、 （一） 1. （1） 第十三条 */
  label: string;
  numbering: SectionNumbering;
  /** Numeric value of the label (一 → 1, 十三 → 13) */
  ordinal: number;
  /** Heading text when the label stands on a heading line (主要职能), or the lead-in sentence (工作专班会议制度。) */
  heading: string | null;
  /** Depth in the section tree, 0 for top level */
  depth: number;
  /** Index of the parent section in `DocumentStructure.sections`, or null */
  parent: number | null;
  /** Index into `DocumentStructure.documents` */
  document: number;
  /** The whole section including its children */
  source: SourceSpan;
  /** The text after the label (and heading), up to the end of the section */
  body: SourceSpan;
}

export interface StructureDocument {
  title: string;
  /** From the title's start to the end of the document */
  source: SourceSpan;
  /** Where the document's body starts (after title, number, addressee lines) */
  bodyStart: number;
  /** 'letter' is a covering letter or notice (函, 通知); 'rules' holds the body's rules; 'roster' a 名单 */
  role: 'letter' | 'rules' | 'roster' | 'other';
}

export interface Located<T> {
  value: T;
  source: SourceSpan;
}

export interface DocumentStructure {
  /** Title of the whole text (the founding document's title), spaces and line breaks folded */
  title: Located<string>;
  /** The text's own document number (not a citation) */
  docNumber: Located<{ text: string; parts: DocNumberParts }> | null;
  addressees: Located<string[]> | null;
  /** Issuing authority from the signature or the metadata block */
  issuer: Located<string> | null;
  /** ISO date from the signature, the metadata block or the web release line */
  issueDate: Located<string> | null;
  /** Facts of a metadata block (制定机关, 公布日期, 字号, 施行日期 …), keyed by their label */
  metadata: Record<string, Located<string>>;
  documents: StructureDocument[];
  /** Every numbered section of every document, in text order */
  sections: Section[];
  /** Whether the text looks cut off at the end */
  truncated: boolean;
  /** Why the text looks cut off (the signal that fired), when `truncated` */
  truncation?: {
    reason: 'ends_with_heading' | 'unterminated_sentence' | 'partial_preview';
    /** The last line of the text */
    source: SourceSpan;
  } | null;
  /** Attachments the founding document lists (附件：…), each with its span */
  attachments?: Array<Located<string>>;
}

/** What every extractor receives. */
export interface ExtractionContext {
  /** Normalized text; every span refers to it */
  text: string;
  structure: DocumentStructure;
  body: { name: string; kind: BodyKind; level: BodyLevel | null; region: Region | null };
}

/** Output of the composition extractor (units, roster, office, liaison, groups). */
export type CompositionResult = Pick<Charter, 'memberUnits' | 'memberUnitsStated' | 'roles' | 'office' | 'liaison' | 'groups' | 'findings'>;

/** Output of the rules extractor. */
export interface RulesResult {
  functions: CharterFunction[];
  rules: Rule[];
  findings: Finding[];
}
