/**
 * The download header every document route sends: an ASCII fallback that says what the file is and
 * the Chinese name in RFC 5987 form.
 */
import { describe, expect, it } from 'vitest';
import { asciiFileName, attachmentDisposition, downloadDisposition } from '../../src/server/content-disposition.ts';

describe('attachmentDisposition', () => {
  it('sends the ASCII fallback and the percent-encoded Chinese name', () => {
    const header = attachmentDisposition('某某联席会议纪要（2026年第1期）.docx', 'minutes-2026-01.docx');
    expect(header).toBe(`attachment; filename="minutes-2026-01.docx"; filename*=UTF-8''${encodeURIComponent('某某联席会议纪要（2026年第1期）.docx')}`);
    // the encoded name decodes back to the Chinese name
    const encoded = /filename\*=UTF-8''(.+)$/u.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('某某联席会议纪要（2026年第1期）.docx');
  });

  it('escapes the characters RFC 5987 does not allow unencoded and keeps the fallback a plain token', () => {
    const header = attachmentDisposition("a'b(c)*.pdf", 'x "y"\r\n.pdf');
    expect(header).toContain("filename*=UTF-8''a%27b%28c%29%2A.pdf");
    expect(header).toContain('filename="x-y.pdf"');
    expect(asciiFileName('台账 2026-01-05 .xlsx')).toBe('2026-01-05.xlsx');
    expect(asciiFileName('纪要')).toBe('download');
  });

  it('falls back to the route’s stem with the file’s extension when the file has no ASCII name', () => {
    expect(downloadDisposition({ fileName: '简报（2026年第3期）.pdf' }, 'bulletin')).toMatch(/^attachment; filename="bulletin\.pdf"; /u);
    expect(downloadDisposition({ fileName: '台账.xlsx', asciiName: 'ledger-2026-01-05.xlsx' })).toMatch(/^attachment; filename="ledger-2026-01-05\.xlsx"; /u);
  });
});
