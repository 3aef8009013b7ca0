import { Segmented } from 'antd';
import { useI18n, type Language } from '../i18n/i18n.tsx';

/** 中文 / English */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      size="small"
      value={language}
      onChange={setLanguage}
      options={[
        { label: t('language.zh'), value: 'zh' },
        { label: t('language.en'), value: 'en' },
      ]}
      style={onDark ? { background: 'rgba(255,255,255,0.92)' } : undefined}
    />
  );
}
