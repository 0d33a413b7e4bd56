import { SearchOutlined } from '@ant-design/icons';
import { PortalPhone } from '@shanzhi/shared';
import { Alert, Button, Form, Input } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import type { PortalCaptchaAnswer } from '../api/portal.api.js';
import { type CaptchaValues, usePortalCaptcha } from '../hooks/use-portal-captcha.js';
import { portalFailureText } from '../portal-failure.js';
import { PortalCaptchaField } from './PortalCaptchaField.js';

interface Values extends CaptchaValues {
  number?: string;
  phone?: string;
}

/**
 * 查询进度 on the portal: a number and the phone given with it → what `track` finds (the same "not found" for
 * either mistake); after repeated wrong phones the server asks for a captcha, and a number guessed at too often
 * is locked. `numberField` is the number's form item (name `number`); `children` shows what was found.
 */
export function PortalTrackForm<T>({
  name,
  ariaLabel,
  numberField,
  initial,
  track,
  children,
}: {
  name: string;
  ariaLabel?: string;
  numberField: ReactNode;
  /** a number handed over by a submission just made: looked up at once */
  initial?: { number: string; phone: string } | undefined;
  /** looks the number up; the captcha's answer is there when the server asked for one */
  track: (number: string, phone: string, captcha: PortalCaptchaAnswer | undefined) => Promise<T>;
  children: (found: T, replace: (next: T) => void) => ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const captcha = usePortalCaptcha();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [found, setFound] = useState<T | null>(null);

  async function search(values: Values) {
    setLoading(true);
    setFailure(null);
    setFound(null);
    const number = (values.number ?? '').replace(/\s+/g, '').toUpperCase();
    try {
      setFound(await track(number, (values.phone ?? '').trim(), captcha.answerOf(values)));
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
        name={name}
        aria-label={ariaLabel}
      >
        {numberField}
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
      {found !== null && children(found, setFound)}
    </>
  );
}
