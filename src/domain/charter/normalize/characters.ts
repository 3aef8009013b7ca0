/**
 * First pass: line ends, byte-order marks, zero-width and control characters. Pure.
 */
import { Editor, type MappedText } from './mapped-text.ts';

function needsCleaning(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x0a && c !== 0x09 : c === 0x7f || c === 0xa0 || c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0x2028 || c === 0x2029) {
      return true;
    }
  }
  return false;
}

/** Drops '\r' (CRLF and lone CR become '\n'), BOMs, zero-width and control characters; NBSP → space. */
export function cleanCharacters(src: MappedText): MappedText {
  const { text } = src;
  if (!needsCleaning(text)) return src;
  const editor = new Editor(src);
  let cursor = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    let replacement: string | null = null;
    if (ch === '\r') replacement = text[i + 1] === '\n' ? '' : '\n';
    else if (ch === '\u2028' || ch === '\u2029' || ch === '\u000b' || ch === '\u000c') replacement = '\n';
    else if (ch === '\u00a0') replacement = ' ';
    else if (ch === '\ufeff' || (code >= 0x200b && code <= 0x200d) || ch === '\u2060') replacement = '';
    else if ((code < 0x20 && ch !== '\n' && ch !== '\t') || code === 0x7f) replacement = '';
    if (replacement === null) continue;
    editor.keep(cursor, i);
    editor.replace(i, i + 1, replacement);
    cursor = i + 1;
  }
  editor.keep(cursor, text.length);
  return editor.finish();
}
