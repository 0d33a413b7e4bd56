import {
  CreateReplyTemplateInput,
  REPLY_TEMPLATE_BODY_MAX,
  REPLY_TEMPLATE_PLACEHOLDERS,
  type ReplyTemplate,
} from '@shanzhi/shared';
import { Form, Input, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { createTemplate, updateTemplate } from '../api/knowledge-admin.api.js';

/** What the dialog edits: a new template, or an existing one. */
export type TemplateDialog = { kind: 'create' } | { kind: 'edit'; template: ReplyTemplate };

interface TemplateFormValues {
  name?: string;
  categoryId?: number;
  body?: string;
  active: boolean;
}

const FIELDS = ['name', 'categoryId', 'body', 'active'];
const PLACEHOLDERS = Object.entries(REPLY_TEMPLATE_PLACEHOLDERS)
  .map(([key, label]) => `{${key}} ${label}`)
  .join('；');

/** The editor of one standard reply template (标准回复样板), with the placeholders it may use. */
export function ReplyTemplateModal({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: TemplateDialog | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<TemplateFormValues>();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.kind === 'edit') {
      const { template } = dialog;
      form.setFieldsValue({
        name: template.name,
        categoryId: template.categoryId ?? undefined,
        body: template.body,
        active: template.active,
      });
    } else form.setFieldsValue({ active: true });
  }, [dialog, form]);

  async function submit(values: TemplateFormValues) {
    if (!dialog) return;
    const fields = {
      name: (values.name ?? '').trim(),
      categoryId: values.categoryId ?? null,
      body: (values.body ?? '').trim(),
      active: values.active,
    };
    if (dialog.kind === 'create') await createTemplate(fields);
    else await updateTemplate(dialog.template.id, { version: dialog.template.version, ...fields });
    onSaved();
  }

  return (
    <FormModal<TemplateFormValues>
      open={dialog !== null}
      title={dialog?.kind === 'edit' ? t('knowledge.editTemplate') : t('knowledge.createTemplate')}
      form={form}
      name="reply-template-form"
      known={FIELDS}
      onClose={onClose}
      save={submit}
    >
      <Form.Item
        name="name"
        label={t('knowledge.templateName')}
        rules={[zodRule(CreateReplyTemplateInput.shape.name, (v) => v ?? '')]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="categoryId" label={t('knowledge.category')}>
        <CategoryTreeSelect branches placeholder={t('knowledge.categoryGeneral')} />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('knowledge.templateBody')}
        rules={[zodRule(CreateReplyTemplateInput.shape.body, (v) => v ?? '')]}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('knowledge.placeholders', { list: PLACEHOLDERS })}
          </Typography.Text>
        }
      >
        <Input.TextArea rows={8} showCount maxLength={REPLY_TEMPLATE_BODY_MAX} />
      </Form.Item>
      <Form.Item name="active" label={t('knowledge.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
