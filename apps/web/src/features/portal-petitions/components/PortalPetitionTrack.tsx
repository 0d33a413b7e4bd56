import { SearchOutlined } from '@ant-design/icons';
import { PortalPetitionParams, type PortalPetitionView, PortalPhone } from '@shanzhi/shared';
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { PortalCaptchaField } from '../../portal/components/PortalCaptchaField.js';
import { type CaptchaValues, usePortalCaptcha } from '../../portal/hooks/use-portal-captcha.js';
import { portalFailureText } from '../../portal/portal-failure.js';
import { trackPortalPetition } from '../api/portal-petitions.api.js';

interface Values extends CaptchaValues {
  number?: string;
  phone?: string;
}

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
  const [form] = Form.useForm<Values>();
  const captcha = usePortalCaptcha();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [found, setFound] = useState<PortalPetitionView | null>(null);

  async function search(values: Values) {
    setLoading(true);
    setFailure(null);
    setFound(null);
    const number = (values.number ?? '').replace(/\s+/g, '').toUpperCase();
    try {
      setFound(await trackPortalPetition(number, (values.phone ?? '').trim(), captcha.answerOf(values)));
      captcha.noteSuccess();
    } catch (error) {
      setFailure(captcha.noteFailure(error) ?? portalFailureText(error, t));
    } finally {
      setLoading(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new submission hands its number over
  useEffect(() => {
    if (!initial) return;
    form.setFieldsValue(initial);
    void search(initial);
  }, [initial]);

  return (
    <>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void search(v)}
        name="portal-petition-track"
      >
        <Form.Item
          name="number"
          label={t('petitionPortal.number')}
          rules={[zodRule(PortalPetitionParams.shape.number, (v) => v ?? '')]}
        >
          <Input placeholder="XF-123" autoCapitalize="characters" maxLength={12} />
        </Form.Item>
        <Form.Item name="phone" label={t('portal.phone')} rules={[zodRule(PortalPhone, (v) => v ?? '')]}>
          <Input inputMode="tel" maxLength={20} placeholder={t('portal.trackPhonePlaceholder')} />
        </Form.Item>
        {captcha.shown && <PortalCaptchaField round={captcha.round} />}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          icon={<SearchOutlined />}
          loading={loading}
        >
          {t('portal.trackSubmit')}
        </Button>
      </Form>
      {failure && <Alert type="warning" showIcon message={failure} style={{ marginTop: 16 }} />}
      {found && <PetitionProgress view={found} />}
    </>
  );
}
