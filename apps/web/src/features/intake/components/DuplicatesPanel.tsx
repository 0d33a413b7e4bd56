import { CopyOutlined } from '@ant-design/icons';
import { Card, Empty, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchCases } from '../../cases/api/cases.api.js';
import { findDuplicates } from '../api/intelligence.api.js';

/** What the panel looks for: the request as typed so far (debounced by the page). */
export interface DuplicateProbe {
  title: string;
  description: string;
  categoryId?: number;
  phone?: string;
  point?: { lng: number; lat: number } | null;
  /** the community the point lies in, for the fallback search */
  communityId?: number;
}

interface Row {
  caseId: number;
  number: string;
  reasons: string[];
  score: number | null;
}

const RECENT_DAYS = 7;

/**
 * The fallback when the platform has no duplicate finder: recent cases (a week) of the same category or the
 * same community, from the ordinary case list.
 */
async function recentNeighbours(
  probe: DuplicateProbe,
  t: (k: 'intake.sameCategory' | 'intake.samePlace') => string,
) {
  const createdFrom = dayjs().subtract(RECENT_DAYS, 'day').format('YYYY-MM-DDTHH:mm:ssZ');
  const rows = new Map<number, Row>();
  const add = (items: { id: number; number: string }[], reason: string) => {
    for (const item of items) {
      const row = rows.get(item.id) ?? { caseId: item.id, number: item.number, reasons: [], score: null };
      row.reasons.push(reason);
      rows.set(item.id, row);
    }
  };
  const [byCategory, byPlace] = await Promise.all([
    probe.categoryId ? fetchCases({ categoryId: probe.categoryId, limit: 5 }) : null,
    probe.communityId ? fetchCases({ within: probe.communityId, limit: 5 }) : null,
  ]);
  const recent = <T extends { createdAt: string }>(items: T[]) =>
    items.filter((i) => dayjs(i.createdAt).isAfter(createdFrom));
  if (byCategory) add(recent(byCategory.items), t('intake.sameCategory'));
  if (byPlace) add(recent(byPlace.items), t('intake.samePlace'));
  return [...rows.values()].sort((a, b) => b.reasons.length - a.reasons.length).slice(0, 6);
}

/**
 * 疑似重复: possible duplicates of the request being registered — from the duplicate finder when the platform
 * has one, else recent cases of the same category or community. Props: `probe`.
 */
export function DuplicatesPanel({ probe }: { probe: DuplicateProbe }) {
  const { t } = useI18n();
  const ready =
    probe.title.trim().length + probe.description.trim().length >= 6 || probe.categoryId || probe.communityId;
  const found = useApi(
    async (signal): Promise<Row[]> => {
      if (!ready) return [];
      const candidates = await findDuplicates(
        {
          title: probe.title,
          description: probe.description,
          ...(probe.point ? { lng: probe.point.lng, lat: probe.point.lat } : {}),
          ...(probe.categoryId ? { categoryId: probe.categoryId } : {}),
          ...(probe.phone ? { phone: probe.phone } : {}),
        },
        signal,
      ).catch(() => null);
      if (candidates) return candidates.map((c) => ({ ...c, score: c.score }));
      return recentNeighbours(probe, t);
    },
    [JSON.stringify(probe)],
  );

  return (
    <Card
      size="small"
      title={
        <span>
          <CopyOutlined /> {t('intake.duplicates')}
          {found.data && found.data.length > 0 ? `（${found.data.length}）` : ''}
        </span>
      }
    >
      {!ready ? (
        <Typography.Text type="secondary">{t('intake.duplicatesHint')}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={found.loading}
          dataSource={found.data ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.duplicatesEmpty')} />
            ),
          }}
          renderItem={(row) => (
            <List.Item style={{ paddingInline: 0 }}>
              <span>
                <Link to={`/cases/${row.caseId}`} target="_blank">
                  {row.number}
                </Link>{' '}
                {row.score !== null && <Tag>{Math.round(row.score * 100)}%</Tag>}
                {row.reasons.map((r) => (
                  <Tag key={r} color="orange">
                    {r}
                  </Tag>
                ))}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
