import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { verifyCaseTimeline } from '../../cases/api/cases.api.js';

/** The hash-chain check of a case's timeline: 档案完整 (n 条) or where the chain breaks. Props: `caseId`, `version`. */
export function TimelineVerifyBadge({ caseId, version }: { caseId: number; version: number }) {
  const { t } = useI18n();
  const check = useApi((signal) => verifyCaseTimeline(caseId, signal), [caseId, version]);
  if (check.loading && !check.data) return <Tag>{t('detail.verifying')}</Tag>;
  if (check.error || !check.data) return <Tag>{t('detail.verifyFailed')}</Tag>;
  return check.data.valid ? (
    <Tooltip title={t('detail.verifiedHint')}>
      <Tag color="success" icon={<SafetyCertificateOutlined />} data-testid="timeline-verified">
        {t('detail.verified', { count: check.data.events })}
      </Tag>
    </Tooltip>
  ) : (
    <Tag color="error" icon={<WarningOutlined />}>
      {t('detail.broken', { seq: check.data.brokenAt ?? '?' })}
    </Tag>
  );
}
