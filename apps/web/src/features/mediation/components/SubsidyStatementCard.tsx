import { DownloadOutlined } from '@ant-design/icons';
import type { SubsidyStatement } from '@shanzhi/shared';
import { Button, Card, DatePicker, Flex, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchSubsidyStatement, subsidyStatementXlsxUrl } from '../api/mediation.api.js';

type Line = SubsidyStatement['lines'][number];
const yuan = (n: number) => `¥${n.toFixed(2)}`;

/** 以调定补: a month's subsidies per mediator and committee, with the Excel export. */
export function SubsidyStatementCard() {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const query = { month: month.format('YYYY-MM') };
  const statement = useApi((signal) => fetchSubsidyStatement(query, signal), [query.month]);
  return (
    <Card
      size="small"
      title={t('mediation.stats.subsidy')}
      data-testid="subsidy-statement"
      extra={
        <Flex gap={8}>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && setMonth(m)} />
          <Button icon={<DownloadOutlined />} href={subsidyStatementXlsxUrl(query)} download>
            {t('mediation.stats.export')}
          </Button>
        </Flex>
      }
    >
      {statement.error ? (
        <ErrorState compact error={statement.error} onRetry={statement.reload} />
      ) : (
        <Table<Line>
          size="small"
          rowKey={(l) => `${l.committeeId}-${l.mediatorId}`}
          loading={statement.loading}
          dataSource={statement.data?.lines ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: '调委会', dataIndex: 'committeeName', ellipsis: true },
            { title: '调解员', dataIndex: 'mediatorName', width: 100 },
            { title: '调解纠纷', dataIndex: 'disputes', width: 90, align: 'right' },
            { title: '补贴金额', dataIndex: 'amountYuan', width: 110, align: 'right', render: yuan },
          ]}
          footer={() => <Typography.Text strong>合计 {yuan(statement.data?.totalYuan ?? 0)}</Typography.Text>}
        />
      )}
    </Card>
  );
}
