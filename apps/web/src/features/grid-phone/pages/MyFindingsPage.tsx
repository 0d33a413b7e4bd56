import type { GridFindingView } from '@shanzhi/shared';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { caseStateLabel } from '../../cases/case-labels.js';
import { fetchMyFindings } from '../api/grid-phone.api.js';
import { WaitingUploads } from '../components/WaitingUploads.js';
import { FINDING_STATE_COLORS, findingStateLabel } from '../phone-labels.js';
import { useUploadQueue } from '../upload-queue.js';

/** One finding in the list: what, when, where it stands, and the case it became. */
function FindingCard({ finding }: { finding: GridFindingView }) {
  const { t, locale } = useI18n();
  return (
    <Link to={`/m/findings/${finding.id}`}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, minWidth: 0 }}>
            {finding.description}
          </Typography.Paragraph>
          <Tag color={FINDING_STATE_COLORS[finding.state]} style={{ flex: 'none' }}>
            {findingStateLabel(finding.state, locale)}
          </Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(finding.occurredAt).format('MM-DD HH:mm')}
          {finding.admissionItemName ? ` · ${finding.admissionItemName}` : ''}
        </Typography.Text>
        {finding.caseNumber && finding.caseState && (
          <div>
            <Typography.Text style={{ fontSize: 12 }}>
              {t('phone.findings.case', {
                number: finding.caseNumber,
                state: caseStateLabel(finding.caseState, locale),
              })}
            </Typography.Text>
          </div>
        )}
      </Card>
    </Link>
  );
}

/**
 * 我的发现: what the worker reported, newest first, with where each stands and the case it became — and
 * above them, what is still on the phone waiting to be sent.
 */
export function MyFindingsPage() {
  const { t } = useI18n();
  const queue = useUploadQueue();
  const waiting = queue.items.filter((u) => u.kind === 'finding');
  const pending = queue.items.filter((u) => u.kind === 'finding' || u.kind === 'finding_action').length;
  // the list is read again whenever an upload about findings got through
  const first = useApi((signal) => fetchMyFindings({}, signal), [pending]);
  const [more, setMore] = useState<{ items: GridFindingView[]; cursor: string | null }>({
    items: [],
    cursor: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    setMore({ items: [], cursor: first.data?.nextCursor ?? null });
  }, [first.data]);

  async function loadMore() {
    if (!more.cursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchMyFindings({ cursor: more.cursor });
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
  }

  const items = [...(first.data?.items ?? []), ...more.items];
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={1} style={{ fontSize: 18, margin: '4px 0' }}>
        {t('phone.findings.title')}
      </Typography.Title>
      <WaitingUploads items={waiting} />
      {first.error && !first.data ? (
        <ErrorState compact error={first.error} onRetry={first.reload} />
      ) : (
        items.map((finding) => <FindingCard key={finding.id} finding={finding} />)
      )}
      {!first.loading && !first.error && items.length === 0 && waiting.length === 0 && (
        <Empty description={t('phone.findings.empty')} />
      )}
      {more.cursor && (
        <Button block loading={loadingMore} onClick={() => void loadMore()}>
          {t('phone.findings.more')}
        </Button>
      )}
    </Flex>
  );
}
