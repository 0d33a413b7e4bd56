import { CloudUploadOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { QueuedUpload } from '../offline-queue.js';

/** Uploads still on the phone, as cards above the server's list they will join once sent. */
export function WaitingUploads({ items }: { items: readonly QueuedUpload[] }) {
  const { t } = useI18n();
  return (
    <>
      {items.map((item) => (
        <Card key={item.key} size="small">
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text ellipsis style={{ minWidth: 0 }}>
              <CloudUploadOutlined /> {item.label}
            </Typography.Text>
            <Tag color={item.state === 'rejected' ? 'red' : 'gold'} style={{ flex: 'none' }}>
              {t('phone.findings.waiting')}
            </Tag>
          </Flex>
          <Typography.Text type={item.state === 'rejected' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {item.state === 'rejected'
              ? t('phone.outbox.rejected', { reason: item.lastError ?? '' })
              : t('phone.outbox.takenAt', { time: dayjs(item.takenAt).format('HH:mm') })}
          </Typography.Text>
        </Card>
      ))}
    </>
  );
}
