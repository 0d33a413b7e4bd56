import { ReloadOutlined } from '@ant-design/icons';
import {
  DISPUTE_FIELD_LABELS,
  DISPUTE_OUTCOME_LABELS,
  DISPUTE_SOURCE_LABELS,
  type DisputeDetail,
  DISPUTE_FIELD_NAMES as F,
} from '@shanzhi/shared';
import { Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useRouteRecord } from '../../../components/use-route-record.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { LightTag } from '../../cases/components/LightTag.js';
import { fetchDispute } from '../api/mediation.api.js';
import { DisputeActionBar } from '../components/DisputeActionBar.js';
import { DisputeAgreement } from '../components/DisputeAgreement.js';
import { DisputeEvidence } from '../components/DisputeEvidence.js';
import { DisputeParties } from '../components/DisputeParties.js';
import { DisputeSessions } from '../components/DisputeSessions.js';
import { DisputeStateTag } from '../components/DisputeStateTag.js';
import { DisputeTimeline } from '../components/DisputeTimeline.js';
import { RoomPanel } from '../components/RoomPanel.js';
import { ROOM_OPEN_STATES } from '../dispute-view-logic.js';

const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

/** 纠纷信息: source, field, facts and claims, committee and mediator, the limit and its light. */
function DisputeFacts({ d }: { d: DisputeDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title="纠纷信息">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="dispute-facts">
        <Descriptions.Item label={F.source}>{DISPUTE_SOURCE_LABELS[d.source]}</Descriptions.Item>
        <Descriptions.Item label={F.field}>{DISPUTE_FIELD_LABELS[d.field]}</Descriptions.Item>
        <Descriptions.Item label={F.org}>{d.org.name}</Descriptions.Item>
        <Descriptions.Item label={F.createdAt}>{at(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={F.committee}>{d.committee?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={F.mediator}>{d.mediator?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={F.acceptedAt}>{at(d.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label={F.deadline}>
          <Flex gap={6} align="center">
            {at(d.deadline)}
            {d.light && <LightTag light={d.light} open={d.endedAt === null} />}
            {d.extendedDays > 0 && (
              <Typography.Text type="secondary">已延长 {d.extendedDays} 天</Typography.Text>
            )}
          </Flex>
        </Descriptions.Item>
        {d.outcome && (
          <Descriptions.Item label={F.outcome}>{DISPUTE_OUTCOME_LABELS[d.outcome]}</Descriptions.Item>
        )}
        {d.caseId && (
          <Descriptions.Item label={t('mediation.detail.case')}>
            <Link to={`/cases/${d.caseId}`}>#{d.caseId}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={F.facts} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.facts}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={F.claims} span={2}>
          {d.claims}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/**
 * 纠纷详情 `/mediation/disputes/:id`: the parties (masked as the server gives them), state and limit light,
 * the evidence files, sessions with minutes, the agreement with its .docx and the 30-day confirmation window,
 * the timeline, the online room, and exactly the action buttons the server lists for this user now.
 */
export function DisputeDetailPage() {
  const { t } = useI18n();
  const { detail, view } = useRouteRecord(fetchDispute, t('mediation.detail.notFound'));
  const mayWriteInRoom = usePermission('mediation.room');

  if (!view.ready) return view.fallback;
  const d = view.record;
  const roomOpen = ROOM_OPEN_STATES.includes(d.state);
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Typography.Title level={1} copyable={{ text: d.number }} style={{ margin: 0, fontSize: 24 }}>
                {d.number}
              </Typography.Title>
              <DisputeStateTag state={d.state} />
            </Flex>
            <Typography.Text type="secondary">{d.title}</Typography.Text>
          </Flex>
          <Space wrap>
            <DisputeActionBar dispute={d} onDone={detail.setData} onStale={detail.reload} />
            <Button icon={<ReloadOutlined />} onClick={detail.reload} aria-label={t('common.refresh')} />
          </Space>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <DisputeFacts d={d} />
            <DisputeParties parties={d.parties} />
            <DisputeEvidence evidence={d.evidence} />
            <DisputeSessions sessions={d.sessions} />
            <DisputeAgreement agreement={d.agreement} confirmation={d.confirmation} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            {mayWriteInRoom && (roomOpen || d.timeline.some((e) => e.action === 'room_message')) && (
              <RoomPanel disputeId={d.id} canWrite={roomOpen} />
            )}
            <DisputeTimeline events={d.timeline} evidence={d.evidence} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
