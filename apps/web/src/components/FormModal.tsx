import { Alert, App, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { formFailure } from '../platform/forms/zod-rules.js';

/**
 * A dialog holding one vertical form that saves through the API: 「保存」 submits the form, `save` sends it;
 * on success a 「已保存」 toast, on failure the server's field errors on the fields of `known` and the rest
 * above the form. `save` closes the dialog itself (through the caller's state) when it is done.
 */
export function FormModal<V>({
  open,
  title,
  form,
  name,
  known,
  width = 680,
  onClose,
  save,
  children,
}: {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  /** the form's name (prefix of its fields' ids) */
  name: string;
  /** the fields the form shows, for the server's field errors */
  known: readonly string[];
  width?: number;
  onClose: () => void;
  save: (values: V) => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setFormError(null);
  }, [open]);

  async function submit(values: V) {
    setSaving(true);
    setFormError(null);
    try {
      await save(values);
      message.success(t('common.saved'));
    } catch (error) {
      setFormError(formFailure(form, error, known, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      forceRender
      width={width}
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        name={name}
      >
        {children}
      </Form>
    </Modal>
  );
}
