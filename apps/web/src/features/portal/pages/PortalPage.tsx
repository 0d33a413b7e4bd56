import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import { BrandMark } from '../../../components/BrandMark.js';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import styles from './PortalPage.module.css';

/** The citizens' entry (群众服务门户). A placeholder until the reporting and tracking pages arrive. */
export function PortalPage() {
  const { t } = useI18n();
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <BrandMark size={36} />
          <div>
            <div className={styles.name}>{t('app.name')}</div>
            <div className={styles.fullName}>{t('app.fullName')}</div>
          </div>
        </div>
        <LanguageSwitch className={styles.lang} />
      </header>
      <main className={styles.main}>
        <Card variant="borderless" className={styles.card}>
          <Tag color="orange" bordered={false}>
            {t('portal.badge')}
          </Tag>
          <Typography.Title level={1} className={styles.heading}>
            {t('portal.heading')}
          </Typography.Title>
          <Typography.Paragraph className={styles.text}>{t('portal.description')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('portal.hotline')}</Typography.Paragraph>
          <Button type="primary" size="large" block icon={<PhoneOutlined />} href="tel:12345">
            {t('portal.call')}
          </Button>
        </Card>
      </main>
    </div>
  );
}
