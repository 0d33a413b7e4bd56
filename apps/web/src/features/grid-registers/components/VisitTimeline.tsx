import { VISIT_PURPOSES, type VisitView } from '@shanzhi/shared';
import { Empty, Flex, Image, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { beijingDateTime, labelOf } from './code-labels.js';

/** A household's visits, newest first: when, why, by whom, whom he met, what he learned, the needs and the photo. */
export function VisitTimeline({ visits }: { visits: readonly VisitView[] }) {
  const { t, locale } = useI18n();
  if (visits.length === 0) return <Empty description={t('household.noVisits')} />;
  return (
    <Timeline
      items={visits.map((visit) => ({
        key: visit.id,
        children: (
          <Flex vertical gap={4} data-testid="visit">
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{beijingDateTime(visit.visitedAt)}</Typography.Text>
              <Tag color="blue" bordered={false}>
                {labelOf(VISIT_PURPOSES, visit.purpose, locale)}
              </Tag>
              <Typography.Text type="secondary">{visit.visitorName}</Typography.Text>
            </Flex>
            {(visit.met || visit.metResidents.length > 0) && (
              <Typography.Text type="secondary">
                {t('visits.met')}：
                {[visit.met, ...visit.metResidents.map((r) => r.name)].filter(Boolean).join('、')}
              </Typography.Text>
            )}
            <Typography.Text>{visit.note}</Typography.Text>
            {visit.needs.map((need) => (
              <Typography.Text key={need.description} type="warning">
                {t('visits.needs')}：{need.description}
                {need.findingId !== null && `（${t('visits.needReported', { id: need.findingId })}）`}
              </Typography.Text>
            ))}
            {visit.photos.length > 0 && (
              <Image.PreviewGroup>
                <Flex gap={8}>
                  {visit.photos.map((photo) => (
                    <Image
                      key={photo.id}
                      src={photo.url}
                      width={96}
                      height={72}
                      style={{ objectFit: 'cover' }}
                    />
                  ))}
                </Flex>
              </Image.PreviewGroup>
            )}
          </Flex>
        ),
      }))}
    />
  );
}
