/**
 * A status circular (通报) of open decided items as DOCX in the GB/T 9704-2012 general layout: the
 * issuer's mark and red rule, the title, the addressees, a summary as of the day, then 一、已逾期事项
 * and 二、正在办理事项 (empty groups left out), each item numbered with its units, deadline, working
 * days left or overdue, status, latest progress and where it was decided; the signature and imprint.
 */
import { chineseNumeral, formatChineseDate, formatWorkingDaysLeft } from './chinese-format.ts';
import type { CircularItemView, CircularView } from './document-views.ts';
import { noticeOpening, packSignedNotice, sectionedParagraphs, textParagraphs } from './official-document-parts.ts';

/** One item's paragraph: 1. text（牵头单位…；完成时限…；已逾期2个工作日；状态：办理中）最新进展：… */
export function formatCircularItem(item: CircularItemView, ordinal: number): string {
  const facts: string[] = [];
  if (item.leadUnit !== null) facts.push(`牵头单位：${item.leadUnit}`);
  if (item.coUnits.length > 0) facts.push(`配合单位：${item.coUnits.join('、')}`);
  if (item.deadline !== null) {
    facts.push(`完成时限：${formatChineseDate(item.deadline)}${item.deadlineProvisional ? '（节假日安排未公布，暂按常规工作日计算）' : ''}`);
  }
  const daysLeft = formatWorkingDaysLeft(item.workingDaysLeft);
  if (daysLeft !== '') facts.push(daysLeft);
  facts.push(`状态：${item.statusLabel}`);
  facts.push(`来源：${item.source}`);
  const text = item.text.trim().replace(/[。；]$/u, '');
  const progress = item.latestProgress === null ? '尚未报送进展。' : `最新进展：${item.latestProgress.trim().replace(/[。]?$/u, '。')}`;
  return `${ordinal}.\u3000${text}（${facts.join('；')}）。${progress}`;
}

/** Renders the circular to a DOCX file (bytes). */
export async function renderCircularDocx(view: CircularView): Promise<Buffer> {
  const overdue = view.items.filter((item) => item.workingDaysLeft !== null && item.workingDaysLeft < 0);
  const open = view.items.filter((item) => !(item.workingDaysLeft !== null && item.workingDaysLeft < 0));
  const layout = view.layout ?? 'editable';
  const numberLine = view.documentNumber ?? `${view.year}年第${view.number}期`;
  const children = [
    ...noticeOpening({ issuerName: view.signature.issuerName, numberLine, title: view.title, addressees: view.addressees, layout }),
    ...textParagraphs(
      view.items.length === 0
        ? `截至${formatChineseDate(view.asOf)}，会议议定事项均已办结。`
        : `截至${formatChineseDate(view.asOf)}，会议议定事项中尚未办结${view.items.length}项${overdue.length > 0 ? `，其中已逾期${overdue.length}项` : ''}。现将有关情况通报如下：`,
      layout,
    ),
  ];
  const groups: Array<[string, CircularItemView[]]> = [
    ['已逾期事项', overdue],
    ['正在办理事项', open],
  ];
  let section = 0;
  for (const [heading, items] of groups) {
    if (items.length === 0) continue;
    section += 1;
    children.push(...sectionedParagraphs(`${chineseNumeral(section)}、${heading}`, layout));
    items.forEach((item, index) => children.push(...textParagraphs(formatCircularItem(item, index + 1), layout)));
  }
  if (view.items.length > 0) {
    children.push(...textParagraphs('请各牵头单位抓紧推进，按时限办结并报送进展情况；确需延期的，请按程序提出申请。', layout));
  }
  return packSignedNotice({ title: view.title, signature: view.signature, imprint: view.imprint, children, layout });
}
