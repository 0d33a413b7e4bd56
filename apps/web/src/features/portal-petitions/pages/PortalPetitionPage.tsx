import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PortalPetitionSubmitted } from '@shanzhi/shared';
import { Button, Card, Result, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PortalShell } from '../../portal/components/PortalShell.js';
import styles from '../../portal/pages/PortalPage.module.css';
import { PortalPetitionForm } from '../components/PortalPetitionForm.js';
import { PortalPetitionTrack } from '../components/PortalPetitionTrack.js';

/**
 * 网上信访 `/portal/petitions` on the citizen portal: leave a petition at an agency point (信访"两全"代办: an
 * agent of the point takes it up), then follow it by its number and phone.
 */
export function PortalPetitionPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('submit');
  const [submitted, setSubmitted] = useState<(PortalPetitionSubmitted & { phone: string }) | null>(null);
  const [tracking, setTracking] = useState<{ number: string; phone: string }>();

  const submitPane = submitted ? (
    <Result
      status="success"
      title={t('petitionPortal.submitted')}
      subTitle={submitted.hint}
      extra={[
        <div key="number" className={styles.number} data-testid="portal-petition-number">
          {submitted.number}
        </div>,
        <Button
          key="track"
          type="primary"
          onClick={() => {
            setTracking({ number: submitted.number, phone: submitted.phone });
            setTab('track');
          }}
        >
          {t('portal.trackIt')}
        </Button>,
        <Button key="again" type="link" onClick={() => setSubmitted(null)}>
          {t('petitionPortal.again')}
        </Button>,
      ]}
    />
  ) : (
    <PortalPetitionForm onSubmitted={(answer, phone) => setSubmitted({ ...answer, phone })} />
  );

  return (
    <PortalShell heading={t('petitionPortal.heading')}>
      <Card variant="borderless" className={styles.card}>
        <Link to="/portal">
          <ArrowLeftOutlined /> {t('mediationPortal.back')}
        </Link>
        <Typography.Paragraph type="secondary" className={styles.intro}>
          {t('petitionPortal.description')}
        </Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          centered
          items={[
            { key: 'submit', label: t('petitionPortal.tabSubmit'), children: submitPane },
            {
              key: 'track',
              label: t('petitionPortal.tabTrack'),
              children: <PortalPetitionTrack initial={tracking} />,
            },
          ]}
        />
      </Card>
    </PortalShell>
  );
}
