/**
 * The Content-Disposition of every download: the Chinese file name in RFC 6266 / RFC 5987 form
 * (`filename*=UTF-8''…`) and an ASCII fallback that says what the file is (minutes-2026-01.docx) for
 * clients that read only `filename`.
 */

/** RFC 5987 value characters: encodeURIComponent leaves ' ( ) * ! unescaped, which `attr-char` does not allow (except !). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII file name as a quoted-string may hold it: letters, digits, '.', '-', '_'; anything else becomes '-'. */
export function asciiFileName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/gu, '-')
    .replace(/-{2,}/gu, '-')
    .replace(/^[-.]+|-+(?=\.[^.]*$)|-+$/gu, '');
  return cleaned === '' ? 'download' : cleaned;
}

/** `attachment; filename="<ascii fallback>"; filename*=UTF-8''<percent-encoded name>`. */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFileName(asciiFallback)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * The disposition of a rendered file: its own ASCII name when it has one, else `<stem><extension>`
 * (bulletin.pdf) from the stem the route knows the file by.
 */
export function downloadDisposition(file: { fileName: string; asciiName?: string | undefined }, fallbackStem = 'document'): string {
  const dot = file.fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : file.fileName.slice(dot);
  return attachmentDisposition(file.fileName, file.asciiName ?? `${fallbackStem}${extension}`);
}
