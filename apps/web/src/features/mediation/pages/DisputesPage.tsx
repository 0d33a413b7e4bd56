import {
  DISPUTE_FIELD_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATES,
  type DisputeField,
  type DisputeListItem,
  type DisputeListQuery,
  type DisputeSource,
  type DisputeState,
  DISPUTE_FIELD_NAMES as F,
} from '@shanzhi/shared';
import { Card, Flex, Input, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useKeysetPages } from '../../../platform/lists/index.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { fetchDisputes } from '../api/mediation.api.js';
import { DisputeStateTag } from '../components/DisputeStateTag.js';
import { CommitteeSelect, DisputeFieldSelect, MediatorSelect } from '../components/MediationPickers.js';
import { disputeStateLabel } from '../dispute-view-logic.js';

type Filters = Pick<DisputeListQuery, 'state' | 'committee' | 'field' | 'mediator' | 'q'>;

const day = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD') : '—');

/** The columns of a dispute list: number, title, parties, field, state, committee, mediator, limit light. */
function disputeColumns() {
  return [
    {
      title: F.number,
      dataIndex: 'number',
      width: 170,
      render: (n: string, row: DisputeListItem) => <Link to={`/mediation/disputes/${row.id}`}>{n}</Link>,
    },
    { title: F.title, dataIndex: 'title', ellipsis: true },
    {
      title: F.parties,
      key: 'parties',
      width: 180,
      ellipsis: true,
      render: (_: unknown, row: DisputeListItem) =>
        `${row.applicantNames.join('、')} / ${row.respondentNames.join('、')}`,
    },
    {
      title: F.source,
      dataIndex: 'source',
      width: 110,
      render: (source: DisputeSource) => DISPUTE_SOURCE_LABELS[source],
    },
    {
      title: F.field,
      dataIndex: 'field',
      width: 110,
      render: (f: DisputeField) => DISPUTE_FIELD_LABELS[f],
    },
    {
      title: F.state,
      dataIndex: 'state',
      width: 110,
      render: (s: DisputeState) => <DisputeStateTag state={s} />,
    },
    {
      title: F.committee,
      key: 'committee',
      width: 170,
      ellipsis: true,
      render: (_: unknown, row: DisputeListItem) => row.committee?.name ?? '—',
    },
    {
      title: F.mediator,
      key: 'mediator',
      width: 90,
      render: (_: unknown, row: DisputeListItem) => row.mediator?.name ?? '—',
    },
    {
      title: F.deadline,
      key: 'deadline',
      width: 170,
      render: (_: unknown, row: DisputeListItem) => (
        <Flex gap={6} align="center">
          {day(row.deadline)}
          {row.light && <LightTag light={row.light} open={row.endedAt === null} />}
        </Flex>
      ),
    },
    { title: F.createdAt, dataIndex: 'createdAt', width: 110, render: day },
  ];
}

/**
 * 纠纷列表 / 我的调解: the disputes of the caller's scope (or, `mine`, those he mediates), newest first,
 * filtered by state, committee, field, mediator and words; each with its limit light.
 */
export function DisputesPage({ mine = false }: { mine?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>(mine ? { mediator: 'me' } : {});
  const pages = useKeysetPages(
    (page, signal) => fetchDisputes({ ...filters, ...page }, signal),
    JSON.stringify(filters),
    20,
  );
  const set = (patch: Partial<Filters>) =>
    setFilters((current) =>
      Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, v]) => v !== undefined)),
    );

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t(mine ? 'menu.mediationMine' : 'menu.mediationDisputes')}
        description={t(mine ? 'mediation.mine.description' : 'mediation.list.description')}
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<DisputeState>
            allowClear
            placeholder={F.state}
            aria-label={F.state}
            style={{ width: 150 }}
            onChange={(state) => set({ state })}
            options={DISPUTE_STATES.map((s) => ({ value: s, label: disputeStateLabel(s) }))}
          />
          <DisputeFieldSelect
            allowClear
            placeholder={F.field}
            aria-label={F.field}
            style={{ width: 150 }}
            onChange={(field) => set({ field })}
          />
          <CommitteeSelect
            allowClear
            placeholder={F.committee}
            aria-label={F.committee}
            style={{ width: 220 }}
            onChange={(committee) => set({ committee })}
          />
          {!mine && (
            <MediatorSelect
              allowClear
              placeholder={F.mediator}
              aria-label={F.mediator}
              style={{ width: 200 }}
              {...(filters.committee ? { committeeId: filters.committee } : {})}
              onChange={(mediator) => set({ mediator })}
            />
          )}
          <Input.Search
            allowClear
            placeholder={t('mediation.list.keyword')}
            aria-label={t('mediation.list.keyword')}
            style={{ width: 220 }}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
        </Flex>
        {pages.page.error ? (
          <ErrorState compact error={pages.page.error} onRetry={pages.page.reload} />
        ) : (
          <Table<DisputeListItem>
            size="small"
            data-testid="disputes"
            rowKey="id"
            loading={pages.page.loading}
            dataSource={pages.page.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1100 }}
            onRow={(row) => ({
              onClick: () => navigate(`/mediation/disputes/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={disputeColumns()}
          />
        )}
        <KeysetPager pages={pages} />
      </Card>
    </Flex>
  );
}

/** 我的调解: the signed-in mediator's disputes. */
export function MyDisputesPage() {
  return <DisputesPage mine />;
}
