/**
 * The UI language: Chinese first, English switchable. Every string the UI shows comes from the
 * typed dictionaries `messages-zh.ts` / `messages-en.ts`; Ant Design components follow through
 * ConfigProvider, dates through dayjs.
 *
 * Only the active language is downloaded (issue 15 point 7): each language is a chunk of its own
 * (language-zh.ts, language-en.ts: the dictionary with Ant Design's and dayjs's locale), fetched as
 * soon as this module runs; the other is fetched when the user switches, and the screen keeps the
 * current language until it has arrived. The provider renders its children once the first
 * language is here.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import type { MessageKey } from './messages-zh.ts';
import type { Language, LanguagePack } from './language-pack.ts';
import { formatMessage, type MessageParams } from './format-message.ts';

export type { Language, LanguagePack };

const STORAGE_KEY = 'lianxi.language';

const loaders: Record<Language, () => Promise<LanguagePack>> = {
  zh: () => import('./language-zh.ts').then((module) => module.zhPack),
  en: () => import('./language-en.ts').then((module) => module.enPack),
};

/** Packs that have arrived, and the downloads under way (a failed one is forgotten, to be tried again). */
const arrived = new Map<Language, LanguagePack>();
const downloads = new Map<Language, Promise<LanguagePack>>();

/** The pack of a language, downloading its chunk once. */
export function loadLanguage(language: Language): Promise<LanguagePack> {
  const under = downloads.get(language);
  if (under !== undefined) return under;
  const download = loaders[language]().then(
    (pack) => {
      arrived.set(language, pack);
      return pack;
    },
    (error: unknown) => {
      downloads.delete(language);
      throw error;
    },
  );
  downloads.set(language, download);
  return download;
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** "label（3）" in Chinese, "label (3)" in English */
  count: (label: string, count: number | string) => string;
  /** "label：value" in Chinese, "label: value" in English */
  field: (label: string, value: string) => string;
  /** Ant Design's locale of the language, for ConfigProvider */
  antdLocale: LanguagePack['antdLocale'];
}

const I18nContext = createContext<I18nValue | null>(null);

/** The language chosen on an earlier visit, else Chinese. */
export function initialLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

// The first screen's strings are fetched as soon as the app's code runs, alongside the session probe.
if (typeof window !== 'undefined') loadLanguage(initialLanguage()).catch(() => undefined);

function applyPack(pack: LanguagePack): void {
  dayjs.locale(pack.dayjsLocale);
  document.documentElement.lang = pack.language === 'zh' ? 'zh-CN' : 'en';
  document.title = pack.messages['app.documentTitle'];
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [pack, setPack] = useState<LanguagePack | null>(() => arrived.get(initialLanguage()) ?? null);
  const [wanted, setWanted] = useState<Language>(() => pack?.language ?? initialLanguage());
  const [failed, setFailed] = useState(false);

  const setLanguage = useCallback((next: Language) => {
    setWanted(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    if (pack?.language === wanted) return;
    let current = true;
    loadLanguage(wanted).then(
      (next) => {
        if (!current) return;
        applyPack(next);
        setPack(next);
      },
      () => {
        if (!current) return;
        // No connection: the first language cannot be shown; a switch keeps the current language.
        if (pack === null) setFailed(true);
        else setWanted(pack.language);
      },
    );
    return () => {
      current = false;
    };
  }, [wanted, pack]);

  useEffect(() => {
    if (pack !== null) applyPack(pack);
  }, [pack]);

  const value = useMemo<I18nValue | null>(() => {
    if (pack === null) return null;
    const dictionary = pack.messages;
    const zh = pack.language === 'zh';
    return {
      language: pack.language,
      setLanguage,
      t: (key, params) => formatMessage(dictionary[key], params),
      count: (label, count) => (zh ? `${label}（${count}）` : `${label} (${count})`),
      field: (label, value) => (zh ? `${label}：${value}` : `${label}: ${value}`),
      antdLocale: pack.antdLocale,
    };
  }, [pack, setLanguage]);

  if (value === null) {
    // Both languages: none could be loaded.
    return failed ? <p role="alert">无法加载页面，请检查网络后刷新。 / The page could not be loaded: check the connection and reload.</p> : null;
  }
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n outside I18nProvider');
  return value;
}

export type { MessageKey };
