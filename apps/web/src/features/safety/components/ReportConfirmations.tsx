import {
  type SafetyReportConfirmationView,
  type SafetyReportPeriod,
  safetyReportTitle,
} from '@shanzhi/shared';
import { App, Button, Card, Flex, Input, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { toApiError, useApi } from '../../../platform/api/index.js';
import { useSession } from '../../auth/hooks/session-store.js';
import { confirmReport, fetchReportConfirmations } from '../api/safety.api.js';

/** The enterprise account's 签字确认 of the period: the principal's name, then the signature. */
function ConfirmReport({ period, onDone }: { period: SafetyReportPeriod; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [principal, setPrincipal] = useState('');
  const [busy, setBusy] = useState(false);
  async function sign() {
    setBusy(true);
    try {
      const body = period.quarter === undefined ? { annual: true as const } : { quarter: period.quarter };
      await confirmReport({ year: period.year, ...body, principal: principal.trim() });
      message.success(t('safety.confirm.done'));
      onDone();
    } catch (error) {
      message.error(errorText(toApiError(error), t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Flex gap={8}>
      <Input
        aria-label={t('safety.confirm.principal')}
        placeholder={t('safety.confirm.principal')}
        style={{ width: 160 }}
        value={principal}
        onChange={(e) => setPrincipal(e.target.value)}
      />
      <Button type="primary" loading={busy} disabled={principal.trim().length < 2} onClick={sign}>
        {t('safety.confirm.sign')}
      </Button>
    </Flex>
  );
}

/**
 * 签字确认情况: each enterprise of the caller's scope (an enterprise account: its own) with its signature of the
 * period's report — 已确认 (by whom, when, on time or late) or 未确认; an enterprise account signs here.
 */
export function ReportConfirmations({ period }: { period: SafetyReportPeriod }) {
  const { t } = useI18n();
  const session = useSession();
  const canSign = session.status === 'ready' && session.me.permissions.includes('safety.confirm_report');
  const list = useApi(
    (signal) => fetchReportConfirmations({ year: period.year, quarter: period.quarter }, signal),
    [period.year, period.quarter],
  );
  const unsigned = list.data?.items.some((c) => !c.confirmed) ?? false;
  return (
    <Card
      size="small"
      title={t('safety.confirm.title', { period: safetyReportTitle(period) })}
      extra={canSign && unsigned && <ConfirmReport period={period} onDone={list.reload} />}
    >
      <Table<SafetyReportConfirmationView>
        size="small"
        data-testid="safety-report-confirmations"
        rowKey="enterpriseId"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: t('safety.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
          {
            title: t('safety.confirm.state'),
            key: 'state',
            width: 100,
            render: (_: unknown, c) =>
              c.confirmed ? (
                <Tag color="green">{t('safety.confirm.confirmed')}</Tag>
              ) : (
                <Tag>{t('safety.confirm.unconfirmed')}</Tag>
              ),
          },
          {
            title: t('safety.confirm.principal'),
            dataIndex: 'principal',
            width: 120,
            render: (p) => p ?? '—',
          },
          {
            title: t('safety.confirm.at'),
            dataIndex: 'confirmedAt',
            width: 150,
            render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
          },
          {
            title: t('safety.confirm.due'),
            key: 'due',
            width: 160,
            render: (_: unknown, c) => (
              <Flex gap={6} align="center">
                {c.dueDate}
                {c.onTime === true && <Tag color="green">{t('safety.confirm.onTime')}</Tag>}
                {c.onTime === false && <Tag color="red">{t('safety.confirm.late')}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
