/**
 * The view models the document renderers read. Every renderer in src/documents/ is a pure function
 * of one of these (plus nothing else): the services build them from the stored meeting, minutes,
 * decisions and the body's charter (src/services/document-service.ts); tests build them directly.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD) in Asia/Shanghai; instants are `Date`s. Names are
 * display text exactly as they are to be printed (the charter's own unit names and titles).
 */

/**
 * How a document's lines are laid out.
 * - 'editable' (the DOCX people download, the default): paragraphs flow; Word, WPS and LibreOffice
 *   break the lines by the Chinese line-break rules the document's defaults switch on (kinsoku, no
 *   hanging punctuation), so the text stays editable.
 * - 'print' (the DOCX converted to PDF): every line is composed by Lianxi (line-composition.ts:
 *   行首/行尾禁则, 标点挤压, names kept whole) and set as a paragraph of its own, spread to the full
 *   width unless it ends the paragraph — LibreOffice ignores w:overflowPunct and would otherwise hang a
 *   29th mark in the margin.
 */
export type DocumentLayout = 'editable' | 'print';

/** One person on an attendance list: the unit, the person, and what is special about them. */
export interface AttendanceEntry {
  /** The member unit as the charter names it, or null for a person without a unit */
  unitName: string | null;
  /** The person's name, or null when only the unit is known */
  personName: string | null;
  /** e.g. 副厅长 (printed after the name in parentheses when given) */
  position?: string | null;
  /** e.g. 代 / 书面意见 (printed in parentheses after the entry) */
  note?: string | null;
}

/** The attendance lists of minutes: 出席 / 请假 / 列席. Empty lists are not printed. */
export interface AttendanceLists {
  attended: AttendanceEntry[];
  absentWithLeave: AttendanceEntry[];
  observers: AttendanceEntry[];
}

/** A decided item (议定事项) as minutes and notices print it. */
export interface DecidedItemView {
  text: string;
  leadUnit: string | null;
  coUnits: string[];
  /** A date, or N working days from issue (minutes not yet issued), or null when none is set */
  deadline: { kind: 'date'; date: string } | { kind: 'working_days'; days: number } | null;
}

/** The imprint (版记): who receives the document and who printed it when. */
export interface ImprintView {
  /** 抄报: report copies upward */
  reportCopyTo: string[];
  /** 分送 (minutes) / 抄送 (other documents): the other recipients */
  distributeTo: string[];
  /**
   * 抄送 of minutes: the charter's copy-to recipients (有关方面 …), a line of their own after 分送,
   * never merged into it
   */
  copyTo?: string[];
  /** 印发机关: the office that prints the document */
  printingOffice: string;
  /** 印发日期 (ISO date) */
  printDate: string;
}

/** Minutes (纪要) in the GB/T 9704-2012 纪要 layout. */
export interface MinutesDocumentView {
  /** The body's name; the heading is `${bodyName}纪要` */
  bodyName: string;
  /** 第N期 (numbered per body and year); null for minutes not yet issued (printed as 送审稿) */
  issueNumber: number | null;
  /** The year the number counts in */
  issueYear: number;
  /** The office that issues the minutes (beneath the heading, left) */
  issuingOffice: string;
  /** Issue date (beneath the heading, right) */
  issueDate: string;
  /** The meeting, e.g. 第一次全体会议 — printed as the first line of the text when given */
  meetingTitle: string | null;
  /**
   * The main proceedings, one paragraph per entry. A paragraph starting with 一、 （一） 1. （1） is
   * a heading of that level (its label sentence is set in that level's font).
   */
  proceedings: string[];
  attendance: AttendanceLists;
  /** The decided items, numbered in this order */
  decisions: DecidedItemView[];
  imprint: ImprintView;
  /** When these minutes correct earlier ones: the number they replace */
  correctsIssueNumber: number | null;
  /** 'editable' (default) or 'print' (lines composed; for the PDF) */
  layout?: DocumentLayout;
}

/**
 * The signature area of a document issued in a body's or office's name. `sealed` = the issuer uses
 * a seal (GB/T 9704 7.3.5.1: the seal presses on the issuer's name and the date, so space is left
 * for it); not sealed (不刻制印章) = 7.3.5.2: name and date without a seal area.
 */
