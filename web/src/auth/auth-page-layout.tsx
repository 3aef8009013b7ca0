/**
 * The frame of the pages shown outside the signed-in shell (sign-in, change password): the brand
 * header with the language switch, and one card titled by the page's heading. The card is plain
 * markup (styles.css), not Ant Design's Card, which would bring its tabs into the sign-in page's
 * first download (issue 15 point 7).
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';

export function AuthPageLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="lx-auth-page">
      <header className="lx-auth-header">
        <span className="lx-brand">
          <span className="lx-brand-mark" aria-hidden="true">联</span>
          {t('app.name')}
          <span className="lx-brand-sub">{t('app.fullName')}</span>
        </span>
        <LanguageSwitch onDark />
      </header>
      <main className="lx-auth-main">
        <section className="lx-auth-card">
          <div className="lx-auth-card-head">
            <h1 className="lx-card-title">{title}</h1>
          </div>
          <div className="lx-auth-card-body">{children}</div>
        </section>
      </main>
    </div>
  );
}
