/**
 * Reads a DOCX for structural tests: unzips it (jszip, installed with exceljs) and splits
 * word/document.xml into paragraphs with their properties and runs.
 */
import JSZip from 'jszip';

export interface DocxRun {
  text: string;
  /** The run's w:rPr XML */
  props: string;
}

export interface DocxParagraph {
  /** The paragraph's w:pPr XML */
  props: string;
  runs: DocxRun[];
  text: string;
  xml: string;
}

export interface DocxPackage {
  files: string[];
  read(path: string): Promise<string>;
  document: string;
  paragraphs: DocxParagraph[];
}

function decode(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&');
}

export function parseParagraphs(xml: string): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  for (const match of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/gu)) {
    const pxml = match[0];
    const props = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(pxml)?.[1] ?? '';
    const runs: DocxRun[] = [];
    for (const r of pxml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)) {
      const body = r[1] ?? '';
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/u.exec(body)?.[1] ?? '';
      const text = [...body.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/gu)]
        .map((t) => (t[0] === '<w:tab/>' ? '\t' : decode(t[1] ?? '')))
        .join('');
      runs.push({ text, props: rPr });
    }
    paragraphs.push({ props, runs, text: runs.map((run) => run.text).join(''), xml: pxml });
  }
  return paragraphs;
}

export async function readDocx(bytes: Buffer): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (file === null) throw new Error(`${path} is not in the package`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  return { files: Object.keys(zip.files), read, document, paragraphs: parseParagraphs(document) };
}

/** The attribute `name` of the first element `tag` in xml. */
export function attr(xml: string, tag: string, name: string): string | null {
  const element = new RegExp(`<${tag}\\b[^>]*>`, 'u').exec(xml)?.[0];
  if (element === undefined) return null;
  return new RegExp(`\\b${name}="([^"]*)"`, 'u').exec(element)?.[1] ?? null;
}

/** The paragraph whose text contains `text` (throws when none). */
export function paragraphWith(doc: DocxPackage, text: string): DocxParagraph {
  const found = doc.paragraphs.find((p) => p.text.includes(text));
  if (found === undefined) throw new Error(`no paragraph contains ${text}`);
  return found;
}

/** The run whose text contains `text` (throws when none). */
export function runWith(doc: DocxPackage, text: string): DocxRun {
  for (const p of doc.paragraphs) {
    const run = p.runs.find((r) => r.text.includes(text));
    if (run !== undefined) return run;
  }
  throw new Error(`no run contains ${text}`);
}
