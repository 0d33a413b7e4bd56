import type { MediationApplied as Applied } from '@shanzhi/shared';
import { Alert, Button, Descriptions, Flex, Result, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { DisputeStateBadge } from './DisputeProgress.js';

/**
 * After applying: the dispute's number (to note down), its state, the committee it went to and the files kept,
 * how to follow it, and the way into the room once the code arrives.
 */
export function MediationApplied({
  applied,
  onToRoom,
  onAgain,
}: {
  applied: Applied;
  onToRoom: () => void;
  onAgain: () => void;
}) {
  const { t } = useI18n();
  return (
    <Result
      status="success"
      title={t('mediationPortal.applied.title')}
      subTitle={t('mediationPortal.applied.hint')}
      extra={
        <Flex vertical gap={16} style={{ textAlign: 'left' }}>
          <Descriptions size="small" column={1} bordered data-testid="mediation-applied">
            <Descriptions.Item label={t('mediationPortal.room.number')}>
              <Typography.Text strong copyable data-testid="applied-number">
                {applied.number}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('mediationPortal.track.state')}>
              <DisputeStateBadge state={applied.state} />
            </Descriptions.Item>
            {applied.committeeName && (
              <Descriptions.Item label={t('mediationPortal.track.committee')}>
                {applied.committeeName}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('mediationPortal.applied.evidence')}>
              {t('mediationPortal.applied.evidenceCount', { count: applied.evidenceCount })}
            </Descriptions.Item>
          </Descriptions>
          <Alert
            type="info"
            showIcon
            message={t('mediationPortal.track.next')}
            description={t(`mediationPortal.next.${applied.state}`)}
          />
          <Flex gap={8} justify="center" wrap>
            <Button type="primary" onClick={onToRoom}>
              {t('mediationPortal.applied.toRoom')}
            </Button>
            <Button type="link" onClick={onAgain}>
              {t('mediationPortal.applied.again')}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
