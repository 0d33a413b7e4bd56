import { CreateUserInput, ROLES, type Role, UpdateUserInput } from '@shanzhi/shared';
import { Form, Input, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { roleLabel } from '../../../i18n/labels.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { createUser, resetPassword, setUserRoles, type UserView, updateUser } from '../api/users.api.js';

/** What a user dialog does. */
export type UserDialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserView }
  | { kind: 'roles'; user: UserView }
  | { kind: 'password'; user: UserView };

interface UserFormValues {
  username?: string;
  displayName?: string;
  orgId?: number;
  roles?: Role[];
  phone?: string;
  password?: string;
  active?: boolean;
}

const FIELDS = ['username', 'displayName', 'orgId', 'roles', 'phone', 'password', 'active'];
const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
const orEmpty = (value: unknown) => value ?? '';

/** Sends what the dialog `dialog` asks for with the form's values. */
async function saveUser(dialog: UserDialog, values: UserFormValues): Promise<void> {
  switch (dialog.kind) {
    case 'create':
      await createUser({
        username: (values.username ?? '').trim(),
        displayName: (values.displayName ?? '').trim(),
        orgId: values.orgId!,
        roles: values.roles ?? [],
        password: values.password ?? '',
        phone: values.phone ? values.phone : null,
      });
      return;
    case 'edit': {
      const { user } = dialog;
      const phoneChanged = (values.phone ?? '') !== (user.phone ?? '');
      await updateUser(user.id, {
        version: user.version,
        displayName: (values.displayName ?? '').trim(),
        orgId: values.orgId,
        active: values.active,
        // A masked phone shown to the editor is sent back only if he typed a new one.
        ...(phoneChanged ? { phone: values.phone ? values.phone : null } : {}),
      });
      return;
    }
    case 'roles':
      await setUserRoles(dialog.user.id, { roles: values.roles ?? [] });
      return;
    case 'password':
      await resetPassword(dialog.user.id, { password: values.password ?? '' });
  }
}

/** Creates a user, edits one, sets his roles or resets his password; server field errors land on the fields. */
export function UserFormModal({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: UserDialog | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<UserFormValues>();

  useEffect(() => {
    form.resetFields();
    if (!dialog || dialog.kind === 'create') return;
    const { user } = dialog;
    form.setFieldsValue({
      displayName: user.displayName,
      orgId: user.orgId,
      phone: user.phone ?? '',
      roles: user.roles,
      active: user.active,
    });
  }, [dialog, form]);

  async function save(values: UserFormValues) {
    if (!dialog) return;
    await saveUser(dialog, values);
    onSaved();
  }

  const kind = dialog?.kind;
  const titles = {
    create: t('users.createTitle'),
    edit: t('users.editTitle'),
    roles: t('users.rolesTitle'),
    password: t('users.passwordTitle'),
  };
  const who =
    dialog && dialog.kind !== 'create' ? `：${dialog.user.displayName}（${dialog.user.username}）` : '';
  const roleOptions = ROLES.map((role) => ({ value: role, label: roleLabel(role, locale) }));

  return (
    <FormModal<UserFormValues>
      open={dialog !== null}
      title={kind ? `${titles[kind]}${who}` : ''}
      form={form}
      name="user-form"
      known={FIELDS}
      width={560}
      onClose={onClose}
      save={save}
      {...(kind === 'create' ? { savedMessage: t('users.created') } : {})}
    >
      {kind === 'create' && (
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[zodRule(CreateUserInput.shape.username, orEmpty)]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
      )}
      {(kind === 'create' || kind === 'edit') && (
        <>
          <Form.Item
            name="displayName"
            label={t('users.displayName')}
            rules={[zodRule(CreateUserInput.shape.displayName, orEmpty)]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="orgId"
            label={t('users.org')}
            rules={[{ required: true, message: t('users.orgRequired') }]}
          >
            <OrgTreeSelect
              initial={
                dialog?.kind === 'edit' ? { id: dialog.user.orgId, name: dialog.user.orgName } : undefined
              }
            />
          </Form.Item>
        </>
      )}
      {(kind === 'create' || kind === 'roles') && (
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[zodRule(CreateUserInput.shape.roles, (v) => v ?? [])]}
        >
          <Select mode="multiple" options={roleOptions} placeholder={t('users.rolesPlaceholder')} />
        </Form.Item>
      )}
      {(kind === 'create' || kind === 'edit') && (
        <Form.Item
          name="phone"
          label={t('users.phone')}
          extra={kind === 'edit' ? t('users.phoneMaskedHint') : undefined}
          rules={[
            kind === 'create'
              ? zodRule(CreateUserInput.shape.phone, emptyToNull)
              : {
                  validator: async (_rule, value: unknown) => {
                    const original = dialog?.kind === 'edit' ? (dialog.user.phone ?? '') : '';
                    if (value === original) return;
                    const result = UpdateUserInput.shape.phone.safeParse(emptyToNull(value));
                    if (!result.success) throw new Error(result.error.issues[0]?.message);
                  },
                },
          ]}
        >
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
      )}
      {(kind === 'create' || kind === 'password') && (
        <Form.Item
          name="password"
          label={kind === 'create' ? t('users.password') : t('users.newPassword')}
          extra={t('users.passwordHint')}
          rules={[zodRule(CreateUserInput.shape.password, orEmpty)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      {kind === 'edit' && (
        <Form.Item name="active" label={t('users.active')} valuePropName="checked">
          <Switch checkedChildren={t('users.enabled')} unCheckedChildren={t('users.disabled')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
