import { DISPUTE_STATE_LABELS, type DisputeDetail, type DisputeState } from '@shanzhi/shared';
import { Alert, Descriptions, Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { onDay } from '../mediation-format.js';

const STATE_COLORS: Partial<Record<DisputeState, string>> = {
  registered: 'blue',
  accepted: 'cyan',
  awaiting_consent: 'gold',
  mediating: 'processing',
  agreed: 'success',
  performed: 'success',
  failed: 'error',
  escalated: 'volcano',
};

/** A dispute's state as the portal shows it, coloured by how it stands. */
export function DisputeStateBadge({ state }: { state: DisputeState }) {
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="dispute-state">
      {DISPUTE_STATE_LABELS[state]}
    </Tag>
  );
}

/** 办理进度: where a dispute stands for its party — state, what comes next, who mediates, by when. */
export function DisputeProgress({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  return (
    <div data-testid="dispute-progress">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('mediationPortal.room.number')}>{dispute.number}</Descriptions.Item>
        <Descriptions.Item label={t('mediationPortal.track.state')}>
          <DisputeStateBadge state={dispute.state} />
        </Descriptions.Item>
        {dispute.committee && (
          <Descriptions.Item label={t('mediationPortal.track.committee')}>
            {dispute.committee.name}
          </Descriptions.Item>
        )}
        {dispute.mediator && (
          <Descriptions.Item label={t('mediationPortal.track.mediator')}>
            {dispute.mediator.name}
          </Descriptions.Item>
        )}
        {dispute.deadline && (
          <Descriptions.Item label={t('mediationPortal.track.deadline')}>
            {onDay(dispute.deadline)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Alert
        style={{ marginTop: 12 }}
        type="info"
        showIcon
        message={t('mediationPortal.track.next')}
        description={t(`mediationPortal.next.${dispute.state}`)}
      />
    </div>
  );
}
