import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { login } from '../../auth/api/auth.api.js';

/** 商户登录: the merchant's own sign-in on his desk (the staff console's login page refuses merchants). */
export function MerchantSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  async function submit(values: { username: string; password: string }) {
    setSending(true);
    setFailure(null);
    try {
      const answer = await login(values);
      if (!answer.me.roles.includes('merchant')) setFailure(t('merchantDesk.notMerchant'));
      else onSignedIn();
    } catch (error) {
      setFailure(errorText(error, t));
    } finally {
      setSending(false);
    }
  }
  return (
    <Form name="merchant-sign-in" aria-label={t('merchantDesk.signIn')} layout="vertical" onFinish={submit}>
      <Form.Item
        name="username"
        label={t('login.username')}
        rules={[{ required: true, message: t('login.usernamePlaceholder') }]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordPlaceholder') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" block loading={sending}>
        {t('merchantDesk.signIn')}
      </Button>
    </Form>
  );
}
