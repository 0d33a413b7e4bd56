import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginInput } from '@shanzhi/shared';
import { Alert, Button, Card, Form, type FormRule, Input, type InputRef, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { BrandMark } from '../../../components/BrandMark.js';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { isPhoneAppPath, landingPath } from '../../grid-phone/phone-landing.js';
import { login, logout } from '../api/auth.api.js';
import { isConsoleUser } from '../console-users.js';
import { setSessionUser } from '../hooks/use-session.js';
import { type LoginLocationState, REDIRECT_PARAM, safeRedirectTarget } from '../redirect.js';
import styles from './LoginPage.module.css';

type LoginField = keyof LoginInput;
const LOGIN_FIELDS: readonly LoginField[] = ['username', 'password'];

// The form runs the very schema the server validates with, so both give the same message for the same mistake.
function schemaRule(field: LoginField): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = LoginInput.shape[field].safeParse(value ?? '');
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}

/** Staff sign-in: username and password, then back to where the user was going. */
export function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginInput>();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [outsider, setOutsider] = useState(false);
  const passwordRef = useRef<InputRef>(null);
  const sessionExpired = (location.state as LoginLocationState | null)?.sessionExpired === true;

  async function submit(values: LoginInput) {
    const input = LoginInput.safeParse(values);
    // The field rules have already said what is wrong; Enter while a request runs must not send a second one.
    if (!input.success || submitting) return;
    setSubmitting(true);
    setFormError(null);
    try {
      const answer = await login(input.data);
      if (!isConsoleUser(answer.me)) {
        // citizens and merchants have pages of their own: the session just opened is not for this console
        await logout();
        setSubmitting(false);
        setOutsider(true);
        return;
      }
      setSessionUser(answer.me);
      const target = landingPath(
        answer.me,
        safeRedirectTarget(searchParams.get(REDIRECT_PARAM)),
        window.innerWidth,
      );
      // the phone app is loaded afresh, inside its service worker's scope, so that it works offline from now on
      if (isPhoneAppPath(target)) window.location.replace(target);
      else navigate(target, { replace: true });
    } catch (error) {
      setSubmitting(false);
      showError(error);
    }
  }

  function showError(error: unknown) {
    if (!(error instanceof ApiError)) {
      setFormError(t('login.failed'));
      return;
    }
    if (error.code === 'NETWORK_ERROR') return setFormError(t('error.network'));
    if (error.code === 'BAD_RESPONSE') return setFormError(t('error.badResponse'));

    const onFields = error.fields.filter((f): f is typeof f & { field: LoginField } =>
      LOGIN_FIELDS.includes(f.field as LoginField),
    );
    if (onFields.length > 0) {
      form.setFields(onFields.map((f) => ({ name: f.field, errors: [f.message] })));
      // Field errors the form cannot place still deserve to be read.
      if (onFields.length < error.fields.length) setFormError(error.message);
      return;
    }
    setFormError(error.message);
    if (error.code === 'INVALID_CREDENTIALS') {
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    }
  }

  return (
    <div className={styles.page}>
      <header className={styles.topBar}>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <div className={styles.brand}>
          <BrandMark size={56} />
          <div>
            <Typography.Title level={1} className={styles.brandName}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text className={styles.brandFullName}>{t('app.fullName')}</Typography.Text>
          </div>
        </div>
        <Card className={styles.card} variant="borderless">
          <Typography.Title level={2} className={styles.heading}>
            {t('login.heading')}
          </Typography.Title>
          {sessionExpired && !formError && (
            <Alert className={styles.alert} type="warning" showIcon message={t('login.expired')} />
          )}
          {formError && <Alert className={styles.alert} type="error" showIcon message={formError} />}
          {outsider && (
            <Alert
              className={styles.alert}
              type="warning"
              showIcon
              message={t('login.notStaff')}
              description={<Link to="/portal">{t('login.toPortal')}</Link>}
            />
          )}
          <Form<LoginInput>
            form={form}
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={submit}
            onValuesChange={() => {
              setFormError(null);
              setOutsider(false);
            }}
          >
            <Form.Item name="username" label={t('login.username')} rules={[schemaRule('username')]}>
              <Input
                prefix={<UserOutlined aria-hidden />}
                placeholder={t('login.usernamePlaceholder')}
                autoComplete="username"
                autoCapitalize="off"
                spellCheck={false}
                aria-required="true"
                autoFocus
              />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[schemaRule('password')]}>
              <Input.Password
                ref={passwordRef}
                prefix={<LockOutlined aria-hidden />}
                placeholder={t('login.passwordPlaceholder')}
                autoComplete="current-password"
                aria-required="true"
              />
            </Form.Item>
            <Form.Item className={styles.submitItem}>
              <Button type="primary" htmlType="submit" block loading={submitting}>
                {submitting ? t('login.submitting') : t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      </main>
      <footer className={styles.footer}>
        <div>
          {t('app.name')} · {t('app.fullName')}
        </div>
        <div>{t('login.browserHint')}</div>
      </footer>
    </div>
  );
}
