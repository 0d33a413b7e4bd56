import {
  ALLOWED_PARENT_KINDS,
  CreateOrgInput,
  ORG_KINDS,
  type OrgKind,
  type UpdateOrgInput,
} from '@shanzhi/shared';
import { Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel } from '../../../i18n/labels.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
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

/** Creates the child org, or sends the changed fields of the org with the version read (for 409s). */
function saveOrg(mode: OrgFormMode, values: OrgFormValues): Promise<OrgSummary> {
  if (mode.kind === 'create') {
    return createOrg({
      parentId: mode.parent.id,
      kind: values.kind!,
      code: values.code.trim(),
      name: values.name.trim(),
    });
  }
  const { org } = mode;
  const changes: UpdateOrgInput = { version: org.version };
  if (values.name.trim() !== org.name) changes.name = values.name.trim();
  if (values.code.trim() !== org.code) changes.code = values.code.trim();
  if (values.parentId !== undefined && values.parentId !== org.parentId) changes.parentId = values.parentId;
  return updateOrg(org.id, changes);
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
  const [form] = Form.useForm<OrgFormValues>();
  const [parentOptions, setParentOptions] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
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

  async function save(values: OrgFormValues) {
    if (!mode) return;
    onSaved(await saveOrg(mode, values));
  }

  const title =
    mode?.kind === 'create'
      ? t('orgs.createChildOf', { name: mode.parent.name })
      : t('orgs.editTitle', { name: mode?.org.name ?? '' });

  return (
    <FormModal<OrgFormValues>
      open={mode !== null}
      title={title}
      form={form}
      name="org-form"
      known={FIELDS}
      width={520}
      onClose={onClose}
      save={save}
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
    </FormModal>
  );
}
