import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OfficeHours } from '@shanzhi/shared';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { formFailure } from '../../../platform/forms/zod-rules.js';
import { fetchOfficeHours, saveOfficeHours } from '../api/calendar.api.js';

interface OfficeHoursForm {
  periods: { start: string; end: string }[];
}

/** 办公时间: the periods of a working day in which working time runs. */
export function OfficeHoursCard({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const hours = useApi((signal) => fetchOfficeHours(signal), []);
  const [form] = Form.useForm<OfficeHoursForm>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (hours.data) form.setFieldsValue({ periods: hours.data.map((p) => ({ ...p })) });
  }, [hours.data, form]);

  async function submit(values: OfficeHoursForm) {
    setFormError(null);
    const periods = values.periods ?? [];
    const parsed = OfficeHours.safeParse(periods);
    if (!parsed.success) {
      // The shared schema reports on `[index, field]`; the whole list's own messages go above the form.
      const placed = parsed.error.issues.filter((i) => i.path.length === 2);
      form.setFields(
        placed.map((i) => ({
          name: ['periods', ...i.path] as ['periods', number, 'start'],
          errors: [i.message],
        })),
      );
      const rest = parsed.error.issues.filter((i) => i.path.length !== 2);
      if (rest.length > 0) setFormError(rest.map((i) => i.message).join('；'));
      return;
    }
    setSaving(true);
    try {
      const saved = await saveOfficeHours(parsed.data);
      hours.setData(saved.periods);
      message.success(t('common.saved'));
    } catch (error) {
      const known = periods.flatMap((_, i) => [`periods.${i}.start`, `periods.${i}.end`]);
      setFormError(formFailure(form, error, known, t));
    } finally {
      setSaving(false);
    }
  }

  const total = (hours.data ?? []).reduce((sum, p) => sum + minutes(p.end) - minutes(p.start), 0);

  return (
    <Card size="small" title={t('calendar.officeHours')} loading={hours.loading && !hours.data}>
      {hours.error ? (
        <ErrorState compact error={hours.error} onRetry={hours.reload} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('calendar.officeHoursHint', { hours: (total / 60).toFixed(1) })}
          </Typography.Paragraph>
          {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} />}
          <Form<OfficeHoursForm> form={form} onFinish={submit} disabled={!canWrite} name="office-hours">
            <Form.List name="periods">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Flex key={field.key} gap={8} align="flex-start">
                      <Form.Item name={[field.name, 'start']} style={{ flex: 1, marginBottom: 8 }}>
                        <Input
                          placeholder="08:30"
                          maxLength={5}
                          aria-label={t('calendar.periodStart', { n: index + 1 })}
                        />
                      </Form.Item>
                      <span style={{ lineHeight: '32px' }}>—</span>
                      <Form.Item name={[field.name, 'end']} style={{ flex: 1, marginBottom: 8 }}>
                        <Input
                          placeholder="12:00"
                          maxLength={5}
                          aria-label={t('calendar.periodEnd', { n: index + 1 })}
                        />
                      </Form.Item>
                      {canWrite && (
                        <Button
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('calendar.removePeriod')}
                        />
                      )}
                    </Flex>
                  ))}
                  {canWrite && (
                    <Flex gap={8}>
                      <Button icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })}>
                        {t('calendar.addPeriod')}
                      </Button>
                      <Button type="primary" htmlType="submit" loading={saving}>
                        {t('common.save')}
                      </Button>
                    </Flex>
                  )}
                </>
              )}
            </Form.List>
          </Form>
        </>
      )}
    </Card>
  );
}

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
