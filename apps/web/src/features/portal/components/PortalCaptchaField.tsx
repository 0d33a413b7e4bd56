import { ReloadOutlined } from '@ant-design/icons';
import type { PortalCaptcha } from '@shanzhi/shared';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { fetchPortalCaptcha } from '../api/portal.api.js';

/** The answer input beside its picture and the link for another; antd's Form.Item gives it id/value/onChange. */
function CaptchaInput({
  id,
  value,
  onChange,
  captcha,
  failed,
  onRefresh,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  captcha: PortalCaptcha | null;
  failed: boolean;
  onRefresh: () => void;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={8} align="center" wrap>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        maxLength={10}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder={t('portal.captchaPlaceholder')}
        style={{ width: 140 }}
      />
      {captcha && (
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
          alt={t('portal.captchaImage')}
          width={120}
          height={40}
          data-testid="portal-captcha-image"
          style={{ border: '1px solid #d9d9d9', borderRadius: 6, background: '#fff' }}
        />
      )}
      {failed && <Typography.Text type="danger">{t('portal.captchaLoadFailed')}</Typography.Text>}
      <Button type="link" size="small" icon={<ReloadOutlined />} onClick={onRefresh}>
        {t('portal.captchaRefresh')}
      </Button>
    </Flex>
  );
}

/**
 * 验证码: the picture the portal asks a citizen to read after repeated wrong phones, a link for another
 * picture, and the answer — the form fields `captchaId` (hidden) and `captchaAnswer`. A new picture is
 * fetched when it mounts and whenever `round` changes (each picture answers one attempt).
 */
export function PortalCaptchaField({ round }: { round: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const [captcha, setCaptcha] = useState<PortalCaptcha | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setFailed(false);
    try {
      const next = await fetchPortalCaptcha();
      setCaptcha(next);
      form.setFieldsValue({ captchaId: next.captchaId, captchaAnswer: '' });
    } catch {
      setCaptcha(null);
      setFailed(true);
    }
  }, [form]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round asks for a new picture
  useEffect(() => {
    void load();
  }, [load, round]);

  return (
    <>
      <Form.Item name="captchaId" hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name="captchaAnswer"
        label={t('portal.captcha')}
        rules={[{ required: true, whitespace: true, message: t('portal.captchaRequired') }]}
      >
        <CaptchaInput captcha={captcha} failed={failed} onRefresh={() => void load()} />
      </Form.Item>
    </>
  );
}
