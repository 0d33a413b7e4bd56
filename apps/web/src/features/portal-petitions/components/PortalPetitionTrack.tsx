import { PortalPetitionParams, type PortalPetitionView } from '@shanzhi/shared';
import { Card, Descriptions, Form, Input, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { PortalTrackForm } from '../../portal/components/PortalTrackForm.js';
import { trackPortalPetition } from '../api/portal-petitions.api.js';

const at = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

/** His petition as the portal shows it: state, agency point, limits and the public steps. */
function PetitionProgress({ view }: { view: PortalPetitionView }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginTop: 16 }} data-testid="portal-petition-view">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('petitionPortal.number')}>{view.number}</Descriptions.Item>
        <Descriptions.Item label={t('petitionPortal.state')}>
          <Tag color="blue">{view.stateLabel}</Tag>
          {!view.taken && <Tag color="orange">{t('petitionPortal.awaitingAgent')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('petitionPortal.point')}>{view.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('petitionPortal.submittedAt')}>{at(view.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('petition.field.acceptDeadline')}>
          {at(view.acceptDeadline)}
        </Descriptions.Item>
        {view.answerDeadline && (
          <Descriptions.Item label={t('petition.field.answerDeadline')}>
            {at(view.answerDeadline)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('petitionPortal.matter')}>{view.matter}</Descriptions.Item>
      </Descriptions>
      <Timeline
        style={{ marginTop: 16 }}
        items={view.timeline.map((step) => ({ children: `${at(step.at)} ${step.label}` }))}
      />
    </Card>
  );
}

/**
 * 查询进度: number + phone → his petition (the same "not found" for either mistake); guarded as tracking a
 * request: a captcha after repeated wrong phones, a number locked after too many.
 */
export function PortalPetitionTrack({
  initial,
}: {
  initial?: { number: string; phone: string } | undefined;
}) {
  const { t } = useI18n();
  return (
    <PortalTrackForm
      name="portal-petition-track"
      initial={initial}
      track={trackPortalPetition}
      numberField={
        <Form.Item
          name="number"
          label={t('petitionPortal.number')}
          rules={[zodRule(PortalPetitionParams.shape.number, (v) => v ?? '')]}
        >
          <Input placeholder="XF-123" autoCapitalize="characters" maxLength={12} />
        </Form.Item>
      }
    >
      {(found) => <PetitionProgress view={found} />}
    </PortalTrackForm>
  );
}
