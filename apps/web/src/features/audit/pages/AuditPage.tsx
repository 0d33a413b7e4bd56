import { ReloadOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../i18n/labels.js';
import { useKeysetPages } from '../../../platform/lists/use-keyset-pages.js';
import { type AuditEntryView, fetchAudit } from '../api/audit.api.js';

const PAGE = 50;

/** 审计日志: the security audit trail, newest first, filtered by action, in keyset pages. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const [action, setAction] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const pages = useKeysetPages(
    (page, signal) => fetchAudit(action, page, signal),
    JSON.stringify({ action }),
    PAGE,
  );
  const { page } = pages;
  const items = page.data?.items ?? [];

  const options = AUDIT_ACTIONS.filter(
    (a) => !typed || a.includes(typed) || auditActionLabel(a, locale).includes(typed),
  ).map((a) => ({ value: a, label: `${auditActionLabel(a, locale)}（${a}）` }));

  return (
    <Flex vertical>
      <PageTitle title={t('menu.audit')} description={t('audit.description')} />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <AutoComplete
            allowClear
            style={{ width: 320 }}
            options={options}
            value={typed}
            onChange={(value: string) => {
              setTyped(value ?? '');
              if (!value) setAction(undefined);
            }}
            onSelect={(value: string) => setAction(value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') setAction(typed.trim() || undefined);
            }}
            placeholder={t('audit.filterAction')}
            aria-label={t('audit.filterAction')}
          />
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={page.reload} aria-label={t('common.refresh')} />
          </Tooltip>
        </Flex>
        {page.error ? (
          <ErrorState error={page.error} onRetry={page.reload} />
        ) : (
          <>
            <Table<AuditEntryView>
              rowKey="id"
              size="small"
              loading={page.loading}
              dataSource={items}
              pagination={false}
              scroll={{ x: 960 }}
              locale={{ emptyText: t('audit.empty') }}
              columns={[
                {
                  title: t('audit.at'),
                  dataIndex: 'at',
                  width: 170,
                  render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
                },
                {
                  title: t('audit.actor'),
                  dataIndex: 'actorUsername',
                  width: 140,
                  render: (name: string | null) =>
                    name ?? <Typography.Text type="secondary">—</Typography.Text>,
                },
                {
                  title: t('audit.action'),
                  dataIndex: 'action',
                  width: 200,
                  render: (a: string) => (
                    <Tooltip title={a}>
                      <Tag
                        color={
                          a.includes('failed') || a.includes('locked') || a.includes('refused')
                            ? 'red'
                            : 'blue'
                        }
                      >
                        {auditActionLabel(a, locale)}
                      </Tag>
                    </Tooltip>
                  ),
                },
                {
                  title: t('audit.target'),
                  key: 'target',
                  width: 160,
                  render: (_: unknown, e) => (e.targetType ? `${e.targetType} #${e.targetId ?? ''}` : '—'),
                },
                {
                  title: t('audit.ip'),
                  dataIndex: 'ip',
                  width: 130,
                  render: (ip: string | null) => ip ?? '—',
                },
                {
                  title: t('audit.detail'),
                  dataIndex: 'detail',
                  ellipsis: true,
                  render: (detail: unknown) =>
                    detail === null || detail === undefined ? (
                      '—'
                    ) : (
                      <Typography.Text
                        code
                        style={{ fontSize: 12 }}
                        ellipsis={{ tooltip: JSON.stringify(detail, null, 1) }}
                      >
                        {JSON.stringify(detail)}
                      </Typography.Text>
                    ),
                },
              ]}
            />
            <KeysetPager pages={pages} />
          </>
        )}
      </Card>
    </Flex>
  );
}
