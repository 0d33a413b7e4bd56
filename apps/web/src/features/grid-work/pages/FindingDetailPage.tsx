import { ReloadOutlined } from '@ant-design/icons';
import type { GridFindingDetail, GridPhotoRole } from '@shanzhi/shared';
import { Button, Card, Col, Descriptions, Empty, Flex, Image, Row, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useRouteRecord } from '../../../components/use-route-record.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { CaseMap } from '../../cases/components/CaseMap.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';
import { HazardStateTag } from '../../safety/components/HazardTags.js';
import { fetchFinding } from '../api/grid-work.api.js';
import { FindingStateTag } from '../components/GridStateTags.js';
import { findingActionLabel } from '../grid-labels.js';

const PHOTO_ROLES: readonly GridPhotoRole[] = ['report', 'before', 'after'];

/** The photos of a finding, by what they show: at the report, before and after it was dealt with. */
function FindingPhotos({ finding }: { finding: GridFindingDetail }) {
  const { t } = useI18n();
  if (finding.photos.length === 0) return <Empty description={t('gridWork.finding.noPhotos')} />;
  return (
    <Flex vertical gap={12}>
      {PHOTO_ROLES.map((role) => {
        const photos = finding.photos.filter((p) => p.role === role);
        if (photos.length === 0) return null;
        return (
          <div key={role}>
            <Typography.Text type="secondary">
              {t(`gridWork.photo.${role}` as 'gridWork.photo.report')}
            </Typography.Text>
            <Image.PreviewGroup>
              <Flex gap={8} wrap style={{ marginTop: 4 }}>
                {photos.map((p) => (
                  <Image
                    key={p.id}
                    src={p.url}
                    width={120}
                    height={90}
                    style={{ objectFit: 'cover' }}
                    alt={t(`gridWork.photo.${role}` as 'gridWork.photo.report')}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          </div>
        );
      })}
    </Flex>
  );
}

/** The finding's timeline, oldest first: who did what, when, with the note and the case it went to. */
function FindingTimeline({ finding }: { finding: GridFindingDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('gridWork.finding.timeline', { count: finding.timeline.length })}>
      <Timeline
        style={{ marginTop: 12 }}
        items={finding.timeline.map((e) => ({
          key: e.seq,
          color: e.toState === 'dismissed' ? 'gray' : e.toState === 'open' ? 'blue' : 'green',
          children: (
            <div data-testid="finding-event" data-action={e.action}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{findingActionLabel(e.action, locale)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')} · {e.actorName}
                </Typography.Text>
              </Flex>
              {e.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.note}</Typography.Paragraph>}
              {typeof e.changes.caseNumber === 'string' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('gridWork.finding.becameCase', { number: e.changes.caseNumber })}
                </Typography.Text>
              )}
              {typeof e.changes.hazardId === 'number' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('gridWork.finding.becameHazard', { id: e.changes.hazardId })}
                </Typography.Text>
              )}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/**
 * 网格事件 `/grid/findings/:id`: a finding as the supervisors read it — what was found, where and when, by whom,
 * its photos, its timeline, and the case it was reported up as or the hazard it was referred as (with where
 * that case or hazard stands).
 */
export function FindingDetailPage() {
  const { t } = useI18n();
  const { detail, view } = useRouteRecord(fetchFinding, t('gridWork.finding.notFound'));

  if (!view.ready) return view.fallback;
  const f = view.record;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
                {t('gridWork.finding.title', { id: f.id })}
              </Typography.Title>
              <FindingStateTag state={f.state} />
            </Flex>
            <Typography.Text type="secondary">{f.description}</Typography.Text>
          </Flex>
          <Button icon={<ReloadOutlined />} onClick={detail.reload} aria-label={t('common.refresh')} />
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('gridWork.finding.facts')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('gridWork.grid')}>{f.gridName}</Descriptions.Item>
                <Descriptions.Item label={t('gridWork.findings.reporter')}>
                  {f.reporterName}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridWork.findings.occurredAt')}>
                  {dayjs(f.occurredAt).format('YYYY-MM-DD HH:mm')}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridWork.finding.address')}>
                  {f.address ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridWork.findings.item')}>
                  {f.admissionItemCode ? `${f.admissionItemCode} ${f.admissionItemName ?? ''}` : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridWork.finding.category')}>
                  {f.categoryName ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridWork.finding.resolution')} span={2}>
                  {f.resolutionNote ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridWork.findings.case')} span={2}>
                  {f.caseId ? (
                    <Flex gap={8} align="center" data-testid="finding-case">
                      <Link to={`/cases/${f.caseId}`}>{f.caseNumber}</Link>
                      {f.caseState && <CaseStateTag state={f.caseState} />}
                    </Flex>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
                {f.hazardId && f.hazardState && (
                  <Descriptions.Item label={t('gridWork.findings.hazard')} span={2}>
                    <Flex gap={8} align="center" data-testid="finding-hazard">
                      <Link to={`/safety/hazards/${f.hazardId}`}>
                        {t('gridWork.finding.hazardNumber', { id: f.hazardId })}
                      </Link>
                      <HazardStateTag state={f.hazardState} />
                    </Flex>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('gridWork.finding.patrol')}>
                  {f.patrolId ? t('gridWork.finding.onPatrol', { id: f.patrolId }) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('gridWork.finding.closedAt')}>
                  {f.closedAt ? dayjs(f.closedAt).format('YYYY-MM-DD HH:mm') : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <FindingTimeline finding={f} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('gridWork.finding.photos')}>
              <FindingPhotos finding={f} />
            </Card>
            <CaseMap
              focusId={f.gridId}
              pins={[{ lng: f.location.longitude, lat: f.location.latitude }]}
              title={t('gridWork.finding.where')}
              height={300}
            />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
