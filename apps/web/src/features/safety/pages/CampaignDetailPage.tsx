import { ReloadOutlined } from '@ant-design/icons';
import type { CampaignDetail } from '@shanzhi/shared';
import { Button, Card, Col, Descriptions, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useRouteRecord } from '../../../components/use-route-record.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { useSession } from '../../auth/hooks/session-store.js';
import { fetchCampaign } from '../api/safety.api.js';
import { CampaignProgressBar } from '../components/CampaignProgressBar.js';
import { InspectionDialog } from '../components/InspectionDialog.js';
import { industryLabel } from '../safety-labels.js';

type Pending = CampaignDetail['pendingEnterprises'][number];

/** The numbers of a campaign's progress, side by side. */
function ProgressCard({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n();
  const p = campaign.progress;
  const stat = (key: MessageKey, value: number) => (
    <Col xs={12} md={6}>
      <Statistic title={t(key)} value={value} />
    </Col>
  );
  return (
    <Card size="small" title={t('safety.campaigns.progress')}>
      <CampaignProgressBar progress={p} />
      <Row gutter={16} style={{ marginTop: 12 }} data-testid="campaign-numbers">
        {stat('safety.campaigns.planned', p.plannedEnterprises)}
        {stat('safety.campaigns.inspections', p.inspections)}
        {stat('safety.campaigns.hazardsFound', p.hazardsFound)}
        {stat('safety.campaigns.hazardsRectified', p.hazardsRectified)}
      </Row>
    </Card>
  );
}

/**
 * 专项排查 `/safety/campaigns/:id`: the campaign's industries, period, inspectors and checklists, its progress,
 * and the enterprises not yet inspected — an inspector inspects one from here with the campaign's checklist.
 */
export function CampaignDetailPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const canInspect = session.status === 'ready' && session.me.permissions.includes('safety.inspect');
  const { detail, view } = useRouteRecord(fetchCampaign, t('safety.campaigns.notFound'));
  const [inspecting, setInspecting] = useState<Pending | null>(null);
  const campaign = view.ready ? view.record : undefined;
  // one target per choice: the dialog fills its checklist when the target changes
  const within = useMemo(
    () => (campaign && inspecting ? { campaign, enterprise: inspecting } : undefined),
    [campaign, inspecting],
  );

  if (!view.ready) return view.fallback;
  const c = view.record;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
            {c.name}
          </Typography.Title>
          <Button icon={<ReloadOutlined />} onClick={detail.reload} aria-label={t('common.refresh')} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('safety.campaigns.lead')}>{c.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('safety.campaigns.period')}>
            {c.startsOn} ~ {c.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('safety.campaigns.industries')}>
            {c.industries.map((i) => industryLabel(i, locale)).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('safety.campaigns.inspectors')}>
            {c.inspectors.map((i) => i.name).join('、')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <ProgressCard campaign={c} />
      <Card size="small" title={t('safety.campaigns.pending', { count: c.pendingEnterprises.length })}>
        <Table<Pending>
          size="small"
          data-testid="campaign-pending"
          rowKey="id"
          dataSource={c.pendingEnterprises}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t('safety.enterprise'), dataIndex: 'name', ellipsis: true },
            {
              title: t('safety.industry'),
              dataIndex: 'industry',
              width: 140,
              render: (i: Pending['industry']) => industryLabel(i, locale),
            },
            { title: t('safety.territory'), dataIndex: 'orgName', width: 180 },
            ...(canInspect
              ? [
                  {
                    title: '',
                    key: 'inspect',
                    width: 110,
                    render: (_: unknown, row: Pending) => (
                      <Button size="small" onClick={() => setInspecting(row)}>
                        {t('safety.campaigns.inspect')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('safety.campaigns.checklists')}>
        {c.checklists.map((list) => (
          <Table
            key={list.industry}
            size="small"
            title={() => industryLabel(list.industry, locale)}
            rowKey="text"
            pagination={false}
            dataSource={list.items}
            columns={[
              { title: t('safety.inspections.items'), dataIndex: 'text' },
              { title: t('safety.campaigns.basis'), dataIndex: 'basis', width: 320 },
            ]}
          />
        ))}
      </Card>
      <InspectionDialog
        open={inspecting !== null}
        within={within}
        onClose={() => setInspecting(null)}
        onSaved={() => {
          setInspecting(null);
          detail.reload();
        }}
      />
    </Flex>
  );
}
