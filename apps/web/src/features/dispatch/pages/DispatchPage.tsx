import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Input, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { countCases } from '../../cases/api/cases.api.js';
import { useLiveTopics } from '../../notifications/hooks/live-events.js';
import { QueueTable } from '../components/QueueTable.js';
import { DISPATCH_QUEUES } from '../queues.js';

const QUEUE_TOPICS = ['notification.created', 'case.dispatched'];

/**
 * 派单中心: the dispatcher's queues as tabs with counts — 待派单, 退单待处理, 待审核, 延期申请 — each a
 * server-paged table whose buttons are the server's actions (派单, 合并, 上报, 作废, 审核, 返工, 延期审批).
 */
export function DispatchPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const active = DISPATCH_QUEUES.find((q) => q.key === params.get('queue')) ?? DISPATCH_QUEUES[0]!;
  // the search lives in the address beside the queue and outside the tabs' panes, so that switching
  // queues keeps what was typed and searched (a pane is rebuilt on every switch)
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const showQueue = (queue: string, search: string) => setParams(search ? { queue, q: search } : { queue });
  // the address as it is now, not as this render saw it: a navigation renders in a transition, and a tab
  // clicked before that render lands must not drop the search just made
  const searchInAddress = () => new URLSearchParams(window.location.search).get('q') ?? '';
  const [generation, setGeneration] = useState(0);
  const counts = useApi(
    (signal) => Promise.all(DISPATCH_QUEUES.map((q) => countCases(q.filters, 100, signal))),
    [generation],
  );
  // a return, a reply or an extension request to handle updates the counts at once; the table the
  // dispatcher is reading stays where it is until 刷新
  useLiveTopics(QUEUE_TOPICS, counts.reload);
  const refresh = () => setGeneration((g) => g + 1);

  return (
    <Flex vertical>
      <PageTitle
        title={t('menu.dispatch')}
        description={t('dispatch.description')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={refresh}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card size="small">
        {/* above the tabs, not in their bar: a tab list holds tabs only (screen readers announce it so) */}
        <Input.Search
          allowClear
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder={t('dispatch.searchPlaceholder')}
          aria-label={t('dispatch.searchPlaceholder')}
          onSearch={(value) => showQueue(active.key, value.trim())}
          style={{ maxWidth: 320, marginBottom: 4 }}
        />
        <Tabs
          activeKey={active.key}
          onChange={(key) => showQueue(key, searchInAddress())}
          items={DISPATCH_QUEUES.map((queue, index) => ({
            key: queue.key,
            label: (
              <span>
                {t(queue.label)}{' '}
                <Badge
                  count={counts.data?.[index] ?? 0}
                  showZero
                  overflowCount={999}
                  // white figures on these read at 4.5:1 or better
                  color={queue.key === 'registered' || queue.key === 'returned' ? '#1456f0' : '#965a00'}
                />
              </span>
            ),
            children: (
              <QueueTable key={`${queue.key}-${generation}`} queue={queue} q={q} onChanged={refresh} />
            ),
          }))}
          destroyOnHidden
        />
      </Card>
    </Flex>
  );
}
