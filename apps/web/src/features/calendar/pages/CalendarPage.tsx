import { Card, Col, Empty, Flex, Row, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { type CalendarYearSummary, fetchYears } from '../api/calendar.api.js';
import { DeadlineCard } from '../components/DeadlineCard.js';
import { ImportYearButton } from '../components/ImportYearButton.js';
import { OfficeHoursCard } from '../components/OfficeHoursCard.js';
import { YearView } from '../components/YearView.js';

/** 工作日历: loaded years, a year at a glance, importing a year, office hours and a deadline calculator. */
export function CalendarPage() {
  const { t } = useI18n();
  const canWrite = usePermission('calendar.write');
  const years = useApi((signal) => fetchYears(signal), []);
  const [year, setYear] = useState<number | null>(null);

  // Open on the current year when it is loaded, else on the latest one.
  useEffect(() => {
    const items = years.data;
    if (!items || items.length === 0 || year !== null) return;
    const current = dayjs().year();
    setYear(items.some((y) => y.year === current) ? current : items.at(-1)!.year);
  }, [years.data, year]);

  const loaded = (years.data ?? []).map((y) => y.year);

  return (
    <Flex vertical>
      <PageTitle
        title={t('menu.calendar')}
        description={t('calendar.description')}
        extra={
          canWrite && (
            <ImportYearButton
              loadedYears={loaded}
              onImported={(y) => {
                years.reload();
                setYear(y);
              }}
            />
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {years.error ? (
            <ErrorState error={years.error} onRetry={years.reload} />
          ) : year === null ? (
            <Card loading={years.loading}>
              <Empty description={t('calendar.noYears')} />
            </Card>
          ) : (
            <YearView year={year} years={loaded} onYear={setYear} />
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('calendar.loadedYears')}>
              <Table<CalendarYearSummary>
                size="small"
                rowKey="year"
                loading={years.loading}
                pagination={false}
                dataSource={[...(years.data ?? [])].reverse()}
                locale={{ emptyText: t('calendar.noYears') }}
                onRow={(row) => ({ onClick: () => setYear(row.year), style: { cursor: 'pointer' } })}
                rowClassName={(row) => (row.year === year ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: t('calendar.year'), dataIndex: 'year', width: 70 },
                  {
                    title: t('calendar.counts'),
                    key: 'counts',
                    render: (_: unknown, row) => (
                      <Flex gap={4} wrap>
                        <Tag color="red" bordered={false}>
                          {t('calendar.offMark')} {row.offDays}
                        </Tag>
                        <Tag color="blue" bordered={false}>
                          {t('calendar.workMark')} {row.workingDays}
                        </Tag>
                      </Flex>
                    ),
                  },
                  {
                    title: t('calendar.source'),
                    dataIndex: 'source',
                    render: (source: string) =>
                      source === 'shipped' ? t('calendar.sourceShipped') : t('calendar.sourceImported'),
                  },
                  {
                    title: t('calendar.importedAt'),
                    dataIndex: 'importedAt',
                    render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
                  },
                ]}
              />
            </Card>
            <OfficeHoursCard canWrite={canWrite} />
            <DeadlineCard />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
