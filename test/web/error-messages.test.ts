import { describe, expect, it } from 'vitest';
import { AppError, HTTP_ERROR, appErrorFromResponse, toAppError } from '../../web/src/api/app-error.ts';
import { appErrorMessage } from '../../web/src/api/error-messages.ts';
import { ERROR_CATALOGUE } from '../../src/errors/error-catalogue.ts';

const received = (code: string, message: string) => appErrorFromResponse(404, { error: { code, status: 404, message } });

describe('web client error messages', () => {
  it("keeps the server's specific Chinese message in the Chinese UI", () => {
    expect(appErrorMessage(received('body_not_found', '编号 x 的机构不存在'), 'zh')).toBe('编号 x 的机构不存在');
  });

  it("shows the catalogue's English template in the English UI", () => {
    expect(appErrorMessage(received('body_not_found', '编号 x 的机构不存在'), 'en')).toBe(ERROR_CATALOGUE.body_not_found.en);
  });

  it("falls back to the catalogue's Chinese template when the server sent no message", () => {
    expect(appErrorMessage(received('body_not_found', ''), 'zh')).toBe(ERROR_CATALOGUE.body_not_found.zh);
  });

  it("shows the server's message for a code the client does not know, and null when there is none", () => {
    expect(appErrorMessage(received('some_newer_code', '新的说明'), 'en')).toBe('新的说明');
    expect(appErrorMessage(received('some_newer_code', ''), 'en')).toBeNull();
  });

  it('makes client-side errors without the catalogue (no body, no connection)', () => {
    const http = appErrorFromResponse(502, '<html>');
    expect(http).toBeInstanceOf(AppError);
    expect([http.code, http.status]).toEqual([HTTP_ERROR, 502]);
    expect(toAppError(new Error('offline')).status).toBe(0);
  });
});
