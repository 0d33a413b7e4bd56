import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { BrandMark } from '../../../components/BrandMark.js';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import styles from '../pages/PortalPage.module.css';

/**
 * The frame of every page of the citizen portal, phone width first: the platform's mark and name over the
 * page's heading (a way back to the portal's first page), the language switch, and the page below.
 */
export function PortalShell({ heading, children }: { heading: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Link to="/portal" className={styles.brand} style={{ color: 'inherit' }}>
          <BrandMark size={36} />
          <div>
            <div className={styles.name}>{t('app.name')}</div>
            <h1 className={styles.fullName}>{heading}</h1>
          </div>
        </Link>
        <LanguageSwitch className={styles.lang} />
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
