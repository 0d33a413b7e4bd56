import {
  CreateOrganisationInput,
  ORGANISATION_KINDS,
  ORGANISATION_TAGS,
  type OrganisationView,
} from '@shanzhi/shared';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { createOrganisation, updateOrganisation } from '../api/registers.api.js';
import { optionsOf } from './code-labels.js';

/** What an organisation dialog does. */
export type OrganisationDialog = { kind: 'create' } | { kind: 'edit'; organisation: OrganisationView };

interface OrganisationFormValues {
  gridId?: number;
  name?: string;
  kind?: OrganisationView['kind'];
  creditCode?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  employees?: number | null;
  tags?: OrganisationView['tags'];
  note?: string;
}

const FIELDS = [
  'gridId',
  'name',
  'kind',
  'creditCode',
  'address',
  'contactName',
  'contactPhone',
  'employees',
  'tags',
  'note',
];
const orEmpty = (value: unknown) => value ?? '';
const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const text = (value: string | undefined) => value?.trim() || undefined;
const { shape } = CreateOrganisationInput;

/** 登记/编辑单位/组织/场所; the contact's phone, shown masked, is sent only when typed anew. */
export function OrganisationFormModal({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: OrganisationDialog | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<OrganisationFormValues>();
  const editing = dialog?.kind === 'edit' ? dialog.organisation : null;

  useEffect(() => {
    form.resetFields();
    if (!editing) return;
    form.setFieldsValue({
      gridId: editing.gridId,
      name: editing.name,
      kind: editing.kind,
      creditCode: editing.creditCode ?? '',
      address: editing.address,
      contactName: editing.contactName ?? '',
      employees: editing.employees,
      tags: editing.tags,
      note: editing.note ?? '',
    });
  }, [editing, form]);

  async function save(values: OrganisationFormValues) {
    const fields = {
      gridId: values.gridId!,
      name: (values.name ?? '').trim(),
      kind: values.kind!,
      creditCode: text(values.creditCode),
      address: (values.address ?? '').trim(),
      location: editing?.location ?? undefined,
      contactName: text(values.contactName),
      employees: values.employees ?? undefined,
      tags: values.tags ?? [],
      note: text(values.note),
    };
    if (editing) {
      await updateOrganisation(editing.id, {
        ...fields,
        version: editing.version,
        ...(text(values.contactPhone) && { contactPhone: text(values.contactPhone)! }),
      });
    } else {
      await createOrganisation({ ...fields, contactPhone: text(values.contactPhone) });
    }
    onSaved();
  }

  return (
    <FormModal<OrganisationFormValues>
      open={dialog !== null}
      title={editing ? t('organisations.editTitle') : t('organisations.createTitle')}
      form={form}
      name="organisation-form"
      known={FIELDS}
      width={720}
      onClose={onClose}
      save={save}
      {...(editing ? {} : { savedMessage: t('organisations.created') })}
    >
      <Form.Item
        name="gridId"
        label={t('registers.grid')}
        rules={[{ required: true, message: t('registers.grid') }]}
      >
        <OrgTreeSelect initial={editing ? { id: editing.gridId, name: editing.gridName } : undefined} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="name" label={t('organisations.name')} rules={[zodRule(shape.name, orEmpty)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="kind" label={t('organisations.kind')} rules={[zodRule(shape.kind)]}>
            <Select options={optionsOf(ORGANISATION_KINDS, locale)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="creditCode"
            label={t('organisations.creditCode')}
            rules={[zodRule(shape.creditCode, emptyToUndefined)]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="tags" label={t('organisations.tags')}>
            <Select mode="multiple" allowClear options={optionsOf(ORGANISATION_TAGS, locale)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('organisations.address')} rules={[zodRule(shape.address, orEmpty)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="contactName" label={t('organisations.contactName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="contactPhone"
            label={t('organisations.contactPhone')}
            extra={
              editing?.contactPhone ? t('residents.keepNumber', { masked: editing.contactPhone }) : undefined
            }
            rules={[zodRule(shape.contactPhone, emptyToUndefined)]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="employees" label={t('organisations.employees')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('residents.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
