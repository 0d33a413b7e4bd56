import type { IotAlertStaffAction, IotAlertView } from '@shanzhi/shared';
import { Alert, App, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useActionSending } from '../../../platform/forms/use-action-sending.js';
import { actOnAlert } from '../api/iot.api.js';
import { alertActionLabel, alertTypeLabel, escalationLabel } from '../iot-labels.js';

/**
 * The dialog of one staff action on an alert: 排除误报 asks for the reason (it feeds the device's false-alarm
 * rate), 确认 and 立案 take an optional note. A stale version (409) reloads the board.
 */
export function AlertActionDialog({
  alert,
  action,
  onClose,
  onDone,
}: {
  alert: IotAlertView | null;
  action: IotAlertStaffAction | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, general, setGeneral, send } = useActionSending(form, {
    staleMessage: t('iot.alerts.stale'),
    onStale: onDone,
    onClose,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each opening
  useEffect(() => {
    form.resetFields();
    setGeneral([]);
  }, [alert?.id, action]);

  if (!alert || !action) return null;
  const label = alertActionLabel(action);
  const field = action === 'dismiss' ? 'reason' : 'note';

  async function submit() {
    if (!alert || !action) return;
    const text = String(form.getFieldValue(field) ?? '').trim();
    const body = { version: alert.version, [field]: text || undefined };
    await send(
      () => actOnAlert(alert.id, action, body as never),
      [field],
      () => {
        message.success(t('iot.alerts.done', { action: label }));
        onDone();
      },
    );
  }

  return (
    <Modal
      open
      title={`${label} · ${alertTypeLabel(alert.type)} · ${alert.estateName}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={label}
      okButtonProps={{ danger: action === 'dismiss', loading: busy }}
      destroyOnHidden
    >
      {alert.escalationLevel !== 'grid' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${escalationLabel(alert.escalationLevel)}${alert.escalatedAt ? ` · ${dayjs(alert.escalatedAt).format('MM-DD HH:mm')}` : ''}`}
        />
      )}
      <Form form={form} layout="vertical" name={`iot-alert-${action}`} onFinish={() => void submit()}>
        <Form.Item
          name={field}
          label={action === 'dismiss' ? t('iot.alerts.reason') : t('iot.alerts.note')}
          required={action === 'dismiss'}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      {general.length > 0 && <Alert type="error" showIcon message={general.join('；')} />}
    </Modal>
  );
}
