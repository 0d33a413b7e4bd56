import type { ReactNode } from 'react';
import { BrandMark } from '../../../components/BrandMark.js';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import styles from '../pages/PortalPage.module.css';

/**
 * The frame of every page of the citizen portal, phone width first: the platform's mark and name over the
 * page's heading, the language switch, and the page below.
 */
export function PortalShell({ heading, children }: { heading: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <BrandMark size={36} />
          <div>
            <div className={styles.name}>{t('app.name')}</div>
            <h1 className={styles.fullName}>{heading}</h1>
          </div>
        </div>
        <LanguageSwitch className={styles.lang} />
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
