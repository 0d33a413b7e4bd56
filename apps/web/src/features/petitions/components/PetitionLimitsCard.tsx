import { DEFAULT_PETITION_TIME_LIMITS, type PetitionTimeLimits } from '@shanzhi/shared';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { useApi } from '../../../platform/api/index.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';
import { fetchPetitionTimeLimits, savePetitionTimeLimits } from '../api/petitions.api.js';

/** The limits in the order the law runs them: acceptance, answer and its extension, review, re-review. */
const LIMITS = [
  'acceptDays',
  'answerDays',
  'maxExtensionDays',
  'reviewRequestDays',
  'reviewAnswerDays',
  'reReviewRequestDays',
  'reReviewAnswerDays',
] as const satisfies readonly (keyof PetitionTimeLimits)[];

/**
 * 信访时限: the legal time limits of 信访工作条例 in calendar days, set by an administrator when regulations
 * change; periods opened afterwards follow them. Each field names the law's value beside it.
 */
export function PetitionLimitsCard() {
  const { t } = useI18n();
  const limits = useApi((signal) => fetchPetitionTimeLimits(signal), []);
  const [form] = Form.useForm<PetitionTimeLimits>();

  useEffect(() => {
    if (limits.data) form.setFieldsValue(limits.data);
  }, [limits.data, form]);

  const { saving, formError, setFormError, submit } = useSaveForm(form, LIMITS, async (values) => {
    limits.setData(await savePetitionTimeLimits(values));
  });

  if (limits.error && !limits.data) return <ErrorState error={limits.error} onRetry={limits.reload} />;
  return (
    <Card size="small" title={t('petition.limits.title')} loading={limits.loading && !limits.data}>
      <Typography.Paragraph type="secondary">{t('petition.limits.description')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<PetitionTimeLimits>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        name="petition-limits"
        style={{ maxWidth: 720 }}
      >
        <Row gutter={16}>
          {LIMITS.map((key) => (
            <Col key={key} xs={24} sm={12} md={8}>
              <Form.Item
                name={key}
                label={t(`petition.limits.${key}` as MessageKey)}
                extra={t('petition.limits.lawSays', { days: DEFAULT_PETITION_TIME_LIMITS[key] })}
                rules={[{ required: true, message: t('settings.required') }]}
              >
                <InputNumber
                  min={1}
                  max={365}
                  precision={0}
                  suffix={t('petition.limits.days')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(DEFAULT_PETITION_TIME_LIMITS)}>
            {t('petition.limits.restore')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
