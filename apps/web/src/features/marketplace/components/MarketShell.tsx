import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PortalShell } from '../../portal/components/PortalShell.js';
import styles from '../../portal/pages/PortalPage.module.css';

/** A marketplace page in the portal's frame, on one card: the citizen's order, or the merchant's desk. */
export function MarketShell({ children, title }: { children: ReactNode; title?: string }) {
  const { t } = useI18n();
  return (
    <PortalShell heading={title ?? t('marketPortal.title')}>
      <Card variant="borderless" className={styles.card}>
        {children}
      </Card>
    </PortalShell>
  );
}
