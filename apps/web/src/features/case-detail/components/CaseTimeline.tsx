import { Card, Flex, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import type { CaseDetail } from '../../cases/api/cases.api.js';
import { fetchActiveCategories } from '../../cases/api/catalog-tree.api.js';
import { timelineEventLabel } from '../../cases/case-labels.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';
import { changeLines } from '../timeline-changes.js';
import { TimelineVerifyBadge } from './TimelineVerifyBadge.js';

const COLORS: Record<string, string> = {
  'case.sla_warned': 'orange',
  'case.sla_breached': 'red',
  'case.returned': 'red',
  'case.reworked': 'red',
  'case.invalidated': 'gray',
  'case.closed': 'green',
  'case.resolved_on_call': 'green',
};

/**
 * 一事一档: every event of the case, oldest first — what happened, who, for which org, when, from which state to
 * which, the note, the changed fields and attachments — with the hash-chain verification badge.
 */
export function CaseTimeline({ detail, orgNames }: { detail: CaseDetail; orgNames: Map<number, string> }) {
  const { t, locale } = useI18n();
  const catalog = useApi(() => fetchActiveCategories(), []);
  const categoryNames = useMemo(
    () => new Map((catalog.data ?? []).map((c) => [c.id, c.name])),
    [catalog.data],
  );
  const colon = locale === 'en' ? ': ' : '：';
  return (
    <Card
      size="small"
      title={t('detail.timeline', { count: detail.timeline.length })}
      extra={<TimelineVerifyBadge caseId={detail.id} version={detail.version} />}
    >
      <Timeline
        style={{ marginTop: 12 }}
        items={detail.timeline.map((e) => {
          const changes = changeLines(e.changes, { orgs: orgNames, categories: categoryNames }, locale);
          return {
            key: e.seq,
            color: COLORS[e.event] ?? 'blue',
            children: (
              <div data-testid="timeline-event" data-action={e.action}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{timelineEventLabel(e, locale)}</Typography.Text>
                  {e.fromState && e.fromState !== e.toState ? (
                    <span>
                      <CaseStateTag state={e.fromState} /> → <CaseStateTag state={e.toState} />
                    </span>
                  ) : !e.fromState ? (
                    <CaseStateTag state={e.toState} />
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {e.actor.name}
                  {e.actor.orgId !== null && orgNames.get(e.actor.orgId)
                    ? ` · ${orgNames.get(e.actor.orgId)}`
                    : ''}
                </Typography.Text>
                {e.note && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                    {e.note}
                  </Typography.Paragraph>
                )}
                {changes.length > 0 && (
                  <Flex gap={4} wrap style={{ marginTop: 4 }}>
                    {changes.map((c) => (
                      <Tag key={c.label} bordered={false}>
                        {c.label}
                        {colon}
                        {c.value}
                      </Tag>
                    ))}
                  </Flex>
                )}
                {e.attachments.length > 0 && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('detail.attachmentCount', { count: e.attachments.length })}
                  </Typography.Text>
                )}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
