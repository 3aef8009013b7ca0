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
import { noticeOpening, packSignedNotice, sectionedParagraphs, textParagraphs } from './official-document-parts.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

/** 2024年3月5日（星期二）上午9:30至11:30 */
export function formatMeetingTime(startsAt: Date, endsAt: Date | null): string {
  const start = formatChineseDateTime(startsAt);
  if (endsAt === null) return start;
  const sameDay = shanghaiDateOf(startsAt) === shanghaiDateOf(endsAt);
  if (!sameDay) return `${start}至${formatChineseDateTime(endsAt)}`;
  // 上午9:30至11:30: the part of the day is said once when both times fall in it
  const end = formatChineseTime(endsAt);
  const part = /^(上午|下午|晚上)/u.exec(formatChineseTime(startsAt))?.[1] ?? '';
  return `${start}至${part !== '' && end.startsWith(part) ? end.slice(part.length) : end}`;
}

/** A line of the notice's text with the spans (the invitees' names) never split across lines. */
interface NoticeLine {
  text: string;
  keepTogether: Array<readonly [number, number]>;
}

/** 省某厅 张三，省某局 李四。 (U+3000 between unit and name) — each invitee kept on one line. */
function inviteeLine(entries: string[]): NoticeLine {
  const keepTogether: Array<readonly [number, number]> = [];
  let at = 0;
  for (const entry of entries) {
    const length = [...entry].length;
    keepTogether.push([at, at + length + 1]);
    at += length + 1;
  }
  return { text: `${entries.join('，')}。`, keepTogether };
}

/** Renders the notice to a DOCX file (bytes). */
export async function renderMeetingNoticeDocx(view: MeetingNoticeView): Promise<Buffer> {
  const plain = (text: string): NoticeLine => ({ text, keepTogether: [] });
  const sections: Array<{ heading: string; lines: NoticeLine[] }> = [
    { heading: '会议时间', lines: [plain(formatMeetingTime(view.startsAt, view.endsAt))] },
    ...(view.location === null ? [] : [{ heading: '会议地点', lines: [plain(view.location)] }]),
    ...(view.presider === null ? [] : [{ heading: '会议主持', lines: [plain(view.presider)] }]),
    ...(view.agenda.length === 0
      ? []
      : [{ heading: '会议议题', lines: view.agenda.map((item, index) => plain(`${index + 1}.\u3000${item}`)) }]),
    {
      heading: '参会人员',
      lines: [...view.attendeeInstructions.map(plain), ...(view.invitees.length === 0 ? [] : [inviteeLine(view.invitees.map(formatAttendanceEntry))])],
    },
    ...(view.otherRequirements.length === 0 ? [] : [{ heading: '其他事项', lines: view.otherRequirements.map(plain) }]),
  ].filter((section) => section.lines.length > 0);

  const layout = view.layout ?? 'editable';
  const children = [
    ...noticeOpening({ issuerName: view.signature.issuerName, numberLine: view.documentNumber ?? null, title: view.title, addressees: view.addressees, layout }),
    ...textParagraphs(`定于${formatMeetingTime(view.startsAt, view.endsAt)}召开${view.meetingName}。现将有关事项通知如下：`, layout),
  ];
  sections.forEach((section, index) => {
    children.push(...sectionedParagraphs(`${chineseNumeral(index + 1)}、${section.heading}`, layout));
    for (const line of section.lines) children.push(...textParagraphs(line.text, layout, { keepTogether: line.keepTogether }));
  });
  if (view.contact !== null) {
    children.push(...textParagraphs(`联系人：${view.contact.name}${view.contact.phone === null ? '' : `，电话：${view.contact.phone}`}。`, layout));
  }
  return packSignedNotice({ title: view.title, signature: view.signature, imprint: view.imprint, children, layout });
}
