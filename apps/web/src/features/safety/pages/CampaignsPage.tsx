import { PlusOutlined } from '@ant-design/icons';
import type { CampaignView } from '@shanzhi/shared';
import { Button, Card, Flex, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { fetchCampaigns } from '../api/safety.api.js';
import { CampaignDialog } from '../components/CampaignDialog.js';
import { CampaignProgressBar } from '../components/CampaignProgressBar.js';
import { industryLabel } from '../safety-labels.js';

/** 专项排查: the campaigns of the caller's scope with their progress (each opens to its detail), and a new one. */
export function CampaignsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const paged = usePagedList((query, signal) => fetchCampaigns(query, signal), {});
  const { list } = paged;

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.safetyCampaigns')}
        description={t('safety.campaigns.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('safety.campaigns.add')}
          </Button>
        }
      />
      <Card size="small">
        {list.error ? (
          <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : (
          <Table<CampaignView>
            size="small"
            data-testid="safety-campaigns"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={paged.pagination(t)}
            scroll={{ x: 960 }}
            columns={[
              {
                title: t('safety.campaigns.name'),
                dataIndex: 'name',
                render: (name: string, row) => <Link to={`/safety/campaigns/${row.id}`}>{name}</Link>,
              },
              {
                title: t('safety.campaigns.industries'),
                dataIndex: 'industries',
                width: 200,
                render: (list: CampaignView['industries']) =>
                  list.map((i) => industryLabel(i, locale)).join('、'),
              },
              {
                title: t('safety.campaigns.period'),
                key: 'period',
                width: 200,
                render: (_: unknown, row) => `${row.startsOn} ~ ${row.endsOn}`,
              },
              {
                title: t('safety.campaigns.progress'),
                key: 'progress',
                width: 220,
                render: (_: unknown, row) => <CampaignProgressBar progress={row.progress} />,
              },
              {
                title: t('safety.campaigns.hazards'),
                key: 'hazards',
                width: 130,
                render: (_: unknown, row) =>
                  `${row.progress.hazardsRectified} / ${row.progress.hazardsFound}`,
              },
            ]}
          />
        )}
      </Card>
      <CampaignDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(campaign) => {
          setAdding(false);
          navigate(`/safety/campaigns/${campaign.id}`);
        }}
      />
    </Flex>
  );
}
