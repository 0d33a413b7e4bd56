import { type IotRuleView, PRIORITIES, RULE_OUTCOMES } from '@shanzhi/shared';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import { useApi } from '../../../platform/api/index.js';
import { useActionSending } from '../../../platform/forms/use-action-sending.js';
import { fetchRules, saveRule } from '../api/iot.api.js';
import { alertTypeLabel, deviceTypeLabel, outcomeLabel } from '../iot-labels.js';

const OUTCOME_COLORS = { open_case: 'red', notify: 'blue', dismiss: 'default' } as const;

/** The dialog of one rule: outcome, priority and suppression window, saved at the version seen (audited). */
function RuleDialog({
  rule,
  onClose,
  onDone,
}: {
  rule: IotRuleView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, general, setGeneral, send } = useActionSending(form, {
    staleMessage: t('iot.rules.stale'),
    onStale: onDone,
    onClose,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each opening
  useEffect(() => {
    if (!rule) return;
    form.setFieldsValue({
      outcome: rule.outcome,
      priority: rule.priority,
      suppressMinutes: rule.suppressMinutes,
    });
    setGeneral([]);
  }, [rule?.id]);
  if (!rule) return null;

  async function submit() {
    if (!rule) return;
    const values = form.getFieldsValue(true);
    await send(
      () => saveRule(rule.id, { version: rule.version, categoryId: rule.categoryId, ...values }),
      ['outcome', 'priority', 'suppressMinutes'],
      () => {
        message.success(t('iot.rules.saved'));
        onDone();
      },
    );
  }

  return (
    <Modal
      open
      title={`${deviceTypeLabel(rule.deviceType)} · ${alertTypeLabel(rule.alertType)}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="iot-rule">
        <Form.Item name="outcome" label={t('iot.rules.outcome')}>
          <Select options={RULE_OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o) }))} />
        </Form.Item>
        <Form.Item name="priority" label={t('iot.rules.priority')}>
          <Select options={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p, locale) }))} />
        </Form.Item>
        <Form.Item name="suppressMinutes" label={t('iot.rules.suppress')}>
          <InputNumber min={0} max={1440} addonAfter={t('iot.rules.minutes')} />
        </Form.Item>
      </Form>
      {general.length > 0 && <Alert type="error" showIcon message={general.join('；')} />}
    </Modal>
  );
}

/** 处置规则: what becomes of an alert of each device type and alert type; each change audited. */
export function RulesPage() {
  const { t, locale } = useI18n();
  const rules = useApi((signal) => fetchRules(signal), []);
  const [editing, setEditing] = useState<IotRuleView | null>(null);
  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.iotRules')} description={t('iot.rules.description')} />
      <Card size="small">
        {rules.error ? (
          <ErrorState compact error={rules.error} onRetry={rules.reload} />
        ) : (
          <Table<IotRuleView>
            size="small"
            data-testid="iot-rules"
            rowKey="id"
            loading={rules.loading}
            dataSource={rules.data?.items ?? []}
            pagination={false}
            columns={[
              {
                title: t('iot.devices.type'),
                dataIndex: 'deviceType',
                render: (d: IotRuleView['deviceType']) => deviceTypeLabel(d),
              },
              {
                title: t('iot.alerts.type'),
                dataIndex: 'alertType',
                render: (a: IotRuleView['alertType']) => alertTypeLabel(a),
              },
              {
                title: t('iot.rules.outcome'),
                dataIndex: 'outcome',
                render: (o: IotRuleView['outcome']) => <Tag color={OUTCOME_COLORS[o]}>{outcomeLabel(o)}</Tag>,
              },
              {
                title: t('iot.rules.priority'),
                dataIndex: 'priority',
                render: (p: IotRuleView['priority']) => priorityLabel(p, locale),
              },
              { title: t('iot.rules.suppress'), dataIndex: 'suppressMinutes' },
              {
                title: '',
                key: 'edit',
                render: (_: unknown, r) => (
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RuleDialog rule={editing} onClose={() => setEditing(null)} onDone={rules.reload} />
    </Flex>
  );
}
