import type { EstateInput } from '@shanzhi/shared';
import { Form, Input, Select } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { LocationField, type PickedPlace } from '../../cases/components/LocationField.js';
import { createEstate } from '../api/iot.api.js';

const KNOWN = ['name', 'place', 'address', 'propertyCompany', 'buildings'];

interface EstateFormValues {
  name: string;
  place: PickedPlace | null;
  address?: string;
  propertyCompany?: string;
  buildings?: string[];
}

/** The request of the form: the community and point come from the place picked on the map. */
function toInput(values: EstateFormValues): EstateInput {
  const place = values.place;
  return {
    name: values.name,
    communityId: place?.located.community?.id ?? 0,
    lng: place?.point.lng ?? Number.NaN,
    lat: place?.point.lat ?? Number.NaN,
    address: values.address || undefined,
    propertyCompany: values.propertyCompany || undefined,
    buildings: values.buildings ?? [],
  };
}

/** 登记小区: an estate picked on the map (its grid and community follow from the point), with its buildings. */
export function EstateDialog({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EstateFormValues>();
  return (
    <FormModal<EstateFormValues>
      open={open}
      resetOnOpen
      title={t('iot.estates.add')}
      form={form}
      name="estate"
      known={KNOWN}
      width={720}
      onClose={onClose}
      savedMessage={t('iot.estates.created')}
      save={async (values) => {
        await createEstate(toInput(values));
        onSaved();
      }}
    >
      <Form.Item
        name="name"
        label={t('iot.estates.name')}
        rules={[{ required: true, message: t('iot.estates.name') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('iot.estates.place')}
        rules={[{ required: true, message: t('iot.estates.place') }]}
      >
        <LocationField height={280} />
      </Form.Item>
      <Form.Item name="address" label={t('iot.estates.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="propertyCompany" label={t('iot.estates.property')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="buildings" label={t('iot.estates.buildingNames')}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
      </Form.Item>
    </FormModal>
  );
}
