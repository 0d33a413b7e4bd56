import {
  AUTO_DISPATCH_THRESHOLD_MIN,
  CaseSettingsInput,
  DEFAULT_AUTO_DISPATCH_THRESHOLD,
  type TimeLimit,
} from '@shanzhi/shared';
import { Alert, Button, Card, Form, InputNumber, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { TimeLimitInput } from '../../catalog/components/TimeLimitInput.js';
import { fetchCaseSettings, saveCaseSettings } from '../api/case-settings.api.js';
import { toFraction, toPercent } from '../per-cent.js';

interface CaseSettingsForm {
  autoDispatch: boolean;
  /** the threshold in per cent, as people read it */
  autoDispatchThreshold: number | null;
  reworkLimit: Partial<TimeLimit>;
}

const FIELDS = ['autoDispatchThreshold', 'reworkLimit'];
// the zod rule sees what the API will: the typed per cent as a fraction
const fractionOf = (percent: unknown) => (typeof percent === 'number' ? toFraction(percent) : percent);

/** 办理设置: 智能派单 on or off and from which confidence, and the time a unit gets after a rework. */
export function CaseSettingsCard() {
  const { t } = useI18n();
  const settings = useApi((signal) => fetchCaseSettings(signal), []);
  const [form] = Form.useForm<CaseSettingsForm>();
  const autoDispatch = Form.useWatch('autoDispatch', form);

  useEffect(() => {
    if (!settings.data) return;
    const threshold = settings.data.autoDispatchThreshold;
    form.setFieldsValue({
      autoDispatch: threshold !== null,
      autoDispatchThreshold: toPercent(threshold ?? DEFAULT_AUTO_DISPATCH_THRESHOLD),
      reworkLimit: { ...settings.data.reworkLimit },
    });
  }, [settings.data, form]);

  const { saving, formError, setFormError, submit } = useSaveForm(form, FIELDS, async (values) => {
    const saved = await saveCaseSettings({
      autoDispatchThreshold: values.autoDispatch ? toFraction(values.autoDispatchThreshold as number) : null,
      reworkLimit: values.reworkLimit as TimeLimit,
    });
    settings.setData(saved);
  });

  if (settings.error && !settings.data)
    return <ErrorState error={settings.error} onRetry={settings.reload} />;
  return (
    <Card size="small" title={t('settings.caseTitle')} loading={settings.loading && !settings.data}>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<CaseSettingsForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        name="case-settings"
        style={{ maxWidth: 520 }}
      >
        <Form.Item
          name="autoDispatch"
          label={t('settings.autoDispatch')}
          valuePropName="checked"
          extra={t('settings.autoDispatchHint')}
        >
          <Switch checkedChildren={t('settings.on')} unCheckedChildren={t('settings.off')} />
        </Form.Item>
        <Form.Item
          name="autoDispatchThreshold"
          label={t('settings.threshold')}
          extra={t('settings.thresholdHint')}
          rules={
            autoDispatch ? [zodRule(CaseSettingsInput.shape.autoDispatchThreshold.unwrap(), fractionOf)] : []
          }
        >
          <InputNumber
            min={AUTO_DISPATCH_THRESHOLD_MIN * 100}
            max={100}
            step={1}
            precision={1}
            suffix="%"
            disabled={!autoDispatch}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          name="reworkLimit"
          label={t('settings.reworkLimit')}
          extra={t('settings.reworkLimitHint')}
          rules={[zodRule(CaseSettingsInput.shape.reworkLimit)]}
        >
          <TimeLimitInput />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('settings.audited')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
