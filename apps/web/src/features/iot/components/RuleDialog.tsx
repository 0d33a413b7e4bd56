import {
  DEVICE_ALERT_TYPES,
  DEVICE_TYPES,
  type DeviceType,
  type IotRuleTrial,
  type IotRuleView,
  PRIORITIES,
  RULE_OUTCOMES,
} from '@shanzhi/shared';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import { useApi } from '../../../platform/api/index.js';
import { useActionSending } from '../../../platform/forms/use-action-sending.js';
import { createRule, fetchEstates, type RuleDraft, saveRule, trialRule } from '../api/iot.api.js';
import { alertTypeLabel, deviceTypeLabel, outcomeLabel } from '../iot-labels.js';

const SETTINGS = ['outcome', 'priority', 'suppressMinutes', 'escalateMinutes'] as const;
const SCOPE = ['deviceType', 'alertType', 'estateId', 'activeFrom', 'activeTo'] as const;

/** What the dialog is on: an existing rule to edit, or a new one. */
export type RuleDialogTarget = { rule: IotRuleView } | { rule: null };

/** The numbers of a trial: what the rule would have done beside what happened. */
function TrialNumbers({ trial }: { trial: IotRuleTrial }) {
  const { t } = useI18n();
  const rows = (['alerts', 'cases', 'dismissed', 'notified', 'repeatsFolded'] as const).map((key) => ({
    key,
    label: t(`iot.rules.trial.${key}`),
    wouldHave: trial.wouldHave[key],
    actually: trial.actually[key],
  }));
  return (
    <Table
      size="small"
      data-testid="iot-rule-trial"
      pagination={false}
      dataSource={rows}
      title={() => t('iot.rules.trial.title')}
      columns={[
        { title: '', dataIndex: 'label' },
        { title: t('iot.rules.trial.wouldHave'), dataIndex: 'wouldHave' },
        { title: t('iot.rules.trial.actually'), dataIndex: 'actually' },
      ]}
    />
  );
}

/** The scope fields of a new rule: device type, alert type it raises, estate, time of day. */
function ScopeFields({ deviceType }: { deviceType: DeviceType | undefined }) {
  const { t } = useI18n();
  const estates = useApi((signal) => fetchEstates({ pageSize: 100 }, signal), []);
  return (
    <>
      <Form.Item name="deviceType" label={t('iot.devices.type')} rules={[{ required: true }]}>
        <Select options={DEVICE_TYPES.map((d) => ({ value: d, label: deviceTypeLabel(d) }))} />
      </Form.Item>
      <Form.Item name="alertType" label={t('iot.alerts.type')} rules={[{ required: true }]}>
        <Select
          options={(deviceType ? DEVICE_ALERT_TYPES[deviceType] : []).map((a) => ({
            value: a,
            label: alertTypeLabel(a),
          }))}
        />
      </Form.Item>
      <Form.Item name="estateId" label={t('iot.estate')} extra={t('iot.rules.allEstates')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(estates.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
      </Form.Item>
      <Space align="start">
        <Form.Item name="activeFrom" label={t('iot.rules.activeFrom')} extra={t('iot.rules.allDay')}>
          <Input placeholder="22:00" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="activeTo" label={t('iot.rules.activeTo')}>
          <Input placeholder="06:00" style={{ width: 120 }} />
        </Form.Item>
      </Space>
    </>
  );
}

/**
 * The dialog of a rule: a new one (its scope, then its settings) or an existing one (its settings, at the
 * version seen); 试运行 shows what it would have made of the last week's alerts before it is saved.
 */
export function RuleDialog({
  target,
  onClose,
  onDone,
}: {
  target: RuleDialogTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [trial, setTrial] = useState<IotRuleTrial | null>(null);
  const [trying, setTrying] = useState(false);
  const deviceType = Form.useWatch('deviceType', form) as DeviceType | undefined;
  const { busy, general, setGeneral, send } = useActionSending(form, {
    staleMessage: t('iot.rules.stale'),
    onStale: onDone,
    onClose,
  });
  const rule = target?.rule ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each opening
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(
      rule
        ? {
            outcome: rule.outcome,
            priority: rule.priority,
            suppressMinutes: rule.suppressMinutes,
            escalateMinutes: rule.escalateMinutes,
          }
        : { outcome: 'notify', priority: 'normal', suppressMinutes: 10, escalateMinutes: null },
    );
    setGeneral([]);
    setTrial(null);
  }, [target, rule?.id]);
  if (!target) return null;

  /** The rule as the form has it, with an existing rule's scope. */
  function draft(): RuleDraft {
    const values = form.getFieldsValue(true);
    const blank = (v: unknown) => (v === undefined || v === '' ? null : v);
    const scope = rule
      ? {
          deviceType: rule.deviceType,
          alertType: rule.alertType,
          estateId: rule.estateId,
          activeFrom: rule.activeFrom,
          activeTo: rule.activeTo,
        }
      : Object.fromEntries(SCOPE.map((k) => [k, blank(values[k])]));
    return {
      ...scope,
      outcome: values.outcome,
      categoryId: rule?.categoryId ?? null,
      priority: values.priority,
      suppressMinutes: values.suppressMinutes,
      escalateMinutes: blank(values.escalateMinutes),
    } as RuleDraft;
  }

  async function tryRule() {
    setTrying(true);
    setGeneral([]);
    try {
      setTrial(await trialRule(draft()));
    } catch (error) {
      setTrial(null);
      setGeneral([errorText(error, t)]);
    } finally {
      setTrying(false);
    }
  }

  async function submit() {
    const body = draft();
    const { deviceType: _d, alertType: _a, estateId: _e, activeFrom: _f, activeTo: _t, ...settings } = body;
    await send(
      () => (rule ? saveRule(rule.id, { version: rule.version, ...settings } as never) : createRule(body)),
      [...SCOPE, ...SETTINGS],
      () => {
        message.success(t('iot.rules.saved'));
        onDone();
      },
    );
  }

  return (
    <Modal
      open
      title={
        rule ? `${deviceTypeLabel(rule.deviceType)} · ${alertTypeLabel(rule.alertType)}` : t('iot.rules.new')
      }
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="trial" onClick={() => void tryRule()} loading={trying}>
          {t('iot.rules.trial.button')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => void submit()}>
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" name="iot-rule" onValuesChange={() => setTrial(null)}>
        {!rule && <ScopeFields deviceType={deviceType} />}
        <Form.Item name="outcome" label={t('iot.rules.outcome')}>
          <Select options={RULE_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))} />
        </Form.Item>
        <Form.Item name="priority" label={t('iot.rules.priority')}>
          <Select options={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p, locale) }))} />
        </Form.Item>
        <Form.Item name="suppressMinutes" label={t('iot.rules.suppress')}>
          <InputNumber min={0} max={1440} addonAfter={t('iot.rules.minutes')} />
        </Form.Item>
        <Form.Item name="escalateMinutes" label={t('iot.rules.escalate')} extra={t('iot.rules.escalateHint')}>
          <InputNumber min={1} max={1440} addonAfter={t('iot.rules.minutes')} />
        </Form.Item>
      </Form>
      {trial && <TrialNumbers trial={trial} />}
      {general.length > 0 && <Alert type="error" showIcon message={general.join('；')} />}
    </Modal>
  );
}
