import { PlusOutlined } from '@ant-design/icons';
import { HAZARD_LEVELS, HAZARD_STATES, type HazardListQuery, type HazardView } from '@shanzhi/shared';
import { Button, Card, Flex, Select, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { useSession } from '../../auth/hooks/session-store.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { fetchEnterprises, fetchHazards } from '../api/safety.api.js';
import { HazardLevelTag, HazardStateTag } from '../components/HazardTags.js';
import { ReportConfirmations } from '../components/ReportConfirmations.js';
import { lastQuarterEnded, SafetyReportDownload } from '../components/SafetyReportDownload.js';
import { SelfCheckDialog } from '../components/SelfCheckDialog.js';
import { hazardLevelLabel, hazardSourceLabel, hazardStateLabel } from '../safety-labels.js';

type Filters = Pick<HazardListQuery, 'state' | 'level' | 'overdue' | 'listed'>;

/** 自查上报 of an enterprise account: its register holds its own enterprise alone, the one it reports of. */
function SelfCheckReport({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const own = useApi((signal) => fetchEnterprises({ pageSize: 1 }, signal), []);
  const enterpriseId = own.data?.items[0]?.id;
  if (enterpriseId === undefined) return null;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('safety.selfCheck.title')}
      </Button>
      <SelfCheckDialog
        enterpriseId={enterpriseId}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          onSaved();
        }}
      />
    </>
  );
}

/**
 * 隐患清单: the hazards of the caller's scope, newest first, filtered by state and level; 「只看超期」 is the
 * supervisor's list of hazards past their deadline (red). A row opens the hazard. The quarterly and annual
 * statistical tables download from the title; below, each enterprise's signature of the period's table. An
 * enterprise account sees its own hazards and reports its self-check's (自查上报).
 */
export function HazardsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const paged = usePagedList((query, signal) => fetchHazards(query, signal), {} as Filters);
  const { list, query: filters, filter: set } = paged;
  const [period, setPeriod] = useState(lastQuarterEnded);
  const session = useSession();
  const isEnterprise = session.status === 'ready' && session.me.roles.includes('enterprise');

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.safetyHazards')}
        description={t('safety.hazards.description')}
        extra={
          <Flex gap={8} wrap>
            {isEnterprise && <SelfCheckReport onSaved={list.reload} />}
            <SafetyReportDownload period={period} onChange={setPeriod} />
          </Flex>
        }
      />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('safety.state')}
            aria-label={t('safety.state')}
            style={{ width: 150 }}
            value={filters.state}
            onChange={(state) => set({ state })}
            options={HAZARD_STATES.map((s) => ({ value: s, label: hazardStateLabel(s, locale) }))}
          />
          <Select
            allowClear
            placeholder={t('safety.level')}
            aria-label={t('safety.level')}
            style={{ width: 130 }}
            value={filters.level}
            onChange={(level) => set({ level })}
            options={HAZARD_LEVELS.map((l) => ({ value: l, label: hazardLevelLabel(l, locale) }))}
          />
          <Flex gap={6} align="center">
            <Switch
              aria-label={t('safety.hazards.overdueOnly')}
              checked={filters.overdue === 'true'}
              onChange={(on) => set({ overdue: on ? 'true' : undefined })}
            />
            <Typography.Text>{t('safety.hazards.overdueOnly')}</Typography.Text>
          </Flex>
          <Flex gap={6} align="center">
            <Switch
              aria-label={t('safety.hazards.listedOnly')}
              checked={filters.listed === 'true'}
              onChange={(on) => set({ listed: on ? 'true' : undefined })}
            />
            <Typography.Text>{t('safety.hazards.listedOnly')}</Typography.Text>
          </Flex>
        </Flex>
        {list.error ? (
          <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : (
          <Table<HazardView>
            size="small"
            data-testid="safety-hazards"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={paged.pagination(t)}
            onRow={(row) => ({
              onClick: () => navigate(`/safety/hazards/${row.id}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                title: t('safety.hazards.found'),
                dataIndex: 'createdAt',
                width: 140,
                render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
              },
              { title: t('safety.enterprise'), dataIndex: 'enterpriseName', width: 220, ellipsis: true },
              {
                title: t('safety.hazards.description.column'),
                dataIndex: 'description',
                ellipsis: true,
                render: (text: string, row) => <Link to={`/safety/hazards/${row.id}`}>{text}</Link>,
              },
              {
                title: t('safety.level'),
                dataIndex: 'level',
                width: 100,
                render: (l) => <HazardLevelTag level={l} />,
              },
              {
                title: t('safety.hazards.source'),
                dataIndex: 'source',
                width: 110,
                render: (s) => hazardSourceLabel(s, locale),
              },
              {
                title: t('safety.state'),
                dataIndex: 'state',
                width: 120,
                render: (s) => <HazardStateTag state={s} />,
              },
              {
                title: t('safety.hazards.deadline'),
                key: 'deadline',
                width: 190,
                render: (_: unknown, row) => (
                  <Flex gap={6} align="center">
                    {row.deadline ? dayjs(row.deadline).format('YYYY-MM-DD') : '—'}
                    {row.light && <LightTag light={row.light} />}
                    {row.listedForSupervision && <Tag color="volcano">{t('safety.hazards.listed')}</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Card>
      <ReportConfirmations period={period} />
    </Flex>
  );
}
