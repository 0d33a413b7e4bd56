import { CopyOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';
import { findDuplicates } from '../api/intelligence.api.js';

/** What the panel looks for: the request as typed so far (debounced by the page). */
export interface DuplicateProbe {
  title: string;
  description: string;
  categoryId?: number;
  phone?: string;
  point?: { lng: number; lat: number } | null;
}

const MIN_TEXT = 6;

/**
 * 疑似重复: recent cases the duplicate finder thinks are the same matter as the request being registered
 * (same caller, similar text, same place or category), best first, with its reasons. The finder lists none
 * below its floor, so an empty list says that no case reached it. Props: `probe`.
 */
export function DuplicatesPanel({ probe }: { probe: DuplicateProbe }) {
  const { t } = useI18n();
  const description = probe.description.trim() || probe.title.trim();
  const ready = `${probe.title}${probe.description}`.trim().length >= MIN_TEXT;
  const found = useApi(
    async (signal) =>
      ready
        ? findDuplicates(
            {
              title: probe.title.trim(),
              description,
              ...(probe.point ? { lng: probe.point.lng, lat: probe.point.lat } : {}),
              ...(probe.categoryId ? { categoryId: probe.categoryId } : {}),
              ...(probe.phone?.trim() ? { phone: probe.phone.trim() } : {}),
            },
            signal,
          )
        : null,
    [JSON.stringify(probe)],
  );
  const count = found.data?.candidates.length ?? 0;
  const floor = found.data ? Math.round(found.data.shownFrom * 100) : null;

  let body: ReactNode;
  if (!ready) body = <Typography.Text type="secondary">{t('intake.duplicatesHint')}</Typography.Text>;
  else if (found.error) body = <ErrorState compact error={found.error} onRetry={found.reload} />;
  else
    body = (
      <List
        size="small"
        loading={found.loading}
        dataSource={found.data?.candidates ?? []}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                floor === null ? t('intake.duplicatesEmpty') : t('intake.duplicatesNoneAbove', { p: floor })
              }
            />
          ),
        }}
        renderItem={(row) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }}>
            <Flex gap={6} wrap align="center">
              <Link to={`/cases/${row.caseId}`} target="_blank">
                {row.number}
              </Link>
              <CaseStateTag state={row.state} />
              <Tag color={row.likely ? 'red' : 'default'}>
                {t('intake.duplicateScore', { p: Math.round(row.score * 100) })}
              </Tag>
            </Flex>
            <Typography.Text ellipsis style={{ display: 'block' }}>
              {row.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[dayjs(row.createdAt).format('MM-DD HH:mm'), row.areaName, row.categoryName]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
            <Flex gap={4} wrap style={{ marginTop: 4 }}>
              {row.reasons.map((r) => (
                <Tag key={r} color="orange" bordered={false}>
                  {r}
                </Tag>
              ))}
            </Flex>
          </List.Item>
        )}
      />
    );

  return (
    <Card
      size="small"
      title={
        <span>
          <CopyOutlined /> {t('intake.duplicates')}
          {count > 0 ? `（${count}）` : ''}
        </span>
      }
    >
      {body}
    </Card>
  );
}
