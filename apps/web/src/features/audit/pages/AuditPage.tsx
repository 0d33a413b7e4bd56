import { ReloadOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../i18n/labels.js';
import { useApi } from '../../../platform/api/index.js';
import { type AuditEntry, fetchAudit } from '../api/audit.api.js';

const PAGE = 50;

/** 审计日志: the security audit trail, newest first, filtered by action, continued with "load more". */
export function AuditPage() {
  const { t, locale } = useI18n();
  const [action, setAction] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const [more, setMore] = useState<{ items: AuditEntry[]; next: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const first = useApi(
    async (signal) => {
      setMore(null);
      setMoreError(null);
      return fetchAudit({ action, limit: PAGE }, signal);
    },
    [action],
  );

  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : (first.data?.nextBeforeId ?? null);

  async function loadMore() {
    if (next === null) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchAudit({ action, beforeId: next, limit: PAGE });
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], next: page.nextBeforeId }));
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

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
            <Button icon={<ReloadOutlined />} onClick={first.reload} aria-label={t('common.refresh')} />
          </Tooltip>
        </Flex>
        {first.error ? (
          <ErrorState error={first.error} onRetry={first.reload} />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              loading={first.loading}
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
            {moreError ? (
              <Alert type="error" showIcon message={errorText(moreError, t)} style={{ marginTop: 12 }} />
            ) : null}
            <Flex justify="center" style={{ marginTop: 12 }}>
              {next !== null ? (
                <Button onClick={() => void loadMore()} loading={loadingMore}>
                  {t('audit.loadMore')}
                </Button>
              ) : (
                items.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('audit.end', { count: items.length })}
                  </Typography.Text>
                )
              )}
            </Flex>
          </>
        )}
      </Card>
    </Flex>
  );
}
