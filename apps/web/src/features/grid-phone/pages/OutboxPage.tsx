import { CheckCircleOutlined, CloudUploadOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { loginPathFor } from '../../auth/redirect.js';
import type { QueuedUpload } from '../offline-queue.js';
import { discardUpload, sendWaitingNow, useUploadQueue } from '../upload-queue.js';

/** Where one upload stands, for people: waiting, failed so often and why, or refused by the server. */
function UploadStatus({ item }: { item: QueuedUpload }) {
  const { t } = useI18n();
  if (item.state === 'rejected') {
    return (
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {t('phone.outbox.rejected', { reason: item.lastError ?? '' })}
      </Typography.Text>
    );
  }
  const reason = item.lastError === 'offline' ? t('phone.outbox.noNetwork') : item.lastError;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('phone.outbox.takenAt', { time: dayjs(item.takenAt).format('MM-DD HH:mm:ss') })}
      {item.attempts > 0 &&
        ` · ${t('phone.outbox.failed', { attempts: item.attempts, reason: reason ?? '' })}`}
    </Typography.Text>
  );
}

/**
 * 待发送: everything the worker took that is still on the phone, in the order it will be sent — with why the
 * last try failed, a button to send now, and the uploads the server refused, to read and delete.
 */
export function OutboxPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const queue = useUploadQueue();
  const waiting = queue.items.filter((i) => i.state === 'waiting').length;

  function discard(item: QueuedUpload) {
    modal.confirm({
      title: item.label,
      content: t('phone.outbox.discardConfirm'),
      okText: t('phone.outbox.discard'),
      okButtonProps: { danger: true },
      onOk: () => discardUpload(item.key),
    });
  }

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: '4px 0' }}>
        {t('phone.outbox.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('phone.outbox.hint')}
      </Typography.Paragraph>
      {!queue.persistent && <Alert type="warning" showIcon message={t('phone.outbox.notPersistent')} />}
      {queue.signedOut && (
        <Alert
          type="warning"
          showIcon
          message={t('phone.outbox.signedOut')}
          action={
            <Link to={loginPathFor('/m/outbox')}>
              <Button size="small">{t('phone.outbox.signIn')}</Button>
            </Link>
          }
        />
      )}
      <Card size="small" role="region" aria-label={t('phone.outbox.title')}>
        {queue.items.length === 0 ? (
          <Empty
            image={<CheckCircleOutlined style={{ fontSize: 40, color: '#237804' }} />}
            description={t('phone.outbox.empty')}
          />
        ) : (
          <List
            dataSource={queue.items}
            renderItem={(item) => (
              <List.Item
                actions={
                  item.state === 'rejected'
                    ? [
                        <Button
                          key="discard"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => discard(item)}
                        >
                          {t('phone.outbox.discard')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Flex gap={6} align="center">
                      <span style={{ minWidth: 0 }}>{item.label}</span>
                      {item.state === 'waiting' && <Tag color="gold">{t('phone.outbox.waiting')}</Tag>}
                    </Flex>
                  }
                  description={<UploadStatus item={item} />}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {waiting > 0 && (
        <Button
          type="primary"
          size="large"
          block
          icon={<CloudUploadOutlined />}
          loading={queue.sending}
          onClick={() => void sendWaitingNow()}
        >
          {t('phone.outbox.sendNow')}
        </Button>
      )}
    </Flex>
  );
}
