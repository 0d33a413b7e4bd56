import { Card } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { BrandMark } from '../../../components/BrandMark.js';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import styles from '../../portal/pages/PortalPage.module.css';

/** The portal's frame (phone width first) around a marketplace page: the citizen's, or the merchant's desk. */
export function PortalShell({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Link to="/portal" className={styles.brand} style={{ color: 'inherit' }}>
          <BrandMark size={36} />
          <div>
            <div className={styles.name}>{t('app.name')}</div>
            <h1 className={styles.fullName}>{title ?? t('marketPortal.title')}</h1>
          </div>
        </Link>
        <LanguageSwitch className={styles.lang} />
      </header>
      <main className={styles.main}>
        <Card variant="borderless" className={styles.card}>
          {children}
        </Card>
      </main>
    </div>
  );
}
