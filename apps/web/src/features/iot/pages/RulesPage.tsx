import type { IotRuleView } from '@shanzhi/shared';
import { App, Button, Card, Flex, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import { useApi } from '../../../platform/api/index.js';
import { deleteRule, fetchRules } from '../api/iot.api.js';
import { RuleDialog, type RuleDialogTarget } from '../components/RuleDialog.js';
import { alertTypeLabel, deviceTypeLabel, outcomeLabel } from '../iot-labels.js';

const OUTCOME_COLORS = { open_case: 'red', notify: 'blue', dismiss: 'default' } as const;

/**
 * 处置规则: what becomes of an alert of each device type and alert type — generally, or for one estate and/or
 * a time of day — created, edited (after a 试运行 if wished) and deleted, each change audited.
 */
export function RulesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const rules = useApi((signal) => fetchRules(signal), []);
  const [editing, setEditing] = useState<RuleDialogTarget | null>(null);

  async function remove(rule: IotRuleView) {
    try {
      await deleteRule(rule);
      message.success(t('iot.rules.deleted'));
    } catch (error) {
      message.error(errorText(error, t));
    }
    rules.reload();
  }

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.iotRules')} description={t('iot.rules.description')} />
      <Card
        size="small"
        extra={
          <Button type="primary" onClick={() => setEditing({ rule: null })}>
            {t('iot.rules.new')}
          </Button>
        }
      >
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
              {
                title: t('iot.estate'),
                key: 'estate',
                render: (_: unknown, r) => r.estateName ?? t('iot.rules.allEstates'),
              },
              {
                title: t('iot.rules.window'),
                key: 'window',
                render: (_: unknown, r) =>
                  r.activeFrom ? `${r.activeFrom}–${r.activeTo}` : t('iot.rules.allDay'),
              },
              { title: t('iot.rules.suppress'), dataIndex: 'suppressMinutes' },
              {
                title: t('iot.rules.escalate'),
                dataIndex: 'escalateMinutes',
                render: (m: number | null) => m ?? t('iot.rules.never'),
              },
              {
                title: '',
                key: 'edit',
                render: (_: unknown, r) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => setEditing({ rule: r })}>
                      {t('common.edit')}
                    </Button>
                    {!r.general && (
                      <Popconfirm title={t('iot.rules.deleteConfirm')} onConfirm={() => remove(r)}>
                        <Button size="small" danger>
                          {t('iot.rules.delete')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <RuleDialog target={editing} onClose={() => setEditing(null)} onDone={rules.reload} />
    </Flex>
  );
}
