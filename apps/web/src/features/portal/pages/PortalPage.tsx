import { AuditOutlined, CopyOutlined, PhoneOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Result, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PortalFaq } from '../components/PortalFaq.js';
import { PortalShell } from '../components/PortalShell.js';
import { PortalSubmitForm } from '../components/PortalSubmitForm.js';
import { PortalTrack } from '../components/PortalTrack.js';
import styles from './PortalPage.module.css';

/** 群众服务门户: submit a request, track it by number + phone, rate it, read the FAQ. No staff menus. */
export function PortalPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tab, setTab] = useState('submit');
  const [submitted, setSubmitted] = useState<{ number: string; phone: string } | null>(null);
  const [tracking, setTracking] = useState<{ number: string; phone: string }>();

  const submitPane = submitted ? (
    <Result
      status="success"
      title={t('portal.submitted')}
      subTitle={t('portal.submittedHint')}
      extra={[
        <div key="number" className={styles.number} data-testid="portal-case-number">
          {submitted.number}
        </div>,
        <Button
          key="copy"
          icon={<CopyOutlined />}
          onClick={() =>
            void navigator.clipboard
              ?.writeText(submitted.number)
              .then(() => message.success(t('portal.copied')))
          }
        >
          {t('portal.copy')}
        </Button>,
        <Button
          key="track"
          type="primary"
          onClick={() => {
            setTracking({ ...submitted });
            setTab('track');
          }}
        >
          {t('portal.trackIt')}
        </Button>,
        <Button key="again" type="link" onClick={() => setSubmitted(null)}>
          {t('portal.submitAnother')}
        </Button>,
      ]}
    />
  ) : (
    <PortalSubmitForm onSubmitted={(number, phone) => setSubmitted({ number, phone })} />
  );

  return (
    <PortalShell heading={t('portal.heading')}>
      <Card variant="borderless" className={styles.card}>
        <Typography.Paragraph type="secondary" className={styles.intro}>
          {t('portal.description')}
        </Typography.Paragraph>
        <Link to="/portal/mediation" className={styles.mediation}>
          <TeamOutlined /> {t('mediationPortal.entry')}
        </Link>
        <Link to="/portal/petitions" className={styles.mediation}>
          <AuditOutlined /> {t('petitionPortal.entry')}
        </Link>
        <Link to="/portal/market" className={styles.mediation}>
          <ShopOutlined /> {t('marketPortal.entry')}
        </Link>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          centered
          items={[
            { key: 'submit', label: t('portal.tabSubmit'), children: submitPane },
            { key: 'track', label: t('portal.tabTrack'), children: <PortalTrack initial={tracking} /> },
            { key: 'faq', label: t('portal.tabFaq'), children: <PortalFaq /> },
          ]}
        />
      </Card>
      <Typography.Paragraph type="secondary" className={styles.hotline}>
        {t('portal.hotline')}{' '}
        <Button type="link" size="small" icon={<PhoneOutlined />} href="tel:12345">
          {t('portal.call')}
        </Button>
      </Typography.Paragraph>
    </PortalShell>
  );
}
