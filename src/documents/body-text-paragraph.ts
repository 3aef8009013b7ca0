/**
 * The plain body-text paragraph shared by the annual report and the bulletin's articles.
 */
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { CHAR_TWIPS, SIZE_PT, TYPEFACES } from './gbt9704-layout.ts';
import { GRID_SPACING } from './official-document-parts.ts';

/**
 * A paragraph of text: 3号 仿宋, two characters indented, justified, on the grid's line pitch. Its run
 * keeps the font's own character spacing: with the grid's negative spacing LibreOffice drops a comma
 * that ends a justified line (a lost character in the PDF). Even without it, a line holding Latin digits
 * (17.3%) lost the 、 or ， that no longer fit at its end while w:overflowPunct was off (the document
 * default); on (here) LibreOffice breaks the line earlier and every character stays inside the text
 * block — both seen by test/integration/annual-report-real-client.test.ts and
 * test/integration/bulletins-real-client.test.ts. No flow is tracked.
 */
export function bodyTextParagraph(text: string): Paragraph {
  const face = TYPEFACES.body;
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: GRID_SPACING,
    indent: { firstLineChars: 200, firstLine: 2 * CHAR_TWIPS },
    overflowPunctuation: true,
    children: [
      new TextRun({
        text,
        font: { eastAsia: face.name, ascii: face.latin, hAnsi: face.latin, cs: face.latin },
        size: SIZE_PT.san * 2,
        language: { value: 'zh-CN', eastAsia: 'zh-CN' },
      }),
    ],
  });
}
