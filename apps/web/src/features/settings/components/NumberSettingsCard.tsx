import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  type InputNumberProps,
  Row,
  Space,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';

/** Props of {@link NumberSettingsCard}. */
export interface NumberSettingsCardProps<T extends Record<string, number>> {
  title: string;
  description: string;
  /** the form's name */
  name: string;
  /** the fields, in the order shown */
  keys: readonly (keyof T & string)[];
  /** the platform's values, named beside each field and restored by the second button */
  defaults: T;
  load: (signal: AbortSignal) => Promise<T>;
  save: (values: T) => Promise<T>;
  labelOf: (key: keyof T & string) => string;
  /** what a field says of its default (`条例规定 15 天`) */
  defaultOf: (value: number) => string;
  restoreLabel: string;
  /** the number inputs' bounds, step and suffix */
  input: Pick<InputNumberProps, 'min' | 'max' | 'step' | 'precision' | 'suffix'>;
  /** columns of a field at medium width (of 24) */
  span: number;
}

/**
 * A card of numbers an administrator sets for the city on 办理设置 (the petitions' time limits, the dispatch
 * rule's weights …): each field with the platform's value beside it, save, and restore the platform's values.
 */
export function NumberSettingsCard<T extends Record<string, number>>(props: NumberSettingsCardProps<T>) {
  const { t } = useI18n();
  const { load, save, keys, defaults } = props;
  const current = useApi((signal) => load(signal), []);
  const [form] = Form.useForm<T>();

  useEffect(() => {
    if (current.data) form.setFieldsValue(current.data as Parameters<typeof form.setFieldsValue>[0]);
  }, [current.data, form]);

  const { saving, formError, setFormError, submit } = useSaveForm(form, keys, async (values) => {
    current.setData(await save(values));
  });

  if (current.error && !current.data) return <ErrorState error={current.error} onRetry={current.reload} />;
  return (
    <Card size="small" title={props.title} loading={current.loading && !current.data}>
      <Typography.Paragraph type="secondary">{props.description}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<T>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        name={props.name}
        style={{ maxWidth: 720 }}
      >
        <Row gutter={16}>
          {keys.map((key) => (
            <Col key={key} xs={24} sm={12} md={props.span}>
              <Form.Item
                name={key as string}
                label={props.labelOf(key)}
                extra={props.defaultOf(defaults[key] as number)}
                rules={[{ required: true, message: t('settings.required') }]}
              >
                <InputNumber {...props.input} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(defaults as Parameters<typeof form.setFieldsValue>[0])}>
            {props.restoreLabel}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
