/**
 * The UI language: Chinese first, English switchable. Every string the UI shows comes from the
 * typed dictionaries `messages-zh.ts` / `messages-en.ts`; Ant Design components follow through
 * ConfigProvider, dates through dayjs.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { enMessages } from './messages-en.ts';
import { zhMessages, type MessageKey } from './messages-zh.ts';
import { formatMessage, type MessageParams } from './format-message.ts';

export type Language = 'zh' | 'en';

const STORAGE_KEY = 'lianxi.language';

const dictionaries: Record<Language, Record<MessageKey, string>> = { zh: zhMessages, en: enMessages };

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** "label（3）" in Chinese, "label (3)" in English */
  count: (label: string, count: number | string) => string;
  /** "label：value" in Chinese, "label: value" in English */
  field: (label: string, value: string) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function initialLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = dictionaries[language]['app.documentTitle'];
  }, [language]);

  const value = useMemo<I18nValue>(() => {
    const dictionary = dictionaries[language];
    const zh = language === 'zh';
    return {
      language,
      setLanguage,
      t: (key, params) => formatMessage(dictionary[key], params),
      count: (label, count) => (zh ? `${label}（${count}）` : `${label} (${count})`),
      field: (label, value) => (zh ? `${label}：${value}` : `${label}: ${value}`),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}

export type { MessageKey };
