import { ArrowLeftOutlined } from '@ant-design/icons';
import type { MediationApplied as Applied } from '@shanzhi/shared';
import { Card, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PortalShell } from '../../portal/components/PortalShell.js';
import styles from '../../portal/pages/PortalPage.module.css';
import { MediationApplied } from '../components/MediationApplied.js';
import { MediationApplyForm } from '../components/MediationApplyForm.js';
import { MediationRoom } from '../components/MediationRoom.js';

/**
 * 矛盾纠纷在线调解 on the citizen portal: apply for mediation and follow it, or enter a dispute's online room
 * with the code sent to one's phone (`?tab=room&number=…` opens the room's door with the number filled in).
 */
export function PortalMediationPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [applied, setApplied] = useState<Applied | null>(null);
  const tab = params.get('tab') === 'room' ? 'room' : 'apply';
  const number = params.get('number') ?? undefined;

  const openTab = (key: string, withNumber?: string) =>
    setParams(key === 'room' ? { tab: 'room', ...(withNumber ? { number: withNumber } : {}) } : {});

  const applyPane = applied ? (
    <MediationApplied
      applied={applied}
      onToRoom={() => openTab('room', applied.number)}
      onAgain={() => setApplied(null)}
    />
  ) : (
    <MediationApplyForm onApplied={setApplied} />
  );

  return (
    <PortalShell heading={t('mediationPortal.heading')}>
      <Card variant="borderless" className={styles.card}>
        <Link to="/portal">
          <ArrowLeftOutlined /> {t('mediationPortal.back')}
        </Link>
        <Typography.Paragraph type="secondary" className={styles.intro}>
          {t('mediationPortal.description')}
        </Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(key) => openTab(key)}
          centered
          items={[
            { key: 'apply', label: t('mediationPortal.tabApply'), children: applyPane },
            {
              key: 'room',
              label: t('mediationPortal.tabRoom'),
              children: <MediationRoom number={number} />,
            },
          ]}
        />
      </Card>
    </PortalShell>
  );
}
