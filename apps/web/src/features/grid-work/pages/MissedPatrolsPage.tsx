import type { MissedPatrolItem, PatrolPlanView } from '@shanzhi/shared';
import { App, Button, Card, DatePicker, Flex, InputNumber, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchMissedPatrols, fetchPatrolPlans, savePatrolPlan } from '../api/grid-work.api.js';

/** A grid's plan, editable by those who may set it: 每日巡查次数 and 保存. */
function PlanEditor({ plan, onSaved }: { plan: PatrolPlanView; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mayEdit = usePermission('grid_plan.write');
  const [perDay, setPerDay] = useState<number | null>(plan.perDay);
  const [saving, setSaving] = useState(false);
  if (!mayEdit) return <span>{t('gridWork.plan.perDay', { n: plan.perDay })}</span>;
  const save = async () => {
    if (perDay === null) return;
    setSaving(true);
    try {
      await savePatrolPlan(plan.gridId, perDay);
      message.success(t('gridWork.plan.saved', { grid: plan.gridName, n: perDay }));
      onSaved();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space size={4}>
      <InputNumber
        size="small"
        min={0}
        max={12}
        precision={0}
        value={perDay}
        onChange={setPerDay}
        aria-label={t('gridWork.plan.perDayOf', { grid: plan.gridName })}
        style={{ width: 64 }}
      />
      <Button size="small" loading={saving} disabled={perDay === plan.perDay} onClick={save}>
        {t('common.save')}
      </Button>
    </Space>
  );
}

/**
 * 漏巡与巡查计划: the grids that walked fewer patrols than their plan on a day (yesterday by default), and
 * every grid's plan — patrols a day — which a supervisor with the right sets from today on.
 */
export function MissedPatrolsPage() {
  const { t } = useI18n();
  const [day, setDay] = useState<Dayjs>(dayjs().subtract(1, 'day'));
  const [within, setWithin] = useState<number | undefined>();
  const missed = useApi(
    (signal) => fetchMissedPatrols({ day: day.format('YYYY-MM-DD'), ...(within ? { within } : {}) }, signal),
    [day.format('YYYY-MM-DD'), within],
  );
  const plans = usePagedList(
    (query, signal) =>
      fetchPatrolPlans({ ...query, ...(query.within ? { within: query.within } : {}) }, signal),
    { within: undefined as number | undefined },
  );

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.gridMissed')}
        description={t('gridWork.missed.description')}
        extra={
          <OrgTreeSelect
            value={within ?? null}
            onChange={(id) => {
              setWithin(id);
              plans.filter({ within: id });
            }}
            allowClear
            placeholder={t('gridWork.within')}
            aria-label={t('gridWork.within')}
            style={{ width: 240 }}
          />
        }
      />
      <Card
        size="small"
        title={t('gridWork.missed.title', { day: day.format('YYYY-MM-DD') })}
        extra={
          <DatePicker
            value={day}
            allowClear={false}
            aria-label={t('gridWork.missed.day')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => d && setDay(d)}
          />
        }
      >
        {missed.error ? (
          <ErrorState compact error={missed.error} onRetry={missed.reload} />
        ) : (
          <Table<MissedPatrolItem>
            size="small"
            data-testid="grid-missed"
            rowKey="gridId"
            loading={missed.loading}
            dataSource={missed.data ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('gridWork.missed.none') }}
            columns={[
              { title: t('gridWork.grid'), dataIndex: 'gridName', ellipsis: true },
              { title: t('gridWork.community'), dataIndex: 'communityName', ellipsis: true },
              {
                title: t('gridWork.patrol.worker'),
                dataIndex: 'workerName',
                width: 110,
                render: (n: string | null) => n ?? '—',
              },
              { title: t('gridWork.missed.planned'), dataIndex: 'planned', width: 90, align: 'right' },
              {
                title: t('gridWork.missed.done'),
                dataIndex: 'done',
                width: 90,
                align: 'right',
                render: (done: number) => <Typography.Text type="danger">{done}</Typography.Text>,
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('gridWork.plan.title')}>
        {plans.list.error ? (
          <ErrorState compact error={plans.list.error} onRetry={plans.list.reload} />
        ) : (
          <Table<PatrolPlanView>
            size="small"
            data-testid="grid-plans"
            rowKey="gridId"
            loading={plans.list.loading}
            dataSource={plans.list.data?.items ?? []}
            pagination={plans.pagination(t)}
            columns={[
              { title: t('gridWork.grid'), dataIndex: 'gridName', ellipsis: true },
              { title: t('gridWork.community'), dataIndex: 'communityName', ellipsis: true },
              {
                title: t('gridWork.plan.perDayTitle'),
                key: 'perDay',
                width: 180,
                render: (_: unknown, plan) => (
                  <PlanEditor key={`${plan.gridId}-${plan.perDay}`} plan={plan} onSaved={plans.list.reload} />
                ),
              },
              {
                title: t('gridWork.plan.updatedAt'),
                dataIndex: 'updatedAt',
                width: 150,
                render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
              },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
