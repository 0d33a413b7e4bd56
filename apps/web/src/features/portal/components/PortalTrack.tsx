import { SearchOutlined } from '@ant-design/icons';
import { PortalCaseNumber, PortalPhone } from '@shanzhi/shared';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { type PortalCase, trackPortalCase } from '../api/portal.api.js';
import { type CaptchaValues, usePortalCaptcha } from '../hooks/use-portal-captcha.js';
import { portalFailureText } from '../portal-failure.js';
import { PortalCaptchaField } from './PortalCaptchaField.js';
import { PortalCaseView } from './PortalCaseView.js';

interface Values extends CaptchaValues {
  number?: string;
  phone?: string;
}

/**
 * 进度查询: number + phone → the public view of the case (the same "not found" for either mistake); after
 * repeated wrong phones the server asks for a captcha, and a case number guessed at too often is locked.
 */
export function PortalTrack({ initial }: { initial?: { number: string; phone: string } | undefined }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const captcha = usePortalCaptcha();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [found, setFound] = useState<{ view: PortalCase; phone: string } | null>(null);

  async function search(values: Values) {
    setLoading(true);
    setFailure(null);
    setFound(null);
    const number = (values.number ?? '').replace(/\s+/g, '').toUpperCase();
    const phone = (values.phone ?? '').trim();
    try {
      setFound({ view: await trackPortalCase(number, phone, captcha.answerOf(values)), phone });
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
        name="portal-track"
        aria-label={t('portal.trackTitle')}
      >
        <Form.Item
          name="number"
          label={t('portal.number')}
          rules={[zodRule(PortalCaseNumber, (v) => v ?? '')]}
        >
          <Input placeholder="WH20260930000123" autoCapitalize="characters" maxLength={20} />
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
      {found && (
        <PortalCaseView
          view={found.view}
          phone={found.phone}
          onRated={(view) => setFound({ view, phone: found.phone })}
        />
      )}
    </>
  );
}
