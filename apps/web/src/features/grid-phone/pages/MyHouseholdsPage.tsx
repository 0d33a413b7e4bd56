import type { HouseListQuery, HouseView } from '@shanzhi/shared';
import { Card, Empty, Flex, Input, Pagination, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { type PageRequest, usePagedList } from '../../../platform/lists/index.js';
import { fetchHouses } from '../../grid-registers/api/registers.api.js';
import { waitingVisitsTo } from '../grid-uploads.js';
import { usePhoneUser } from '../hooks/use-phone-user.js';
import { lastVisitLabel } from '../phone-labels.js';
import { useUploadQueue } from '../upload-queue.js';

type Filters = Pick<HouseListQuery, 'within' | 'q' | 'notVisitedForDays'>;
/** 30 天以上未走访: whom to see next, the longest-unvisited first. */
const DUE_DAYS = 30;

/** One household in the list: its address, how many live there, and when it was last visited. */
function HouseholdCard({ house, waiting }: { house: HouseView; waiting: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Link to={`/m/households/${house.id}`}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong style={{ minWidth: 0 }}>
            {house.label}
          </Typography.Text>
          {waiting && (
            <Tag color="gold" style={{ flex: 'none' }}>
              {t('phone.findings.waiting')}
            </Tag>
          )}
        </Flex>
        <Typography.Text type={house.lastVisitedAt ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
          {t('phone.households.residents', { count: house.residentCount })} ·{' '}
          {lastVisitLabel(house.lastVisitedAt, new Date(), locale)}
        </Typography.Text>
      </Card>
    </Link>
  );
}

/**
 * 我的住户: the households of the worker's own grid in register order — or those not visited for 30 days,
 * the longest-unvisited first — searched by address, each with its last visit: the way to a household's page
 * and its 入户走访.
 */
export function MyHouseholdsPage() {
  const { t } = useI18n();
  const me = usePhoneUser();
  const queue = useUploadQueue();
  const [keyword, setKeyword] = useState('');
  const paged = usePagedList((query: Filters & PageRequest, signal) => fetchHouses(query, signal), {
    within: me.org.id,
  } as Filters);
  const { list, query } = paged;
  const items = list.data?.items ?? [];

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: '4px 0' }}>
        {t('phone.households.title')}
      </Typography.Title>
      <Input.Search
        allowClear
        aria-label={t('phone.households.search')}
        placeholder={t('houses.keywordPlaceholder')}
        value={keyword}
        onChange={(event) => setKeyword(event.target.value)}
        onSearch={(q) => paged.filter({ q: q.trim() || undefined })}
      />
      <Segmented<number>
        block
        value={query.notVisitedForDays ?? 0}
        onChange={(days) => paged.filter({ notVisitedForDays: days || undefined })}
        options={[
          { value: 0, label: t('registers.all') },
          { value: DUE_DAYS, label: t('houses.notVisitedFor', { days: DUE_DAYS }) },
        ]}
      />
      {list.error && !list.data ? (
        <ErrorState compact error={list.error} onRetry={list.reload} />
      ) : (
        items.map((house) => (
          <HouseholdCard
            key={house.id}
            house={house}
            waiting={waitingVisitsTo(queue.items, house.id).length > 0}
          />
        ))
      )}
      {list.data && items.length === 0 && (
        <Empty
          description={t(
            query.q || query.notVisitedForDays ? 'phone.households.noMatch' : 'phone.households.empty',
          )}
        />
      )}
      {(list.data?.total ?? 0) > query.pageSize && (
        <Pagination simple align="center" {...paged.pagination(t)} showSizeChanger={false} />
      )}
    </Flex>
  );
}
