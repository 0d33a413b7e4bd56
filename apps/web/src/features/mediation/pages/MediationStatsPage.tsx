import type { DisputeField } from '@shanzhi/shared';
import { Col, Flex, Row, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DayRangePicker } from '../../../components/DayRangePicker.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { statsPresets } from '../../grid-work/stats-period.js';
import { periodOf } from '../../measures/period-presets.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchMediationStats } from '../api/mediation.api.js';
import { FieldChart } from '../components/FieldChart.js';
import { MediationCounts } from '../components/MediationCounts.js';
import { DisputeFieldSelect } from '../components/MediationPickers.js';
import { RankingTable } from '../components/RankingTable.js';
import { SubsidyStatementCard } from '../components/SubsidyStatementCard.js';

const PRESET_LABELS: Record<string, string> = {
  thisMonth: '本月',
  lastMonth: '上月',
  thisQuarter: '本季度',
  thisYear: '本年',
  lastYear: '近一年',
};

/**
 * 调解统计: received, accepted, mediated and agreed disputes of an org subtree and period, the resolution rate
 * and the 小事不出村 / 大事不出镇 shares, by field as a chart, the rankings, and the 以调定补 statement.
 */
export function MediationStatsPage() {
  const { t } = useI18n();
  const [org, setOrg] = useState<number | undefined>();
  const [field, setField] = useState<DisputeField | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(364, 'day'), dayjs()]);
  const mayDoSubsidies = usePermission('mediation.subsidy');
  const period = periodOf(range);
  const stats = useApi(
    (signal) => fetchMediationStats({ org, field, ...period }, signal),
    [org, field, period.from, period.to],
  );

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.mediationStats')} description={t('mediation.stats.description')} />
      <Flex gap={8} wrap>
        <OrgTreeSelect
          value={org ?? null}
          onChange={setOrg}
          allowClear
          placeholder="统计范围"
          style={{ width: 240 }}
        />
        <DisputeFieldSelect allowClear placeholder="纠纷类型" style={{ width: 160 }} onChange={setField} />
        <DayRangePicker
          value={range}
          onChange={setRange}
          presets={statsPresets().map((p) => ({ label: PRESET_LABELS[p.key] ?? p.key, value: p.range }))}
        />
      </Flex>
      {stats.error ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : !stats.data ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Text type="secondary">
            {stats.data.org.name} · {stats.data.from} 至 {stats.data.to}
          </Typography.Text>
          <MediationCounts counts={stats.data.counts} />
          <FieldChart byField={stats.data.byField} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <RankingTable
                title={t('mediation.stats.orgRanking')}
                rows={stats.data.orgRanking}
                testId="org-ranking"
              />
            </Col>
            <Col xs={24} xl={12}>
              <RankingTable
                title={t('mediation.stats.mediatorRanking')}
                rows={stats.data.mediatorRanking}
                testId="mediator-ranking"
              />
            </Col>
          </Row>
        </>
      )}
      {mayDoSubsidies && <SubsidyStatementCard />}
    </Flex>
  );
}
