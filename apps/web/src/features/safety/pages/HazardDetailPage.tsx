import { ReloadOutlined } from '@ant-design/icons';
import type { HazardActionOnHazard, HazardDetail } from '@shanzhi/shared';
import { Button, Card, Col, Descriptions, Empty, Flex, Image, Row, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useRouteRecord } from '../../../components/use-route-record.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { fetchHazard } from '../api/safety.api.js';
import { HazardActionDialog } from '../components/HazardActionDialog.js';
import { HazardLevelTag, HazardStateTag } from '../components/HazardTags.js';
import { hazardActionLabel, hazardSourceLabel, industryLabel } from '../safety-labels.js';

/** The hazard's timeline, oldest first: who did what, when, with the note. */
function HazardTimeline({ hazard }: { hazard: HazardDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('safety.hazard.timeline', { count: hazard.timeline.length })}>
      <Timeline
        style={{ marginTop: 12 }}
        items={hazard.timeline.map((e) => ({
          key: e.seq,
          color: e.toState === 'closed' ? 'green' : 'blue',
          children: (
            <div data-testid="hazard-event" data-action={e.action}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{hazardActionLabel(e.action, locale)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(e.at).format('YYYY-MM-DD HH:mm:ss')} · {e.actorName}
                </Typography.Text>
              </Flex>
              {e.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{e.note}</Typography.Paragraph>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** The 治理方案 of a major hazard. */
function PlanCard({ hazard }: { hazard: HazardDetail }) {
  const { t } = useI18n();
  if (hazard.level !== 'major') return null;
  const plan = hazard.plan;
  return (
    <Card size="small" title={t('safety.plan.title')}>
      {plan ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('safety.plan.goal')}>{plan.goal}</Descriptions.Item>
          <Descriptions.Item label={t('safety.plan.measures')}>{plan.measures}</Descriptions.Item>
          <Descriptions.Item label={t('safety.plan.funds')}>{plan.funds}</Descriptions.Item>
          <Descriptions.Item label={t('safety.plan.people')}>{plan.people}</Descriptions.Item>
          <Descriptions.Item label={t('safety.plan.safetyMeasures')}>{plan.safetyMeasures}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Empty description={t('safety.plan.none')} />
      )}
    </Card>
  );
}

/**
 * 隐患 `/safety/hazards/:id`: what was found at which enterprise, its level, deadline and light, 挂牌督办, the
 * 治理方案, photos and timeline, with a button for each action the server says the caller may take.
 */
export function HazardDetailPage() {
  const { t, locale } = useI18n();
  const { detail, view } = useRouteRecord(fetchHazard, t('safety.hazard.notFound'));
  const [action, setAction] = useState<HazardActionOnHazard | null>(null);

  if (!view.ready) return view.fallback;
  const h = view.record;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }}>
                {t('safety.hazard.title', { id: h.id })}
              </Typography.Title>
              <HazardLevelTag level={h.level} />
              <HazardStateTag state={h.state} />
              {h.light && <LightTag light={h.light} />}
              {h.listedForSupervision && <Tag color="volcano">{t('safety.hazards.listed')}</Tag>}
            </Flex>
            <Typography.Text type="secondary">{h.description}</Typography.Text>
          </Flex>
          <Flex gap={8} wrap data-testid="hazard-actions">
            {h.actions.map((a) => (
              <Button
                key={a}
                type={a === 'close' || a === 'accept_rectification' ? 'primary' : 'default'}
                onClick={() => setAction(a as HazardActionOnHazard)}
              >
                {hazardActionLabel(a, locale)}
              </Button>
            ))}
            <Button icon={<ReloadOutlined />} onClick={detail.reload} aria-label={t('common.refresh')} />
          </Flex>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('safety.hazard.facts')}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('safety.enterprise')}>{h.enterpriseName}</Descriptions.Item>
                <Descriptions.Item label={t('safety.industry')}>
                  {industryLabel(h.industry, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={t('safety.hazards.source')}>
                  {hazardSourceLabel(h.source, locale)}
                  {h.caseId && (
                    <Link to={`/cases/${h.caseId}`} style={{ marginInlineStart: 8 }}>
                      {t('safety.hazard.case')}
                    </Link>
                  )}
                  {h.gridFindingId && (
                    <Link to={`/grid/findings/${h.gridFindingId}`} style={{ marginInlineStart: 8 }}>
                      {t('safety.hazard.finding')}
                    </Link>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('safety.hazard.place')}>{h.place ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('safety.supervisingOrg')}>
                  {h.supervisingOrgName}
                </Descriptions.Item>
                <Descriptions.Item label={t('safety.territory')}>{h.orgName}</Descriptions.Item>
                <Descriptions.Item label={t('safety.action.responsibleParty')}>
                  {h.responsibleParty ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('safety.hazards.deadline')}>
                  {h.deadline ? dayjs(h.deadline).format('YYYY-MM-DD HH:mm') : '—'}
                  {h.extensionDays
                    ? ` (${t('safety.hazard.extensionAsked', { days: h.extensionDays })})`
                    : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('safety.hazard.reporter')}>{h.reporterName}</Descriptions.Item>
                <Descriptions.Item label={t('safety.hazard.closedAt')}>
                  {h.closedAt ? dayjs(h.closedAt).format('YYYY-MM-DD HH:mm') : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <HazardTimeline hazard={h} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <PlanCard hazard={h} />
            <Card size="small" title={t('safety.hazard.photos')}>
              {h.photos.length === 0 ? (
                <Empty description={t('safety.hazard.noPhotos')} />
              ) : (
                <Image.PreviewGroup>
                  <Flex gap={8} wrap>
                    {h.photos.map((p) => (
                      <Image
                        key={p.id}
                        src={p.url}
                        width={120}
                        height={90}
                        style={{ objectFit: 'cover' }}
                        alt={p.role}
                      />
                    ))}
                  </Flex>
                </Image.PreviewGroup>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      <HazardActionDialog
        hazard={h}
        action={action}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          detail.reload();
        }}
      />
    </Flex>
  );
}
