import {
  GRID_FINDING_STATES,
  type GridFindingListQuery,
  type GridFindingState,
  type GridFindingView,
} from '@shanzhi/shared';
import { Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useKeysetPages } from '../../../platform/lists/index.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchFindings } from '../api/grid-work.api.js';
import { FindingStateTag } from '../components/GridStateTags.js';
import { findingStateLabel } from '../grid-labels.js';

type Filters = Pick<GridFindingListQuery, 'state' | 'within' | 'from' | 'to' | 'q'>;

/**
 * 巡查发现: the findings of the caller's scope, newest first, filtered by area, state, period and words; a row
 * opens the finding's page (photos, timeline, the case it became).
 */
export function FindingsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const pages = useKeysetPages(
    (page, signal) => fetchFindings({ ...filters, ...page }, signal),
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

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.gridFindings')} description={t('gridWork.findings.description')} />
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
          <Select<GridFindingState>
            allowClear
            placeholder={t('gridWork.state')}
            aria-label={t('gridWork.state')}
            style={{ width: 150 }}
            value={filters.state}
            onChange={(state) => set({ state })}
            options={GRID_FINDING_STATES.map((s) => ({ value: s, label: findingStateLabel(s, locale) }))}
          />
          <DatePicker.RangePicker
            aria-label={t('gridWork.period')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={onRange}
          />
          <Input.Search
            allowClear
            placeholder={t('gridWork.findings.keyword')}
            aria-label={t('gridWork.findings.keyword')}
            style={{ width: 220 }}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
        </Flex>
        {pages.page.error ? (
          <ErrorState compact error={pages.page.error} onRetry={pages.page.reload} />
        ) : (
          <Table<GridFindingView>
            size="small"
            data-testid="grid-findings"
            rowKey="id"
            loading={pages.page.loading}
            dataSource={pages.page.data?.items ?? []}
            pagination={false}
            scroll={{ x: 960 }}
            onRow={(row) => ({
              onClick: () => navigate(`/grid/findings/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                title: t('gridWork.findings.occurredAt'),
                dataIndex: 'occurredAt',
                width: 140,
                render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
              },
              { title: t('gridWork.grid'), dataIndex: 'gridName', width: 200, ellipsis: true },
              {
                title: t('gridWork.findings.text'),
                dataIndex: 'description',
                ellipsis: true,
                render: (text: string, row) => <Link to={`/grid/findings/${row.id}`}>{text}</Link>,
              },
              {
                title: t('gridWork.findings.item'),
                key: 'item',
                width: 170,
                ellipsis: true,
                render: (_: unknown, row) => row.admissionItemName ?? row.categoryName ?? '—',
              },
              {
                title: t('gridWork.state'),
                dataIndex: 'state',
                width: 110,
                render: (state: GridFindingState) => <FindingStateTag state={state} />,
              },
              {
                title: t('gridWork.findings.case'),
                key: 'case',
                width: 170,
                render: (_: unknown, row) =>
                  row.caseId ? (
                    <Link to={`/cases/${row.caseId}`} onClick={(e) => e.stopPropagation()}>
                      {row.caseNumber}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
              {
                title: t('gridWork.findings.reporter'),
                dataIndex: 'reporterName',
                width: 110,
                ellipsis: true,
              },
            ]}
          />
        )}
        <KeysetPager pages={pages} />
      </Card>
    </Flex>
  );
}
