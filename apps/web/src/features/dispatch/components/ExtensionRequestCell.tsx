import { Flex, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchCase } from '../../cases/api/cases.api.js';
import { CaseActionBar } from '../../cases/components/CaseActionBar.js';

/** An extension request in the queue: the date asked for, the reason, and approve / refuse. */
export function ExtensionRequestCell({ caseId, onChanged }: { caseId: number; onChanged: () => void }) {
  const { t } = useI18n();
  const detail = useApi((signal) => fetchCase(caseId, signal), [caseId]);
  if (!detail.data) return detail.loading ? <Spin size="small" /> : null;
  const c = detail.data;
  return (
    <Flex vertical gap={4}>
      {c.extension.requestedDeadline && (
        <Typography.Text style={{ fontSize: 12 }}>
          {t('dispatch.extensionTo', { at: dayjs(c.extension.requestedDeadline).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      )}
      {c.extension.reason && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: c.extension.reason }}>
          {c.extension.reason}
        </Typography.Text>
      )}
      <CaseActionBar
        caseData={c}
        only={['approve_extension', 'refuse_extension']}
        size="small"
        onDone={onChanged}
        onStale={onChanged}
      />
    </Flex>
  );
}