export interface SignatureView {
  issuerName: string;
  date: string;
  sealed: boolean;
}

/** A meeting notice (会议通知) to the invitees. */
export interface MeetingNoticeView {
  /** Title line, e.g. 关于召开…第一次全体会议的通知 */
  title: string;
  /** 主送: addressees (e.g. each member unit) */
  addressees: string[];
  meetingName: string;
  startsAt: Date;
  endsAt: Date | null;
  location: string | null;
  presider: string | null;
  agenda: string[];
  /** Who is to attend (e.g. 各成员单位分管负责同志) — free text lines */
  attendeeInstructions: string[];
  /** The invited units and people */
  invitees: AttendanceEntry[];
  /** 其他事项: reply deadline, materials … */
  otherRequirements: string[];
  contact: { name: string; phone: string | null } | null;
  /** 发文字号 (e.g. 某联办〔2026〕3号) once the issuer's register has given one; null prints an empty number line */
  documentNumber?: string | null;
  signature: SignatureView;
  imprint: ImprintView | null;
  /** 'editable' (default) or 'print' (lines composed; for the PDF) */
  layout?: DocumentLayout;
}

/** A decision (议定事项) as the circular and the ledger show it: what, who, by when, how far. */
export interface DecisionFacts {
  text: string;
  leadUnit: string | null;
  coUnits: string[];
  deadline: string | null;
  deadlineProvisional: boolean;
  /** Working days left (>= 0) or overdue (< 0); null when closed or there is no deadline */
  workingDaysLeft: number | null;
  /** Status label as the reader sees it (已交办, 办理中 …) */
  statusLabel: string;
  latestProgress: string | null;
}

/** One open decided item in a status circular. */
export interface CircularItemView extends DecisionFacts {
  /** Where it was decided, e.g. 第一次全体会议（纪要第3期） */
  source: string;
}

/** A status circular (通报) of open decisions. */
export interface CircularView {
  title: string;
  /** 第N期 of this body's circulars in `year` */
  number: number;
  year: number;
  addressees: string[];
  /** The day the statuses are taken on */
  asOf: string;
  items: CircularItemView[];
  /** 发文字号 once given; without it the line under the mark reads 2026年第N期 */
  documentNumber?: string | null;
  signature: SignatureView;
  imprint: ImprintView | null;
  /** 'editable' (default) or 'print' (lines composed; for the PDF) */
  layout?: DocumentLayout;
}

/** One row of the supervision ledger (督办台账): one decided item. */
export interface LedgerRow extends DecisionFacts {
  bodyName: string;
  meetingName: string;
  /** The day the minutes were issued (the item's handling starts) */
  issuedOn: string | null;
  /** The minutes it came from, e.g. 2024年第3期 */
  minutesLabel: string;
  itemNo: number;
  latestProgressAt: string | null;
}

export interface LedgerSheetView {
  /** The sheet's name (a body's name; cut to Excel's 31 characters by the renderer) */
  name: string;
  /** The title line above the table */
  title: string;
  rows: LedgerRow[];
}

/** The ledger workbook: one sheet per body (a body's ledger has one; a unit's has one per body). */
export interface LedgerWorkbookView {
  title: string;
  /** The day the working days left are counted from */
  asOf: string;
  sheets: LedgerSheetView[];
}

/** A person on a calendar invitation. */
export interface CalendarPerson {
  name: string;
  /** A mailto: address when the account has one, else a urn:uuid: or other URI naming the account */
  address: string;
  /** 'optional' for observers (列席: OPT-PARTICIPANT); members are required participants */
  role?: 'required' | 'optional';
}

/** One meeting as a calendar event. */
export interface MeetingInvitationView {
  /** Stable across every update of the meeting */
  uid: string;
  /** Raised each time a scheduled meeting changes (meetings.ics_sequence) */
  sequence: number;
  /** REQUEST for a live meeting, CANCEL for a cancelled one */
  method: 'REQUEST' | 'CANCEL';
  summary: string;
  description: string | null;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  /** When the invitation was written (DTSTAMP) */
  stamp: Date;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
}

/** A subscription feed: every meeting a person may see. */
export interface CalendarFeedView {
  name: string;
  events: MeetingInvitationView[];
}
