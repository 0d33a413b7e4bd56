import { KeyOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CreatedOpen311Key, Open311KeyView } from '@shanzhi/shared';
import { Alert, App, Button, Flex, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchOpen311Keys, revokeOpen311Key } from '../api/open311.api.js';
import { IssueKeyModal } from './IssueKeyModal.js';

const when = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

/** API 密钥: the integrators' keys — issue one (shown once), see when each was last used, revoke. */
export function ApiKeysTab() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const list = useApi((signal) => fetchOpen311Keys(signal), []);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<CreatedOpen311Key | null>(null);

  function revoke(key: Open311KeyView) {
    modal.confirm({
      title: t('open311.revokeConfirm', { name: key.name }),
      content: t('open311.revokeHint'),
      okButtonProps: { danger: true },
      okText: t('open311.revoke'),
      onOk: async () => {
        try {
          await revokeOpen311Key(key.id);
          message.success(t('open311.revoked'));
          list.reload();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });
  }

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} justify="space-between" wrap>
        <Typography.Text type="secondary">{t('open311.keysHint')}</Typography.Text>
        <Flex gap={8}>
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          </Tooltip>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('open311.issue')}
          </Button>
        </Flex>
      </Flex>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Open311KeyView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 960 }}
          locale={{ emptyText: t('open311.noKeys') }}
          columns={[
            { title: t('open311.keyName'), dataIndex: 'name', ellipsis: true },
            {
              title: t('open311.prefix'),
              dataIndex: 'prefix',
              width: 150,
              render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
            },
            { title: t('open311.channel'), dataIndex: 'channelCode', width: 150 },
            {
              title: t('open311.rateLimit'),
              dataIndex: 'rateLimitPerHour',
              width: 130,
              render: (n: number) => `${n.toLocaleString()} ${t('open311.perHour')}`,
            },
            { title: t('open311.createdAt'), dataIndex: 'createdAt', width: 150, render: when },
            { title: t('open311.lastUsedAt'), dataIndex: 'lastUsedAt', width: 150, render: when },
            {
              title: t('open311.state'),
              key: 'state',
              width: 100,
              render: (_: unknown, key) =>
                key.revokedAt ? (
                  <Tag>{t('open311.revokedTag')}</Tag>
                ) : (
                  <Tag color="success">{t('open311.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              fixed: 'right',
              render: (_: unknown, key) =>
                key.revokedAt ? null : (
                  <Button type="link" size="small" danger onClick={() => revoke(key)}>
                    {t('open311.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <IssueKeyModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(created) => {
          setIssuing(false);
          setIssued(created);
          list.reload();
        }}
      />
      <Modal
        open={issued !== null}
        title={
          <span>
            <KeyOutlined /> {t('open311.keyOnceTitle', { name: issued?.apiKey.name ?? '' })}
          </span>
        }
        onCancel={() => setIssued(null)}
        onOk={() => setIssued(null)}
        okText={t('open311.keySaved')}
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
        destroyOnHidden
      >
        <Alert type="warning" showIcon message={t('open311.keyOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: issued?.key ?? '' }}>
          <Typography.Text code data-testid="open311-new-key">
            {issued?.key}
          </Typography.Text>
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('open311.keyChannel', { channel: issued?.apiKey.channelCode ?? '' })}
        </Typography.Text>
      </Modal>
    </Flex>
  );
}
