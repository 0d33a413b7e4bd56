import { ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Flex, Input, Row, Segmented, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { fetchCases } from '../../cases/api/cases.api.js';
import { lightLabel } from '../../cases/case-labels.js';
import { LIGHT_DOTS } from '../../cases/components/LightTag.js';
import { useLiveTopics } from '../../notifications/hooks/live-events.js';
import { WorkCaseCard } from '../components/WorkCaseCard.js';
import { splitWork } from '../work-split.js';

type Show = 'all' | 'dispatched' | 'accepted';
const PAGE = 100;
const QUEUE_TOPICS = ['notification.created', 'case.dispatched', 'case.sla_warned', 'case.sla_breached'];

/**
 * 承办工作台: the cases of my unit waiting for signature or being handled, grouped by light (red first) with
 * deadlines counting down live, each card with the server's actions (签收, 退单, 过程记录, 延期申请, 办结反馈).
 * Works down to a phone's width.
 */
export function WorkbenchPage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const [show, setShow] = useState<Show>('all');
  const [limit, setLimit] = useState(PAGE);
  const [q, setQ] = useState('');
  const orgName = session.status === 'ready' ? session.me.org.name : '';
  const list = useApi(
    (signal) =>
      fetchCases(
        {
          state: show === 'all' ? ['dispatched', 'accepted'] : [show],
          sort: 'deadline_asc',
          limit,
          ...(q ? { q } : {}),
        },
        signal,
      ),
    [show, limit, q],
  );
  // a case dispatched to the unit, or a deadline turning yellow or red, shows without a reload
  useLiveTopics(QUEUE_TOPICS, list.reload);
  // what is not his to act on (a bureau's case in his street) stays aside unless he asks to see it
  const [withReadOnly, setWithReadOnly] = useState(false);
  const { groups, readOnly } = useMemo(
    () => splitWork(list.data?.items ?? [], withReadOnly),
    [list.data, withReadOnly],
  );

  return (
    <Flex vertical>
      <PageTitle
        title={t('menu.workbench')}
        description={t('workbench.description', { org: orgName })}
        extra={
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented<Show>
          value={show}
          onChange={setShow}
          options={[
            { value: 'all', label: t('workbench.all') },
            { value: 'dispatched', label: t('workbench.toAccept') },
            { value: 'accepted', label: t('workbench.inProgress') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('dispatch.searchPlaceholder')}
          aria-label={t('dispatch.searchPlaceholder')}
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Spin style={{ marginTop: 48 }} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('workbench.empty')} />
      ) : (
        <Flex vertical gap={20}>
          {groups.length === 0 && <Empty description={t('workbench.empty')} />}
          {readOnly.length > 0 && (
            <Typography.Text type="secondary">
              {t('workbench.readOnly', { count: readOnly.length })}{' '}
              <Button type="link" size="small" onClick={() => setWithReadOnly((v) => !v)}>
                {withReadOnly ? t('workbench.hideReadOnly') : t('workbench.showReadOnly')}
              </Button>
            </Typography.Text>
          )}
          {groups.map((group) => (
            <section key={group.light} aria-label={lightLabel(group.light, locale)}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    width: 10,
                    height: 10,
                    borderRadius: 5,
                    background: LIGHT_DOTS[group.light],
                    marginInlineEnd: 8,
                  }}
                />
                {t('workbench.group', {
                  light: lightLabel(group.light, locale),
                  count: group.items.length,
                })}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {group.items.map((item) => (
                  <Col key={item.id} xs={24} lg={12} xxl={8}>
                    <WorkCaseCard item={item} onChanged={list.reload} />
                  </Col>
                ))}
              </Row>
            </section>
          ))}
          {list.data.nextCursor && (
            <Button onClick={() => setLimit((n) => Math.min(n + PAGE, 200))} disabled={limit >= 200}>
              {t('workbench.more')}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
}
