import { Button } from 'antd';
import { useI18n, type Language } from '../i18n/i18n.tsx';

const LANGUAGES: Language[] = ['zh', 'en'];

/**
 * 中文 / English: two small buttons, the current one pressed (Buttons, not a Segmented: that would
 * add its own code to the first download of every screen, issue 15 point 7).
 */
export function LanguageSwitch({ onDark = false }: { onDark?: boolean }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <span role="group" aria-label={t('language.label')} style={{ display: 'inline-flex', gap: 2, padding: 2, borderRadius: 6, background: onDark ? 'rgba(255,255,255,0.92)' : 'rgba(0,0,0,0.04)' }}>
      {LANGUAGES.map((option) => (
        <Button key={option} size="small" type={option === language ? 'primary' : 'text'} aria-pressed={option === language} onClick={() => setLanguage(option)}>
          {t(option === 'zh' ? 'language.zh' : 'language.en')}
        </Button>
      ))}
    </span>
  );
}
