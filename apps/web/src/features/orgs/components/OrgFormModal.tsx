import {
  ALLOWED_PARENT_KINDS,
  CreateOrgInput,
  ORG_KINDS,
  type OrgKind,
  type UpdateOrgInput,
} from '@shanzhi/shared';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel } from '../../../i18n/labels.js';
import { formFailure, zodRule } from '../../../platform/forms/zod-rules.js';
import { createOrg, fetchOrgs, type OrgDetail, type OrgSummary, updateOrg } from '../api/orgs.api.js';

/** What the dialog does: add a child under `parent`, or change `org`. */
export type OrgFormMode = { kind: 'create'; parent: OrgDetail } | { kind: 'edit'; org: OrgDetail };

interface OrgFormValues {
  kind?: OrgKind;
  code: string;
  name: string;
  parentId?: number;
}

const FIELDS = ['kind', 'code', 'name', 'parentId'];

/** The kinds that may sit under an org of `parentKind`. */
function childKindsOf(parentKind: OrgKind): OrgKind[] {
  return ORG_KINDS.filter((kind) => ALLOWED_PARENT_KINDS[kind].includes(parentKind));
}

/** Creates a child org or edits an org's name, code and parent (with the version read, for 409s). */
export function OrgFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: OrgFormMode | null;
  onClose: () => void;
  onSaved: (org: OrgSummary) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [parentOptions, setParentOptions] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
    setFormError(null);
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'create') {
      form.setFieldsValue({ kind: childKindsOf(mode.parent.kind)[0], code: `${mode.parent.code}`, name: '' });
    } else {
      const parent = mode.org.ancestors.at(-1);
      form.setFieldsValue({ code: mode.org.code, name: mode.org.name, parentId: parent?.id });
      setParentOptions(parent ? [{ value: parent.id, label: parent.name }] : []);
    }
  }, [mode, form]);

  async function searchParents(q: string) {
    if (!q.trim()) return;
    try {
      const page = await fetchOrgs({ q: q.trim(), pageSize: 20 });
      setParentOptions(
        page.items.map((org) => ({
          value: org.id,
          label: `${org.name}（${orgKindLabel(org.kind, locale)}）`,
        })),
      );
    } catch {
      // The options simply stay as they were; the search can be typed again.
    }
  }

  async function submit(values: OrgFormValues) {
    if (!mode) return;
    setSaving(true);
    setFormError(null);
    try {
      let saved: OrgSummary;
      if (mode.kind === 'create') {
        saved = await createOrg({
          parentId: mode.parent.id,
          kind: values.kind!,
          code: values.code.trim(),
          name: values.name.trim(),
        });
      } else {
        const { org } = mode;
        const changes: UpdateOrgInput = { version: org.version };
        if (values.name.trim() !== org.name) changes.name = values.name.trim();
        if (values.code.trim() !== org.code) changes.code = values.code.trim();
        if (values.parentId !== undefined && values.parentId !== org.parentId)
          changes.parentId = values.parentId;
        saved = await updateOrg(org.id, changes);
      }
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      setFormError(formFailure(form, error, FIELDS, t));
    } finally {
      setSaving(false);
    }
  }

  const title =
    mode?.kind === 'create'
      ? t('orgs.createChildOf', { name: mode.parent.name })
      : t('orgs.editTitle', { name: mode?.org.name ?? '' });

  return (
    <Modal
      open={mode !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      forceRender
    >
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<OrgFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
      >
        {mode?.kind === 'create' && (
          <Form.Item
            name="kind"
            label={t('orgs.kind')}
            rules={[{ required: true, message: t('orgs.kindRequired') }]}
          >
            <Select
              options={childKindsOf(mode.parent.kind).map((kind) => ({
                value: kind,
                label: orgKindLabel(kind, locale),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[zodRule(CreateOrgInput.shape.name, (v) => v ?? '')]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('orgs.code')}
          extra={t('orgs.codeHint')}
          rules={[zodRule(CreateOrgInput.shape.code, (v) => v ?? '')]}
        >
          <Input maxLength={40} />
        </Form.Item>
        {mode?.kind === 'edit' && mode.org.parentId !== null && (
          <Form.Item name="parentId" label={t('orgs.parent')} extra={t('orgs.parentHint')}>
            <Select
              showSearch
              filterOption={false}
              onSearch={(q) => void searchParents(q)}
              options={parentOptions}
              placeholder={t('orgs.parentSearch')}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
