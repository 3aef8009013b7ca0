/**
 * Minutes (纪要) as DOCX in the 纪要 layout of GB/T 9704-2012 (10.3):
 * - the mark "<body>纪要" in red 2号 方正小标宋简体, centred, 35 mm below the top of the text block;
 *   beneath it 第N期 centred, then the issuing office (one character from the left) and the issue date
 *   (one character from the right) over a red rule the width of the text block;
 * - the proceedings in 3号 仿宋 with 一、 黑体 / （一） 楷体 / 1. （1） 仿宋 headings, then the decided
 *   items numbered 1. 2. …, each with its lead and co-handling units and deadline;
 * - one blank line, then 出席 / 请假 / 列席: the label two characters in, 3号 黑体, a full-width colon,
 *   the units and names in 3号 仿宋, continuation lines aligned after the colon;
 * - the imprint (抄报 / 分送, printing office and date) between full-width rules.
 * Minutes carry no seal and no issuer's signature: 10.3 gives the 纪要 neither (the mark names
 * the issuer), so no seal area is left whatever the body's seal flag says.
 */
import { formatChineseDate } from './chinese-format.ts';
import type { AttendanceEntry, DecidedItemView, MinutesDocumentView } from './document-views.ts';
import { mmToTwips, OFFICIAL_RED, SIZE_PT } from './gbt9704-layout.ts';
import {
  blankLine,
  centredLine,
  imprintTable,
  labelledLists,
  leftRightLineWithRedRule,
  packOfficialDocument,
  sectionedParagraphs,
  textParagraphs,
  titleParagraph,
  withImprintAtFoot,
} from './official-document-parts.ts';
import type { RunStyle } from './official-document-parts.ts';

/** The heading of the minutes: the body's name followed by 纪要 (unless the name already ends so). */
export function minutesHeading(bodyName: string): string {
  return bodyName.endsWith('纪要') ? bodyName : `${bodyName}纪要`;
}

/**
 * 省某某厅 张三（副厅长，代） (U+3000 between unit and name) — unit, name, then position and note in one bracket, as the lists print
 * them. A position that starts with the unit's name (某局某科科长 of 某局) drops it: the unit is
 * printed once.
 */
export function formatAttendanceEntry(entry: AttendanceEntry): string {
  const parts = [entry.unitName, entry.personName].filter((part): part is string => part !== null && part !== '');
  const text = parts.join('\u3000');
  let position = entry.position?.trim() ?? '';
  const unit = entry.unitName?.trim() ?? '';
  if (unit !== '' && position.startsWith(unit) && position.length > unit.length) position = position.slice(unit.length);
  const details = [position, entry.note?.trim() ?? ''].filter((part) => part !== '');
  return details.length === 0 ? text : `${text}（${details.join('，')}）`;
}

/** 1. text（牵头单位：…；配合单位：…；完成时限：2024年3月14日前。） */
export function formatDecidedItem(item: DecidedItemView, ordinal: number): string {
  const facts: string[] = [];
  if (item.leadUnit !== null) facts.push(`牵头单位：${item.leadUnit}`);
  if (item.coUnits.length > 0) facts.push(`配合单位：${item.coUnits.join('、')}`);
  if (item.deadline?.kind === 'date') facts.push(`完成时限：${formatChineseDate(item.deadline.date)}前`);
  if (item.deadline?.kind === 'working_days') facts.push(`完成时限：印发之日起${item.deadline.days}个工作日内`);
  const text = item.text.trim();
  const ended = /[。！？；]$/u.test(text) ? text : `${text}。`;
  return `${ordinal}.\u3000${ended}${facts.length > 0 ? `（${facts.join('；')}）` : ''}`;
}

const LIST_LABEL: RunStyle = { face: 'heading1', sizePt: SIZE_PT.san };

/** GB/T 9704 10.3: the 纪要 mark's top edge is 35 mm below the top of the text block. */
const MARK_OFFSET_TWIPS = mmToTwips(35);

/** Renders the minutes to a DOCX file (bytes). */
export async function renderMinutesDocx(view: MinutesDocumentView): Promise<Buffer> {
  const heading = minutesHeading(view.bodyName);
  const layout = view.layout ?? 'editable';
  const children = [
    titleParagraph(heading, { color: OFFICIAL_RED, spaceBeforeTwips: MARK_OFFSET_TWIPS }),
    centredLine(view.issueNumber === null ? '（送审稿）' : `第${view.issueNumber}期`),
    ...(view.correctsIssueNumber === null ? [] : [centredLine(`（更正第${view.correctsIssueNumber}期）`)]),
    ...leftRightLineWithRedRule(view.issuingOffice, formatChineseDate(view.issueDate)),
    blankLine(),
    ...view.proceedings.filter((p) => p.trim() !== '').flatMap((p) => sectionedParagraphs(p.trim(), layout)),
  ];
  if (view.decisions.length > 0) {
    children.push(...textParagraphs('会议议定以下事项：', layout));
    view.decisions.forEach((item, index) => children.push(...textParagraphs(formatDecidedItem(item, index + 1), layout)));
  }
  const lists: Array<[string, AttendanceEntry[]]> = [
    ['出席', view.attendance.attended],
    ['请假', view.attendance.absentWithLeave],
    ['列席', view.attendance.observers],
  ];
  const printed = lists.filter(([, entries]) => entries.length > 0);
  if (printed.length > 0) {
    children.push(blankLine());
    for (const [label, entries] of printed) {
      children.push(
        ...labelledLists({ layout, label, entries: entries.map(formatAttendanceEntry), separator: '，', startChars: 2, labelStyle: LIST_LABEL }),
      );
    }
  }
  return packOfficialDocument({
    title: view.meetingTitle === null ? heading : `${heading}（${view.meetingTitle}）`,
    creator: view.issuingOffice,
    layout,
    children: withImprintAtFoot(children, imprintTable(view.imprint, '分送', layout)),
  });
}
