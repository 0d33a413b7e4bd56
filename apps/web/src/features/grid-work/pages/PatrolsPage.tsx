import type { PatrolListQuery, PatrolState, PatrolView } from '@shanzhi/shared';
import { Card, Col, DatePicker, Empty, Flex, Row, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useKeysetPages } from '../../../platform/lists/index.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchPatrols } from '../api/grid-work.api.js';
import { PatrolRouteMap } from '../components/PatrolRouteMap.js';

type Filters = Pick<PatrolListQuery, 'within' | 'state' | 'from' | 'to'>;

/** 巡查记录: the patrols of the caller's scope, newest first; the one picked shows its route on the map. */
export function PatrolsPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const [picked, setPicked] = useState<number | null>(null);
  const pages = useKeysetPages(
    (page, signal) => fetchPatrols({ ...filters, ...page }, signal),
    JSON.stringify(filters),
    20,
  );
  const set = (patch: Partial<Filters>) =>
    setFilters((current) =>
      Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, v]) => v !== undefined)),
    );
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    });
  const shown = picked ?? pages.page.data?.items[0]?.id ?? null;

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.gridPatrols')} description={t('gridWork.patrols.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small">
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <OrgTreeSelect
                value={filters.within ?? null}
                onChange={(within) => set({ within })}
                allowClear
                placeholder={t('gridWork.within')}
                aria-label={t('gridWork.within')}
                style={{ width: 220 }}
              />
              <Select<PatrolState>
                allowClear
                placeholder={t('gridWork.state')}
                aria-label={t('gridWork.state')}
                style={{ width: 120 }}
                value={filters.state}
                onChange={(state) => set({ state })}
                options={[
                  { value: 'ongoing', label: t('gridWork.patrol.ongoing') },
                  { value: 'ended', label: t('gridWork.patrol.ended') },
                ]}
              />
              <DatePicker.RangePicker
                aria-label={t('gridWork.period')}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                onChange={onRange}
              />
            </Flex>
            {pages.page.error ? (
              <ErrorState compact error={pages.page.error} onRetry={pages.page.reload} />
            ) : (
              <Table<PatrolView>
                size="small"
                data-testid="grid-patrols"
                rowKey="id"
                loading={pages.page.loading}
                dataSource={pages.page.data?.items ?? []}
                pagination={false}
                scroll={{ x: 720 }}
                rowClassName={(row) => (row.id === shown ? 'ant-table-row-selected' : '')}
                onRow={(row) => ({ onClick: () => setPicked(row.id), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: t('gridWork.patrol.startedAt'),
                    dataIndex: 'startedAt',
                    width: 130,
                    render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
                  },
                  { title: t('gridWork.grid'), dataIndex: 'gridName', ellipsis: true },
                  { title: t('gridWork.patrol.worker'), dataIndex: 'workerName', width: 90, ellipsis: true },
                  {
                    title: t('gridWork.patrol.duration'),
                    dataIndex: 'durationSeconds',
                    width: 80,
                    align: 'right',
                    render: (s: number) => t('gridWork.minutes', { n: Math.round(s / 60) }),
                  },
                  {
                    title: t('gridWork.patrol.distance'),
                    dataIndex: 'distanceMeters',
                    width: 80,
                    align: 'right',
                    render: (m: number) => `${(m / 1000).toFixed(1)} km`,
                  },
                  {
                    title: t('gridWork.patrol.findings'),
                    dataIndex: 'findingCount',
                    width: 70,
                    align: 'right',
                  },
                  {
                    title: t('gridWork.state'),
                    dataIndex: 'state',
                    width: 80,
                    render: (state: PatrolState) => (
                      <Tag color={state === 'ongoing' ? 'processing' : 'default'}>
                        {state === 'ongoing' ? t('gridWork.patrol.ongoing') : t('gridWork.patrol.ended')}
                      </Tag>
                    ),
                  },
                ]}
              />
            )}
            <KeysetPager pages={pages} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('gridWork.patrol.route')}>
            {shown ? (
              <PatrolRouteMap patrolId={shown} />
            ) : (
              <Empty description={t('gridWork.patrol.pickOne')} />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
