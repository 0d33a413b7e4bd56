import { KpiWeights } from '@shanzhi/shared';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';
import { fetchKpiSettings, type KpiSettings, saveKpiSettings } from '../api/kpi-settings.api.js';
import { toFraction, toPercent } from '../per-cent.js';

/** The form shows fractions as per cent, as the published rules write them. */
interface KpiSettingsForm {
  basicSatisfactionFactor: number;
  weights: { response: number; solving: number; satisfaction: number };
  flagThreshold: number;
}

const FIELDS = [
  'basicSatisfactionFactor',
  'weights.response',
  'weights.solving',
  'weights.satisfaction',
  'flagThreshold',
];
const WEIGHTS = ['response', 'solving', 'satisfaction'] as const;
const weightsOf = (weights: KpiSettingsForm['weights']) => ({
  response: toFraction(weights.response),
  solving: toFraction(weights.solving),
  satisfaction: toFraction(weights.satisfaction),
});

function formOf(settings: KpiSettings): KpiSettingsForm {
  return {
    basicSatisfactionFactor: settings.basicSatisfactionFactor,
    weights: {
      response: toPercent(settings.weights.response),
      solving: toPercent(settings.weights.solving),
      satisfaction: toPercent(settings.weights.satisfaction),
    },
    flagThreshold: toPercent(settings.flagThreshold),
  };
}

/** 考核配置: the weights of the three rates, the 基本满意 coefficient, and the score under which a unit is flagged. */
export function KpiSettingsCard() {
  const { t } = useI18n();
  const settings = useApi((signal) => fetchKpiSettings(signal), []);
  const [form] = Form.useForm<KpiSettingsForm>();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(formOf(settings.data));
  }, [settings.data, form]);

  const { saving, formError, setFormError, submit } = useSaveForm(form, FIELDS, async (values) => {
    const saved = await saveKpiSettings({
      basicSatisfactionFactor: values.basicSatisfactionFactor,
      weights: weightsOf(values.weights),
      flagThreshold: toFraction(values.flagThreshold),
    });
    settings.setData(saved);
  });
  // the shared schema says whether the weights add up, exactly as the server will; shown on the last weight
  const weightsAddUp = {
    validator: async () => {
      const checked = KpiWeights.safeParse(weightsOf(form.getFieldValue('weights')));
      if (!checked.success) throw new Error(checked.error.issues[0]?.message);
    },
  };

  if (settings.error && !settings.data)
    return <ErrorState error={settings.error} onRetry={settings.reload} />;
  const required = [{ required: true, message: t('settings.required') }];
  return (
    <Card size="small" title={t('settings.kpiTitle')} loading={settings.loading && !settings.data}>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<KpiSettingsForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        name="kpi-settings"
        style={{ maxWidth: 640 }}
      >
        <Row gutter={16}>
          {WEIGHTS.map((key) => (
            <Col key={key} xs={24} sm={8}>
              <Form.Item
                name={['weights', key]}
                label={t(`settings.weight.${key}`)}
                rules={key === 'satisfaction' ? [...required, weightsAddUp] : required}
                dependencies={
                  key === 'satisfaction'
                    ? [
                        ['weights', 'response'],
                        ['weights', 'solving'],
                      ]
                    : []
                }
              >
                <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
          {t('settings.weightsHint')}
        </Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="basicSatisfactionFactor"
              label={t('settings.basicFactor')}
              extra={t('settings.basicFactorHint')}
              rules={required}
            >
              <InputNumber min={0} max={1} step={0.05} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="flagThreshold"
              label={t('settings.flagThreshold')}
              extra={t('settings.flagThresholdHint')}
              rules={required}
            >
              <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
