/** The Chinese language pack (the default language), loaded on demand by i18n.tsx. */
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { zhMessages } from './messages-zh.ts';
import type { LanguagePack } from './language-pack.ts';

export const zhPack: LanguagePack = { language: 'zh', messages: zhMessages, antdLocale: zhCN, dayjsLocale: 'zh-cn' };
