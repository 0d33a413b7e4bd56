import { ReopenInput } from '@shanzhi/shared';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { takeCaseAction } from '../../cases/api/cases.api.js';

/** The case as these buttons need it: id, version and the actions the server lists. */
interface Target {
  id: number;
  number: string;
  version: number;
  actions: readonly string[];
}

/**
 * 结案 / 重办 after a callback — each button only when the server lists the action for this user now. 重办
 * asks for a reason (e.g. the citizen was not satisfied).
 */
export function CloseOrReopen({ target, onDone }: { target: Target; onDone: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [reopening, setReopening] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  function close() {
    modal.confirm({
      title: t('callback.closeConfirm', { number: target.number }),
      onOk: async () => {
        try {
          await takeCaseAction(target.id, 'close', { version: target.version });
          message.success(t('callback.closed'));
          onDone();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });
  }

  async function reopen() {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await takeCaseAction(target.id, 'reopen', { version: target.version, reason: reason.trim() });
      message.success(t('callback.reopened'));
      setReopening(false);
      onDone();
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space>
      {target.actions.includes('close') && (
        <Button size="small" type="primary" onClick={close}>
          {t('callback.close')}
        </Button>
      )}
      {target.actions.includes('reopen') && (
        <Button size="small" danger onClick={() => setReopening(true)}>
          {t('callback.reopen')}
        </Button>
      )}
      <Modal
        open={reopening}
        title={t('callback.reopenTitle', { number: target.number })}
        onOk={() => void reopen()}
        confirmLoading={busy}
        onCancel={() => setReopening(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('callback.reopenReason')}
            rules={[zodRule(ReopenInput.shape.reason, (v) => v ?? '')]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
