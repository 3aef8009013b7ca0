/**
 * The message of a server error in the UI language, from the error catalogue
 * (src/errors/error-catalogue.ts). Loaded on demand (web/src/common/error-alert.tsx): at once in the
 * English UI, in the Chinese one only for an error the server sent without a message — the
 * catalogue holds every code in both languages, too much for every screen's first download.
 */
import { ERROR_CATALOGUE, fillErrorTemplate, isErrorCode } from '../../../src/errors/error-catalogue.ts';
import type { AppError } from './app-error.ts';

/**
 * The message of a server error in the UI language: in Chinese the server's specific message
 * (the catalogue's Chinese template when it sent none); in English the catalogue's English
 * template. Null for a code the catalogue does not know and no message to fall back on.
 */
export function appErrorMessage(error: AppError, language: 'zh' | 'en'): string | null {
  const serverMessage = error.message.trim();
  if (language === 'zh' && serverMessage !== '') return serverMessage;
  if (isErrorCode(error.code)) {
    const entry = ERROR_CATALOGUE[error.code];
    return fillErrorTemplate(language === 'zh' ? entry.zh : entry.en, { ...error.details, field: error.field });
  }
  return serverMessage === '' ? null : serverMessage;
}
