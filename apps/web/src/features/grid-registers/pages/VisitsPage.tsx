import { VISIT_PURPOSES, type VisitCoverageQuery, type VisitView } from '@shanzhi/shared';
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { type PageRequest, usePagedList } from '../../../platform/lists/index.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchVisitCoverage, fetchVisits } from '../api/registers.api.js';
import { beijingDateTime, labelOf, percentText } from '../components/code-labels.js';

type CoverageFilters = {
  within?: number | undefined;
  sort: VisitCoverageQuery['sort'];
};

/** 走访覆盖率: per grid of the area, the households visited in 30 and 90 days, the lowest first. */
function CoverageTab() {
  const { t } = useI18n();
  const paged = usePagedList(
    (query: CoverageFilters & PageRequest, signal) => fetchVisitCoverage(query, signal),
    { sort: 'share30' } as CoverageFilters,
  );
  const { list: coverage, query: filters, filter } = paged;
  const summary = coverage.data?.summary;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap role="search">
        <OrgTreeSelect
          allowClear
          placeholder={t('registers.within')}
          aria-label={t('registers.within')}
          value={filters.within ?? null}
          onChange={(within) => filter({ within })}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t('visits.sort')}
          style={{ width: 240 }}
          value={filters.sort}
          onChange={(sort) => filter({ sort })}
          options={[
            { value: 'share30', label: t('visits.sortShare30') },
            { value: 'share90', label: t('visits.sortShare90') },
          ]}
        />
      </Flex>
      {coverage.error && !coverage.data ? (
        <ErrorState error={coverage.error} onRetry={coverage.reload} />
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('visits.households')} value={summary?.households ?? 0} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('visits.share30')} value={percentText(summary?.share30 ?? null)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('visits.share90')} value={percentText(summary?.share90 ?? null)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('visits.visited90')} value={summary?.visited90 ?? 0} />
            </Col>
          </Row>
          <Table
            rowKey="gridId"
            size="middle"
            loading={coverage.loading}
            dataSource={coverage.data?.items ?? []}
            pagination={paged.pagination(t)}
            columns={[
              { title: t('registers.grid'), dataIndex: 'gridName', ellipsis: true },
              { title: t('visits.community'), dataIndex: 'communityName', width: 160, ellipsis: true },
              { title: t('visits.households'), dataIndex: 'households', width: 100 },
              { title: t('visits.visited30'), dataIndex: 'visited30', width: 130 },
              { title: t('visits.share30'), dataIndex: 'share30', width: 110, render: percentText },
              { title: t('visits.visited90'), dataIndex: 'visited90', width: 130 },
              { title: t('visits.share90'), dataIndex: 'share90', width: 110, render: percentText },
            ]}
          />
        </>
      )}
    </Flex>
  );
}

/** 走访记录: every visit of the user's scope, newest first, a page at a time. */
function VisitListTab() {
  const { t, locale } = useI18n();
  const [within, setWithin] = useState<number | undefined>();
  const [items, setItems] = useState<VisitView[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const page = useApi(
    async (signal) => ({ after: cursor, ...(await fetchVisits({ within, cursor, limit: 30 }, signal)) }),
    [within, cursor],
  );
  // each answer once, as it arrives: the first page replaces the list, a later one extends it
  useEffect(() => {
    if (!page.data) return;
    const { after, items: fresh } = page.data;
    setItems((current) => (after ? [...current, ...fresh] : fresh));
  }, [page.data]);
  return (
    <Flex vertical gap={12}>
      <OrgTreeSelect
        allowClear
        placeholder={t('registers.within')}
        aria-label={t('registers.within')}
        value={within ?? null}
        onChange={(value) => {
          setCursor(undefined);
          setWithin(value);
        }}
        style={{ width: 240 }}
      />
      {page.error && <ErrorState compact error={page.error} onRetry={page.reload} />}
      <Table<VisitView>
        rowKey="id"
        size="middle"
        loading={page.loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: page.error ? errorText(page.error, t) : t('visits.empty') }}
        columns={[
          {
            title: t('visits.visitedAt'),
            dataIndex: 'visitedAt',
            width: 150,
            render: (at: string) => beijingDateTime(at),
          },
          {
            title: t('visits.house'),
            dataIndex: 'houseLabel',
            ellipsis: true,
            render: (label: string, visit) => <Link to={`/grid/houses/${visit.houseId}`}>{label}</Link>,
          },
          {
            title: t('visits.purpose'),
            dataIndex: 'purpose',
            width: 100,
            render: (purpose: string) => (
              <Tag bordered={false}>{labelOf(VISIT_PURPOSES, purpose, locale)}</Tag>
            ),
          },
          { title: t('visits.visitor'), dataIndex: 'visitorName', width: 140, ellipsis: true },
          { title: t('visits.note'), dataIndex: 'note', ellipsis: true },
        ]}
      />
      {page.data?.nextCursor && (
        <Button onClick={() => setCursor(page.data!.nextCursor!)} style={{ alignSelf: 'center' }}>
          {t('visits.loadMore')}
        </Button>
      )}
    </Flex>
  );
}

/** 入户走访: the coverage of each grid and the visits themselves. */
export function VisitsPage() {
  const { t } = useI18n();
  return (
    <Flex vertical>
      <PageTitle title={t('menu.visits')} description={t('visits.description')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'coverage', label: t('visits.coverage'), children: <CoverageTab /> },
            { key: 'list', label: t('visits.list'), children: <VisitListTab /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
