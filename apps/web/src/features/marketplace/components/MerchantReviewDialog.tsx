import type { MarketMerchantActed, MarketMerchantAction, MarketMerchantView } from '@shanzhi/shared';
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useActionSending } from '../../../platform/forms/use-action-sending.js';
import { actOnMerchant } from '../api/merchants.api.js';

/** The actions that owe a reason (拒绝 · 暂停 · 清退); the others take an optional note. */
const NEEDS_REASON: MarketMerchantAction[] = ['refuse', 'suspend', 'remove'];

/** The dialog of one review action on a merchant: its reason (or note), then the action at the version seen. */
export function MerchantReviewDialog({
  merchant,
  action,
  onClose,
  onActed,
  onStale,
}: {
  merchant: MarketMerchantView;
  action: MarketMerchantAction | null;
  onClose: () => void;
  onActed: (acted: MarketMerchantActed) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason?: string; note?: string }>();
  const field = action && NEEDS_REASON.includes(action) ? 'reason' : 'note';
  const { busy, general, setGeneral, send } = useActionSending(form, {
    staleMessage: t('merchants.stale'),
    onStale,
    onClose,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: each opening starts empty
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setGeneral([]);
  }, [action]);

  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`merchants.action.${action}`)} · ${merchant.name}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`merchants.action.${action}`) : ''}
      okButtonProps={{ danger: action === 'remove' || action === 'refuse' }}
      confirmLoading={busy}
      forceRender
    >
      {general.map((g) => (
        <Alert key={g} type="error" showIcon message={g} style={{ marginBottom: 12 }} />
      ))}
      <Form
        form={form}
        layout="vertical"
        name="merchant-review"
        onFinish={(values) => {
          const text = values[field]?.trim();
          if (!action) return;
          void send(() => actOnMerchant(merchant, action, text ? { [field]: text } : {}), [field], onActed);
        }}
      >
        <Form.Item
          name={field}
          label={t(field === 'reason' ? 'merchants.reason' : 'merchants.note')}
          rules={
            field === 'reason' ? [{ required: true, min: 2, message: t('merchants.reasonRequired') }] : []
          }
        >
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
