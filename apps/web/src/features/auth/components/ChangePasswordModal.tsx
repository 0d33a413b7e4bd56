import { ChangeOwnPasswordInput } from '@shanzhi/shared';
import { Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { changeOwnPassword } from '../api/auth.api.js';

type Values = ChangeOwnPasswordInput & { confirmPassword: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * 修改密码: the signed-in user changes his own password. The server checks the current one (it counts towards
 * the lock-out) and the new one's strength, and ends his other sessions.
 */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  async function save({ currentPassword, newPassword }: Values) {
    await changeOwnPassword({ currentPassword, newPassword });
    form.resetFields();
    onClose();
  }

  return (
    <FormModal<Values>
      open={open}
      title={t('password.title')}
      form={form}
      name="change-password"
      known={FIELDS}
      width={440}
      onClose={onClose}
      save={save}
    >
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[zodRule(ChangeOwnPasswordInput.shape.currentPassword)]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.hint')}
        rules={[zodRule(ChangeOwnPasswordInput.shape.newPassword)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_rule, value: unknown) => {
              if (value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
