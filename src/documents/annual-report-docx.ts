/**
 * A body's annual report (年度工作报告) as DOCX in the GB/T 9704-2012 general layout: the issuer's
 * mark and red rule, the title (…关于{year}年度工作情况的报告), the addressee the charter names (报市政府 /
 * 向协调小组报告), the office's own summary, then 附：各单位年度工作报告 — each reporter's text under
 * its name, in the order given; the signature (the body, sealed unless the charter says 不刻制印章).
 */
import { chineseNumeral } from './chinese-format.ts';
import type { SignatureView } from './document-views.ts';
import { bodyTextParagraph } from './body-text-paragraph.ts';
import { noticeOpening, packSignedNotice, sectionedParagraph } from './official-document-parts.ts';

export interface AnnualReportView {
  /** Title line, e.g. 某某协调小组关于2021年度工作情况的报告 */
  title: string;
  /** 主送 */
  addressees: string[];
  /** The office's own text, paragraphs separated by line breaks */
  summary: string;
  /** The reporters' own annual reports (accepted or submitted) */
  parts: { reporterName: string; text: string }[];
  /** Reporters that did not report by the time of compiling */
  missing: string[];
  signature: SignatureView;
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Renders the annual report to DOCX bytes. */
export async function renderAnnualReportDocx(view: AnnualReportView): Promise<Buffer> {
  const children = [...noticeOpening({ issuerName: view.signature.issuerName, title: view.title, addressees: view.addressees })];
  for (const line of paragraphsOf(view.summary)) children.push(bodyTextParagraph(line));
  if (view.parts.length > 0) {
    children.push(sectionedParagraph('附：各单位年度工作报告'));
    view.parts.forEach((part, index) => {
      children.push(sectionedParagraph(`${chineseNumeral(index + 1)}、${part.reporterName}`));
      for (const line of paragraphsOf(part.text)) children.push(bodyTextParagraph(line));
    });
  }
  if (view.missing.length > 0) children.push(bodyTextParagraph(`截至汇总之日，${view.missing.join('、')}尚未报送年度工作报告。`));
  return packSignedNotice({ title: view.title, signature: view.signature, imprint: null, children });
}
