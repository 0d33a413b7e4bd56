import { TIME_LIMIT_UNITS, type TimeLimitUnit } from '@shanzhi/shared';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { timeLimitUnitLabel } from '../../../i18n/labels.js';
import { computeDeadline } from '../api/calendar.api.js';

interface DeadlineForm {
  start: Dayjs;
  value: number;
  unit: TimeLimitUnit;
}

/** 截止时间计算: when a limit started at a given moment runs out, by the server's calendar and office hours. */
export function DeadlineCard() {
  const { t, locale } = useI18n();
  const [result, setResult] = useState<{ deadline: string; input: DeadlineForm } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: DeadlineForm) {
    setBusy(true);
    setError(null);
    try {
      const deadline = await computeDeadline(values.start.format(), values.value, values.unit);
      setResult({ deadline, input: values });
    } catch (cause) {
      setError(cause);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('calendar.deadline')}>
      <Form<DeadlineForm>
        layout="vertical"
        onFinish={submit}
        name="deadline"
        initialValues={{ start: dayjs().second(0), value: 5, unit: 'working_days' }}
      >
        <Form.Item name="start" label={t('calendar.deadlineStart')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('calendar.deadlineLimit')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="value" noStyle rules={[{ required: true }]}>
              <InputNumber
                min={1}
                max={10_000}
                precision={0}
                style={{ width: '45%' }}
                aria-label={t('catalog.limitValue')}
              />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select
                style={{ width: '55%' }}
                options={TIME_LIMIT_UNITS.map((u) => ({ value: u, label: timeLimitUnitLabel(u, locale) }))}
                aria-label={t('catalog.limitUnit')}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('calendar.compute')}
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon message={errorText(error, t)} style={{ marginTop: 12 }} /> : null}
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          message={
            <span data-testid="deadline-result">
              {t('calendar.deadlineResult')}
              <Typography.Text strong>
                {dayjs(result.deadline).format('YYYY-MM-DD HH:mm dddd')}
              </Typography.Text>
            </span>
          }
          description={t('calendar.deadlineExplain', {
            start: result.input.start.format('YYYY-MM-DD HH:mm'),
            limit: `${result.input.value} ${timeLimitUnitLabel(result.input.unit, locale)}`,
          })}
        />
      )}
    </Card>
  );
}
