/**
 * A bulletin issue as a file: DOCX in the 简报 layout (src/documents/bulletin-docx.ts), or PDF by
 * the LibreOffice adapter. A draft prints as 送审稿 with today's date; an issued one with its 期数,
 * 发文字号 and the day it was signed.
 */
import { convertDocxToPdf } from '../../adapters/pdf-conversion.ts';
import type { DbOrTx } from '../../db/database.ts';
import { renderBulletinDocx, bulletinIssueLine } from '../../documents/bulletin-docx.ts';
import type { BulletinDocumentView } from '../../documents/bulletin-docx.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';
import { CONTENT_TYPES } from '../document-service.ts';
import type { RenderedFile } from '../document-service.ts';
import { getBulletin } from './bulletin-service.ts';

function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '').slice(0, 120) || 'bulletin';
}

/** The view the DOCX is rendered from. */
export async function loadBulletinDocumentView(db: DbOrTx, options: { bodyId: string; documentId: string; at: Date }): Promise<BulletinDocumentView> {
  const bulletin = await getBulletin(db, { bodyId: options.bodyId, documentId: options.documentId, viewerId: null, at: options.at });
  return {
    series: bulletin.series,
    year: bulletin.year,
    issueNumber: bulletin.issueNumber,
    docNumber: bulletin.document.docNumber,
    compiledBy: bulletin.compiledBy,
    date: bulletin.document.issuedOn ?? shanghaiDateOf(options.at),
    articles: bulletin.articles.map((a) => ({ title: a.title, text: a.text, reporterName: a.reporterName })),
    reportTo: bulletin.reportTo,
    copyTo: bulletin.copyTo,
  };
}

/** Renders the bulletin issue as DOCX or PDF. */
export async function renderBulletinDocument(db: DbOrTx, options: { bodyId: string; documentId: string; format: 'docx' | 'pdf'; at: Date }): Promise<RenderedFile> {
  const view = await loadBulletinDocumentView(db, options);
  const docx = await renderBulletinDocx(view);
  const baseName = safeFileName(`${view.series}（${bulletinIssueLine(view)}）`);
  const asciiStem = view.issueNumber === null ? `bulletin-draft-${view.date}` : `bulletin-${view.year}-${String(view.issueNumber).padStart(2, '0')}`;
  if (options.format === 'docx') return { fileName: `${baseName}.docx`, asciiName: `${asciiStem}.docx`, contentType: CONTENT_TYPES.docx, bytes: docx };
  return { fileName: `${baseName}.pdf`, asciiName: `${asciiStem}.pdf`, contentType: CONTENT_TYPES.pdf, bytes: await convertDocxToPdf(docx) };
}
