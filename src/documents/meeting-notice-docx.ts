/**
 * A meeting notice (会议通知) as DOCX in the GB/T 9704-2012 general layout: the issuer's mark in red
 * with the red rule, the title (2号 方正小标宋简体, one blank line below the rule), the addressees,
 * the text in 3号 仿宋 with 一、 headings in 黑体 (time, place, agenda, attendees, requirements),
 * the contact, the signature (with a seal area only when the issuer uses a seal) and the imprint.
 */
import { formatChineseDateTime, formatChineseTime } from './chinese-format.ts';
import { chineseNumeral } from './chinese-format.ts';
import type { MeetingNoticeView } from './document-views.ts';
import { formatAttendanceEntry } from './minutes-docx.ts';
import { noticeOpening, packSignedNotice, sectionedParagraph, textParagraph } from './official-document-parts.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/** 2024年3月5日（星期二）上午9:30至11:30 */
export function formatMeetingTime(startsAt: Date, endsAt: Date | null): string {
  const start = formatChineseDateTime(startsAt);
  if (endsAt === null) return start;
  const sameDay = shanghaiDateOf(startsAt) === shanghaiDateOf(endsAt);
  return `${start}至${sameDay ? formatChineseTime(endsAt) : formatChineseDateTime(endsAt)}`;
}

/** Renders the notice to a DOCX file (bytes). */
export async function renderMeetingNoticeDocx(view: MeetingNoticeView): Promise<Buffer> {
  const sections: Array<{ heading: string; lines: string[] }> = [
    { heading: '会议时间', lines: [formatMeetingTime(view.startsAt, view.endsAt)] },
    ...(view.location === null ? [] : [{ heading: '会议地点', lines: [view.location] }]),
    ...(view.presider === null ? [] : [{ heading: '会议主持', lines: [view.presider] }]),
    ...(view.agenda.length === 0
      ? []
      : [{ heading: '会议议题', lines: view.agenda.map((item, index) => `${index + 1}. ${item}`) }]),
    {
      heading: '参会人员',
      lines: [
        ...view.attendeeInstructions,
        ...(view.invitees.length === 0 ? [] : [`${view.invitees.map(formatAttendanceEntry).join('，')}。`]),
      ],
    },
    ...(view.otherRequirements.length === 0 ? [] : [{ heading: '其他事项', lines: view.otherRequirements }]),
  ].filter((section) => section.lines.length > 0);

  const children = [
    ...noticeOpening({ issuerName: view.signature.issuerName, title: view.title, addressees: view.addressees }),
    textParagraph(`定于${formatMeetingTime(view.startsAt, view.endsAt)}召开${view.meetingName}。现将有关事项通知如下：`),
  ];
  sections.forEach((section, index) => {
    children.push(sectionedParagraph(`${chineseNumeral(index + 1)}、${section.heading}`));
    for (const line of section.lines) children.push(textParagraph(line));
  });
  if (view.contact !== null) {
    children.push(textParagraph(`联系人：${view.contact.name}${view.contact.phone === null ? '' : `，电话：${view.contact.phone}`}。`));
  }
  return packSignedNotice({ title: view.title, signature: view.signature, imprint: view.imprint, children });
}
