import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Empty, Flex, List, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import {
  fetchNotifications,
  fetchUnreadCount,
  markAllRead,
  markRead,
  type NotificationItem,
} from '../api/notifications.api.js';
import { publishLive } from '../hooks/live-events.js';
import { type LiveMessage, useLiveStream } from '../hooks/use-live-stream.js';

const POLL_MS = 30_000;

/**
 * The bell of the top bar: unread count, the latest notifications in a dropdown, mark one or all read. Holds
 * the tab's live stream (new notifications and warnings pop up as toasts at once, and every message is passed
 * on to the pages: see `useLiveTopics`); polls the unread count while the stream is unavailable.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const { notification, message } = App.useApp();
  const navigate = useNavigate();
  const [count, setCount] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationItem[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const refreshCount = useCallback(() => {
    fetchUnreadCount().then(setCount, () => undefined);
  }, []);

  const loadList = useCallback(() => {
    setLoading(true);
    setFailed(null);
    fetchNotifications(false)
      .then(setItems, (error: unknown) => setFailed(errorText(error, t)))
      .finally(() => setLoading(false));
  }, [t]);

  const onLive = useCallback(
    (live: LiveMessage) => {
      publishLive(live);
      const title = typeof live.data.title === 'string' ? live.data.title : null;
      if (live.topic === 'notification.created') {
        setCount((c) => c + 1);
        if (open) loadList();
        notification.info({
          message: t('notifications.new'),
          description: title ?? '',
          placement: 'topRight',
          duration: 6,
        });
      } else if (live.topic === 'warning.raised') {
        notification.warning({
          message: t('notifications.warning'),
          description: title ?? '',
          placement: 'topRight',
          duration: 8,
        });
      }
    },
    [open, loadList, notification, t],
  );
  const status = useLiveStream(onLive);

  useEffect(() => {
    refreshCount();
    if (status !== 'polling') return;
    const timer = window.setInterval(refreshCount, POLL_MS);
    return () => window.clearInterval(timer);
  }, [status, refreshCount]);

  async function openItem(item: NotificationItem) {
    if (!item.readAt) {
      markRead(item.id).then(
        () => {
          setItems(
            (list) =>
              list?.map((n) => (n.id === item.id ? { ...n, readAt: new Date().toISOString() } : n)) ?? null,
          );
          setCount((c) => Math.max(0, c - 1));
        },
        () => undefined,
      );
    }
    setOpen(false);
    if (item.caseId !== null) navigate(`/cases/${item.caseId}`);
    else if (item.disputeId !== null) navigate(`/mediation/disputes/${item.disputeId}`);
    else if (item.petitionId !== null) navigate(`/petitions/${item.petitionId}`);
    else if (item.kind === 'report_ready') navigate('/reports');
    else if (item.kind === 'iot_alert_escalated') navigate('/iot/alerts');
  }

  async function readAll() {
    try {
      await markAllRead();
      setCount(0);
      setItems((list) => list?.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })) ?? null);
    } catch (error) {
      message.error(errorText(error, t));
    }
  }

  const panel = (
    <div
      style={{
        width: 360,
        maxWidth: 'calc(100vw - 24px)',
        background: '#fff',
        borderRadius: 8,
        boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
      }}
    >
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '10px 12px', borderBottom: '1px solid #f0f0f0' }}
      >
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={count === 0} onClick={() => void readAll()}>
          {t('notifications.readAll')}
        </Button>
      </Flex>
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {loading && !items ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : failed ? (
          <Typography.Paragraph type="danger" style={{ padding: 12 }}>
            {failed}
          </Typography.Paragraph>
        ) : items && items.length > 0 ? (
          <List
            size="small"
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                onClick={() => void openItem(item)}
                style={{
                  cursor: 'pointer',
                  background: item.readAt ? undefined : '#e6f4ff',
                  paddingInline: 12,
                }}
              >
                <List.Item.Meta
                  title={<Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>}
                  description={
                    <>
                      <Typography.Paragraph
                        type="secondary"
                        ellipsis={{ rows: 2 }}
                        style={{ marginBottom: 0 }}
                      >
                        {item.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(item.createdAt).format('MM-DD HH:mm')}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
        )}
      </div>
      <div style={{ padding: '6px 12px', borderTop: '1px solid #f0f0f0' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {status === 'live' ? t('notifications.live') : t('notifications.polling')}
        </Typography.Text>
      </div>
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) loadList();
      }}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => panel}
    >
      <Button
        type="text"
        aria-label={t('notifications.bellLabel', { count })}
        data-testid="notification-bell"
      >
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
