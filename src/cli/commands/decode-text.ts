/**
 * Reading a founding document's file as text, shared by `lianxi charter import` and its `--publish`
 * mode (kept apart from both so that neither imports the other).
 */
import type { ImportError } from '../../domain/charter/charter-types.ts';
import { MAX_INPUT_BYTES } from '../../domain/charter/import-charter.ts';

export type DecodeResult = { ok: true; text: string } | { ok: false; error: ImportError };

/**
 * Decodes a file's bytes as text: UTF-8 (BOM stripped), or UTF-16 when it starts with a UTF-16
 * BOM. Invalid UTF-8, NUL bytes and oversized input are errors.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_INPUT_BYTES * 2) {
    return { ok: false, error: { code: 'input_too_large', message: `文件超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 上限，无法导入` } };
  }
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, offset] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, offset] = ['utf-16be', 2];
  const body = bytes.subarray(offset);
  if (encoding === 'utf-8' && body.includes(0)) {
    return { ok: false, error: { code: 'not_text', message: '文件含有 NUL 字节，不是文本文件' } };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text };
  } catch {
    const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    return { ok: false, error: { code: 'not_text', message: `文件不是有效的 ${name} 文本` } };
  }
}
