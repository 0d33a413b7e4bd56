import { ArrowLeftOutlined } from '@ant-design/icons';
import type { GridFindingAction } from '@shanzhi/shared';
import { Alert, Button, Card, Descriptions, Flex, Image, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { caseStateLabel } from '../../cases/case-labels.js';
import { hazardStateLabel } from '../../safety/safety-labels.js';
import { fetchFinding } from '../api/grid-phone.api.js';
import { FindingActionDialog } from '../components/FindingActionDialog.js';
import type { PhoneFindingAction } from '../grid-uploads.js';
import {
  FINDING_STATE_COLORS,
  findingActionLabel,
  findingStateLabel,
  photoRoleLabel,
} from '../phone-labels.js';
import { useUploadQueue } from '../upload-queue.js';

const PHONE_ACTIONS: readonly GridFindingAction[] = ['solve_on_spot', 'report_up', 'refer_hazard', 'dismiss'];

/**
 * 发现详情: the finding, its photos, the case or hazard it became, its history, and what the worker may do with
 * it.
 */
export function FindingPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const queue = useUploadQueue();
  // an action of this finding still on the phone: it is read again once that got through
  const pending = queue.items.filter((u) => u.path.startsWith(`/api/v1/grid/findings/${id}/`)).length;
  const finding = useApi((signal) => fetchFinding(id, signal), [id, pending]);
  const [action, setAction] = useState<PhoneFindingAction | null>(null);

  const back = (
    <Link to="/m/findings">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('phone.finding.back')}
      </Button>
    </Link>
  );
  if (finding.error && !finding.data) {
    return (
      <>
        {back}
        <ErrorState compact error={finding.error} onRetry={finding.reload} />
      </>
    );
  }
  const f = finding.data;
  if (!f) return <PageLoading />;
  const actions = f.actions.filter((a): a is PhoneFindingAction => PHONE_ACTIONS.includes(a));

  return (
    <Flex vertical gap={12}>
      {back}
      <Card
        title={t('phone.finding.title')}
        extra={<Tag color={FINDING_STATE_COLORS[f.state]}>{findingStateLabel(f.state, locale)}</Tag>}
      >
        <Typography.Paragraph>{f.description}</Typography.Paragraph>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('phone.finding.occurredAt')}>
            {dayjs(f.occurredAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          {f.admissionItemName && (
            <Descriptions.Item label={t('phone.finding.item')}>{f.admissionItemName}</Descriptions.Item>
          )}
          {f.categoryName && (
            <Descriptions.Item label={t('phone.finding.category')}>{f.categoryName}</Descriptions.Item>
          )}
          {f.address && <Descriptions.Item label={t('phone.finding.address')}>{f.address}</Descriptions.Item>}
          {f.resolutionNote && (
            <Descriptions.Item label={t('phone.finding.resolution')}>{f.resolutionNote}</Descriptions.Item>
          )}
          {f.caseNumber && f.caseState && (
            <Descriptions.Item label={t('phone.finding.case')}>
              {f.caseNumber}（{caseStateLabel(f.caseState, locale)}）
            </Descriptions.Item>
          )}
          {f.hazardId && f.hazardState && (
            <Descriptions.Item label={t('phone.finding.hazard')}>
              <Link to={`/safety/hazards/${f.hazardId}`} data-testid="finding-hazard">
                {t('phone.finding.hazardNumber', { id: f.hazardId })}
              </Link>
              （{hazardStateLabel(f.hazardState, locale)}）
            </Descriptions.Item>
          )}
        </Descriptions>
        {f.photos.length > 0 && (
          <Image.PreviewGroup>
            <Flex gap={8} wrap>
              {f.photos.map((photo) => (
                <Image
                  key={photo.id}
                  src={photo.url}
                  width={88}
                  height={88}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  alt={photoRoleLabel(photo.role, locale)}
                />
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
        {pending > 0 ? (
          <Alert type="info" showIcon message={t('phone.finding.pending')} style={{ marginTop: 12 }} />
        ) : (
          actions.length > 0 && (
            <Flex gap={8} wrap style={{ marginTop: 16 }}>
              {actions.map((a) => (
                <Button
                  key={a}
                  size="large"
                  style={{ flex: 1 }}
                  type={a === 'solve_on_spot' ? 'primary' : 'default'}
                  danger={a === 'dismiss'}
                  onClick={() => setAction(a)}
                >
                  {findingActionLabel(a, locale)}
                </Button>
              ))}
            </Flex>
          )
        )}
      </Card>
      <Card size="small" title={t('phone.finding.timeline')}>
        <Timeline
          items={f.timeline.map((event) => ({
            key: event.seq,
            children: (
              <>
                <Typography.Text strong>
                  {findingActionLabel(event.action as GridFindingAction, locale)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {event.actorName} · {dayjs(event.at).format('MM-DD HH:mm')}
                </Typography.Text>
                {event.note && <div>{event.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <FindingActionDialog finding={f} action={action} onClose={() => setAction(null)} />
    </Flex>
  );
}
