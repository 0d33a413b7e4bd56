import {
  PETITION_MODES,
  PETITION_STATES,
  type PetitionListQuery,
  type PetitionMode,
  type PetitionRiskKind,
  type PetitionState,
  type PetitionView,
  petitionNumber,
} from '@shanzhi/shared';
import { Card, Checkbox, Flex, Grid, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import type { Translate } from '../../../i18n/I18nProvider.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { useKeysetPages } from '../../../platform/lists/index.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { fetchPetitions } from '../api/petitions.api.js';
import { PetitionCardList } from '../components/PetitionCardList.js';
import { PetitionStateTag } from '../components/PetitionStateTag.js';
import { runningDeadlineOf } from '../petition-deadline.js';
import { petitionModeLabel, petitionStateLabel } from '../petition-labels.js';

type Filters = Pick<PetitionListQuery, 'state' | 'mode' | 'overdue' | 'q' | 'risk' | 'unclaimed'>;

const day = (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD') : '—');

/** The columns of the petition list: number, matter, petitioners, mode, state, agent, running limit and light. */
function petitionColumns(t: Translate) {
  return [
    {
      title: t('petition.field.number'),
      dataIndex: 'id',
      width: 90,
      render: (id: number) => <Link to={`/petitions/${id}`}>{petitionNumber(id)}</Link>,
    },
    { title: t('petition.field.matter'), dataIndex: 'matter', ellipsis: true },
    {
      title: t('petition.field.petitioners'),
      key: 'petitioners',
      width: 140,
      ellipsis: true,
      render: (_: unknown, row: PetitionView) => row.petitioners.map((p) => p.name).join('、'),
    },
    {
      title: t('petition.field.mode'),
      dataIndex: 'mode',
      width: 100,
      render: (mode: PetitionMode) => petitionModeLabel(mode, t),
    },
    {
      title: t('petition.field.state'),
      dataIndex: 'state',
      width: 100,
      render: (state: PetitionState) => <PetitionStateTag state={state} />,
    },
    {
      title: t('petition.field.agent'),
      dataIndex: 'agentName',
      width: 160,
      ellipsis: true,
      render: (name: string | null) => name ?? <Tag color="orange">{t('petition.detail.unclaimed')}</Tag>,
    },
    {
      title: t('petition.field.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, row: PetitionView) => (
        <Flex gap={6} align="center">
          {day(runningDeadlineOf(row))}
          {row.light && <LightTag light={row.light} />}
        </Flex>
      ),
    },
    {
      title: t('petition.field.risk'),
      dataIndex: 'riskKind',
      width: 120,
      render: (kind: PetitionRiskKind | null) =>
        kind && <Tag color="red">{t(`petition.risk.${kind}` as MessageKey)}</Tag>,
    },
    { title: t('petition.field.createdAt'), dataIndex: 'createdAt', width: 110, render: day },
  ];
}

/**
 * 信访代办: the petitions of the caller's scope, newest first, filtered by state, mode, overdue, escalation risk
 * and words; each with the legal limit running now and its light. As 风险预警 (`risks`) it lists the flagged ones
 * only, for the leaders.
 */
export function PetitionsPage({ risks = false }: { risks?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  // an agent on the street opens the list on his phone: cards instead of the table
  const phone = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<Filters>(risks ? { risk: 'true' } : {});
  const pages = useKeysetPages(
    (page, signal) => fetchPetitions({ ...filters, ...page }, signal),
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
        title={t(risks ? 'menu.petitionRisks' : 'menu.petitions')}
        description={t(risks ? 'petition.risks.description' : 'petition.list.description')}
      />
      <Card size="small">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<PetitionState>
            allowClear
            placeholder={t('petition.field.state')}
            aria-label={t('petition.field.state')}
            style={{ width: 140 }}
            onChange={(state) => set({ state })}
            options={PETITION_STATES.map((s) => ({ value: s, label: petitionStateLabel(s, t) }))}
          />
          <Select<PetitionMode>
            allowClear
            placeholder={t('petition.field.mode')}
            aria-label={t('petition.field.mode')}
            style={{ width: 140 }}
            onChange={(mode) => set({ mode })}
            options={PETITION_MODES.map((m) => ({ value: m, label: petitionModeLabel(m, t) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('petition.list.keyword')}
            aria-label={t('petition.list.keyword')}
            style={{ width: 220 }}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
          <Checkbox onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
            {t('petition.list.overdue')}
          </Checkbox>
          {!risks && (
            <Checkbox onChange={(e) => set({ risk: e.target.checked ? 'true' : undefined })}>
              {t('petition.list.riskOnly')}
            </Checkbox>
          )}
          {!risks && (
            <Checkbox onChange={(e) => set({ unclaimed: e.target.checked ? 'true' : undefined })}>
              {t('petition.list.unclaimed')}
            </Checkbox>
          )}
        </Flex>
        {pages.page.error ? (
          <ErrorState compact error={pages.page.error} onRetry={pages.page.reload} />
        ) : phone ? (
          <PetitionCardList items={pages.page.data?.items ?? []} loading={pages.page.loading} />
        ) : (
          <Table<PetitionView>
            size="small"
            data-testid="petitions"
            rowKey="id"
            loading={pages.page.loading}
            dataSource={pages.page.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1080 }}
            onRow={(row) => ({
              onClick: () => navigate(`/petitions/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={petitionColumns(t)}
          />
        )}
        <KeysetPager pages={pages} />
      </Card>
    </Flex>
  );
}
