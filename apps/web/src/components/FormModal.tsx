import { Alert, Form, type FormInstance, Modal } from 'antd';
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { type FormSave, useSaveForm } from '../platform/forms/use-save-form.js';

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
  savedMessage,
  okText,
  resetOnOpen = false,
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
  save: FormSave<V>;
  /** the toast after a save, when 「已保存」 does not say it (「已创建」) */
  savedMessage?: string;
  /** the confirm button, when 「保存」 does not say what it does (「发出督办」) */
  okText?: string;
  /** each opening starts from the form's initial values (a dialog that adds a new thing each time) */
  resetOnOpen?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { saving, formError, setFormError, submit } = useSaveForm(form, known, save, savedMessage);
  const [openings, setOpenings] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a dialog opened again starts without the old error
  useEffect(() => {
    if (!open) return;
    if (resetOnOpen) form.resetFields();
    setFormError(null);
    setOpenings((n) => n + 1);
  }, [open]);

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      confirmLoading={saving}
      // the buttons anew at each opening: the spinner of the last save, hidden as the dialog closed, would
      // otherwise stay in the confirm button (its fade-out never ends), and its name would read 「loading …」
      footer={(_, { OkBtn, CancelBtn }) => (
        <Fragment key={openings}>
          <CancelBtn />
          <OkBtn />
        </Fragment>
      )}
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
