import {
  CreateResidentInput,
  HOUSEHOLD_RELATIONS,
  POPULATION_TYPES,
  RESIDENCE_STATUSES,
  RESIDENT_FLAGS,
  type ResidentFlag,
  type ResidentView,
  UpdateResidentInput,
} from '@shanzhi/shared';
import { Col, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { createResident, updateResident } from '../api/registers.api.js';
import { optionsOf } from './code-labels.js';
import { HouseSelect } from './HouseSelect.js';

/** What a resident dialog does: register one (in a house chosen, or given), or edit one. */
export type ResidentDialog =
  | { kind: 'create'; house?: { id: number; label: string } }
  | { kind: 'edit'; resident: ResidentView };

interface ResidentFormValues {
  houseId?: number;
  name?: string;
  idNumber?: string;
  phone?: string;
  ethnicity?: string;
  householdRelation?: ResidentView['householdRelation'];
  populationType?: ResidentView['populationType'];
  residenceStatus?: ResidentView['residenceStatus'];
  registeredAddress?: string;
  currentAddress?: string;
  employer?: string;
  flags?: ResidentFlag[];
  note?: string;
}

const FIELDS = [
  'houseId',
  'name',
  'idNumber',
  'phone',
  'ethnicity',
  'householdRelation',
  'populationType',
  'residenceStatus',
  'registeredAddress',
  'currentAddress',
  'employer',
  'flags',
  'note',
];
const orEmpty = (value: unknown) => value ?? '';
const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const text = (value: string | undefined) => value?.trim() || undefined;

/**
 * 登记/编辑实有人口. The numbers are never shown in full here: editing one means typing it anew (left empty, it
 * stays as it is), so the form never holds a number the user did not type.
 */
export function ResidentFormModal({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: ResidentDialog | null;
  onClose: () => void;
  onSaved: (resident: ResidentView) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ResidentFormValues>();
  const editing = dialog?.kind === 'edit' ? dialog.resident : null;

  useEffect(() => {
    form.resetFields();
    if (dialog?.kind === 'create' && dialog.house) form.setFieldsValue({ houseId: dialog.house.id });
    if (dialog?.kind !== 'edit') return;
    const r = dialog.resident;
    form.setFieldsValue({
      houseId: r.houseId,
      name: r.name,
      ethnicity: r.ethnicity ?? '',
      householdRelation: r.householdRelation,
      populationType: r.populationType,
      residenceStatus: r.residenceStatus,
      registeredAddress: r.registeredAddress ?? '',
      currentAddress: r.currentAddress ?? '',
      employer: r.employer ?? '',
      flags: r.flags,
      note: r.note ?? '',
    });
  }, [dialog, form]);

  async function save(values: ResidentFormValues) {
    if (!dialog) return;
    const fields = {
      houseId: values.houseId!,
      name: (values.name ?? '').trim(),
      ethnicity: text(values.ethnicity),
      householdRelation: values.householdRelation ?? undefined,
      populationType: values.populationType!,
      residenceStatus: values.residenceStatus ?? undefined,
      registeredAddress: text(values.registeredAddress),
      currentAddress: text(values.currentAddress),
      employer: text(values.employer),
      flags: values.flags ?? [],
      note: text(values.note),
    };
    const saved = editing
      ? await updateResident(editing.id, {
          ...fields,
          version: editing.version,
          ...(text(values.idNumber) && { idNumber: text(values.idNumber)! }),
          ...(text(values.phone) && { phone: text(values.phone)! }),
        })
      : await createResident({ ...fields, idNumber: values.idNumber ?? '', phone: text(values.phone) });
    onSaved(saved);
  }

  const flagOptions = (['care', 'attention'] as const).map((group) => ({
    label: group === 'care' ? t('residents.flagCare') : t('residents.flagAttention'),
    options: RESIDENT_FLAGS.filter((f) => f.group === group).map((f) => ({
      value: f.code,
      label: locale === 'en' ? f.en : f.zh,
    })),
  }));
  const initialHouse = editing
    ? { id: editing.houseId, label: editing.houseLabel }
    : dialog?.kind === 'create'
      ? dialog.house
      : undefined;

  return (
    <FormModal<ResidentFormValues>
      open={dialog !== null}
      title={editing ? t('residents.editTitle') : t('residents.createTitle')}
      form={form}
      name="resident-form"
      known={FIELDS}
      width={760}
      onClose={onClose}
      save={save}
      {...(editing ? {} : { savedMessage: t('residents.created') })}
    >
      <Form.Item
        name="houseId"
        label={t('residents.house')}
        rules={[{ required: true, message: t('residents.house') }]}
      >
        <HouseSelect initial={initialHouse} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="name"
            label={t('residents.name')}
            rules={[zodRule(CreateResidentInput.shape.name, orEmpty)]}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="idNumber"
            label={t('registers.idNumber')}
            extra={editing ? t('residents.keepNumber', { masked: editing.idNumber }) : undefined}
            rules={[
              zodRule(
                editing ? UpdateResidentInput.shape.idNumber : CreateResidentInput.shape.idNumber,
                editing ? emptyToUndefined : orEmpty,
              ),
            ]}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="phone"
            label={t('registers.phone')}
            extra={editing?.phone ? t('residents.keepNumber', { masked: editing.phone }) : undefined}
            rules={[zodRule(CreateResidentInput.shape.phone, emptyToUndefined)]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="ethnicity" label={t('residents.ethnicity')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="householdRelation" label={t('residents.householdRelation')}>
            <Select allowClear options={optionsOf(HOUSEHOLD_RELATIONS, locale)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="populationType"
            label={t('residents.populationType')}
            rules={[zodRule(CreateResidentInput.shape.populationType)]}
          >
            <Select options={optionsOf(POPULATION_TYPES, locale)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="residenceStatus" label={t('residents.residenceStatus')}>
            <Select allowClear options={optionsOf(RESIDENCE_STATUSES, locale)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="flags" label={t('residents.flags')}>
        <Select mode="multiple" allowClear options={flagOptions} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="registeredAddress" label={t('residents.registeredAddress')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="currentAddress" label={t('residents.currentAddress')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="employer" label={t('residents.employer')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label={t('residents.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
