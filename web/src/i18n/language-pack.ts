/**
 * What one UI language brings: its strings, Ant Design's locale and the dayjs locale name. Each
 * language is its own chunk (language-zh.ts, language-en.ts), loaded by i18n.tsx when it is the
 * active one, so a visit downloads one dictionary, not both (issue 15 point 7).
 */
import type { ConfigProviderProps } from 'antd';
import type { MessageKey } from './messages-zh.ts';

export type Language = 'zh' | 'en';

export interface LanguagePack {
  language: Language;
  messages: Readonly<Record<MessageKey, string>>;
  /** Ant Design's locale, for ConfigProvider */
  antdLocale: NonNullable<ConfigProviderProps['locale']>;
  /** The dayjs locale the pack registers */
  dayjsLocale: string;
}
