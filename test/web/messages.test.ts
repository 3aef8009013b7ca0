import { describe, expect, it } from 'vitest';
import { enMessages } from '../../web/src/i18n/messages-en.ts';
import { zhMessages } from '../../web/src/i18n/messages-zh.ts';
import { formatMessage } from '../../web/src/i18n/format-message.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI message dictionaries', () => {
  it('hold the same keys in Chinese and English', () => {
    expect(Object.keys(enMessages).sort()).toEqual(Object.keys(zhMessages).sort());
  });

  it('translate every string, with the same placeholders', () => {
    for (const [key, zh] of Object.entries(zhMessages)) {
      const en = enMessages[key as keyof typeof zhMessages];
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(en), key).toEqual(placeholders(zh));
    }
  });

  it('keep Chinese strings Chinese (except language names and symbols)', () => {
    const exempt = new Set(['language.en', 'common.none']);
    for (const [key, zh] of Object.entries(zhMessages)) {
      if (exempt.has(key)) continue;
      expect(/[\u4e00-\u9fff]/.test(zh), key).toBe(true);
    }
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(formatMessage('第 {page} 页，共 {total} 个', { page: 2 })).toBe('第 2 页，共 {total} 个');
    expect(formatMessage('无参数')).toBe('无参数');
  });
});
