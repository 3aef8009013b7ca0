/** The English language pack, loaded on demand by i18n.tsx (on switching, or when English was chosen before). */
import enUS from 'antd/locale/en_US';
import 'dayjs/locale/en';
import { enMessages } from './messages-en.ts';
import type { LanguagePack } from './language-pack.ts';

export const enPack: LanguagePack = { language: 'en', messages: enMessages, antdLocale: enUS, dayjsLocale: 'en' };
