import { CreateHouseInput, HOUSE_OCCUPANCIES, HOUSE_USES, type HouseView } from '@shanzhi/shared';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { createHouse, updateHouse } from '../api/registers.api.js';
import { optionsOf } from './code-labels.js';

/** What a house dialog does: register one, or edit one. */
export type HouseDialog = { kind: 'create' } | { kind: 'edit'; house: HouseView };

interface HouseFormValues {
  gridId?: number;
  address?: string;
  building?: string;
  unit?: string;
  room?: string;
  use?: CreateHouseInput['use'];
  occupancy?: CreateHouseInput['occupancy'];
  area?: number | null;
  note?: string;
}

const FIELDS = ['gridId', 'address', 'building', 'unit', 'room', 'use', 'occupancy', 'area', 'note'];
const orEmpty = (value: unknown) => value ?? '';
const { shape } = CreateHouseInput;

/** 新增/编辑房屋: the grid (of the user's scope), the address down to the flat, use and occupancy. */
export function HouseFormModal({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: HouseDialog | null;
  onClose: () => void;
  onSaved: (house: HouseView) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<HouseFormValues>();

  useEffect(() => {
    form.resetFields();
    if (dialog?.kind !== 'edit') return;
    const { house } = dialog;
    form.setFieldsValue({
      gridId: house.gridId,
      address: house.address,
      building: house.building ?? '',
      unit: house.unit ?? '',
      room: house.room ?? '',
      use: house.use,
      occupancy: house.occupancy,
      area: house.area,
      note: house.note ?? '',
    });
  }, [dialog, form]);

  async function save(values: HouseFormValues) {
    if (!dialog) return;
    const body: CreateHouseInput = {
      gridId: values.gridId!,
      address: (values.address ?? '').trim(),
      building: values.building?.trim() || undefined,
      unit: values.unit?.trim() || undefined,
      room: values.room?.trim() || undefined,
      use: values.use!,
      occupancy: values.occupancy!,
      area: values.area ?? undefined,
      location: dialog.kind === 'edit' ? (dialog.house.location ?? undefined) : undefined,
      note: values.note?.trim() || undefined,
    };
    const saved =
      dialog.kind === 'create'
        ? await createHouse(body)
        : await updateHouse(dialog.house.id, { ...body, version: dialog.house.version });
    onSaved(saved);
  }

  return (
    <FormModal<HouseFormValues>
      open={dialog !== null}
      title={dialog?.kind === 'edit' ? t('houses.editTitle') : t('houses.createTitle')}
      form={form}
      name="house-form"
      known={FIELDS}
      onClose={onClose}
      save={save}
      {...(dialog?.kind === 'create' ? { savedMessage: t('houses.created') } : {})}
    >
      <Form.Item
        name="gridId"
        label={t('registers.grid')}
        rules={[{ required: true, message: t('registers.grid') }]}
      >
        <OrgTreeSelect
          initial={
            dialog?.kind === 'edit' ? { id: dialog.house.gridId, name: dialog.house.gridName } : undefined
          }
        />
      </Form.Item>
      <Form.Item name="address" label={t('houses.address')} rules={[zodRule(shape.address, orEmpty)]}>
        <Input maxLength={100} placeholder={t('houses.addressPlaceholder')} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="building" label={t('houses.building')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="unit" label={t('houses.unit')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="room" label={t('houses.room')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="use" label={t('houses.use')} rules={[zodRule(shape.use)]}>
            <Select options={optionsOf(HOUSE_USES, locale)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="occupancy" label={t('houses.occupancy')} rules={[zodRule(shape.occupancy)]}>
            <Select options={optionsOf(HOUSE_OCCUPANCIES, locale)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="area" label={t('houses.area')}>
            <InputNumber min={1} max={100_000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('houses.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
