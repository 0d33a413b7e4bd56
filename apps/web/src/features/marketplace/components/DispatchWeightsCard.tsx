import { DEFAULT_MARKET_DISPATCH_WEIGHTS, type MarketDispatchWeights } from '@shanzhi/shared';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { useApi } from '../../../platform/api/index.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';
import { fetchDispatchWeights, saveDispatchWeights } from '../api/market.api.js';

/** The weights in the order of the rule's cost, then the distance counted without a base point. */
const WEIGHTS = [
  'openOrders',
  'score',
  'distance',
  'defaultDistanceKm',
] as const satisfies readonly (keyof MarketDispatchWeights)[];

/**
 * 派单规则 (民需我应): the weights of the cost the platform offers an order by — open orders, score below 5,
 * distance — set by an administrator; each field names its default beside it.
 */
export function DispatchWeightsCard() {
  const { t } = useI18n();
  const weights = useApi((signal) => fetchDispatchWeights(signal), []);
  const [form] = Form.useForm<MarketDispatchWeights>();

  useEffect(() => {
    if (weights.data) form.setFieldsValue(weights.data);
  }, [weights.data, form]);

  const { saving, formError, setFormError, submit } = useSaveForm(form, WEIGHTS, async (values) => {
    weights.setData(await saveDispatchWeights(values));
  });

  if (weights.error && !weights.data) return <ErrorState error={weights.error} onRetry={weights.reload} />;
  return (
    <Card size="small" title={t('market.weights.title')} loading={weights.loading && !weights.data}>
      <Typography.Paragraph type="secondary">{t('market.weights.description')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<MarketDispatchWeights>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        name="market-dispatch-weights"
        style={{ maxWidth: 720 }}
      >
        <Row gutter={16}>
          {WEIGHTS.map((key) => (
            <Col key={key} xs={24} sm={12} md={6}>
              <Form.Item
                name={key}
                label={t(`market.weights.${key}` as MessageKey)}
                extra={t('market.weights.default', { value: DEFAULT_MARKET_DISPATCH_WEIGHTS[key] })}
                rules={[{ required: true, message: t('settings.required') }]}
              >
                <InputNumber min={0} max={100} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(DEFAULT_MARKET_DISPATCH_WEIGHTS)}>
            {t('market.weights.restore')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
