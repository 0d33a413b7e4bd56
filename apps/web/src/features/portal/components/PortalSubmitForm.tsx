import { SendOutlined } from '@ant-design/icons';
import {
  CASE_TYPES,
  PORTAL_DESCRIPTION_MAX_LENGTH,
  PORTAL_MAX_PHOTOS,
  PORTAL_PHOTO_MAX_BYTES,
  PortalPhone,
  PortalSubmitInput,
} from '@shanzhi/shared';
import { Alert, Button, Checkbox, Form, Input, Radio, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { RADIO_GROUP_ROLE } from '../../../platform/forms/radio-group-role.js';
import { formFailure, zodRule } from '../../../platform/forms/zod-rules.js';
import { caseTypeLabel } from '../../cases/case-labels.js';
import type { PickedPlace } from '../../cases/components/LocationField.js';
import { submitPortalCase } from '../api/portal.api.js';
import { portalFailureText } from '../portal-failure.js';
import { PortalPhotos, photoFilesOf } from './PortalPhotos.js';
import { PortalPlace } from './PortalPlace.js';
import { PortalSuggestion } from './PortalSuggestion.js';

interface Values {
  type: string;
  title?: string;
  description?: string;
  photos?: UploadFile[];
  location?: PickedPlace | null;
  address?: string;
  citizenName?: string;
  phone?: string;
  keepPrivate?: boolean;
}

/** The fields the server's field errors may name (`photos` for the photos sent with the request). */
const FIELDS = [
  'type',
  'title',
  'description',
  'photos',
  'location',
  'address',
  'citizenName',
  'phone',
  'keepPrivate',
];
const shape = PortalSubmitInput.shape;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The request body from the form's values: empty text left out, the picked point as the location. */
function inputOf(values: Values): PortalSubmitInput {
  const place = values.location;
  return {
    type: values.type,
    title: blankToUndefined(values.title),
    description: values.description ?? '',
    citizenName: blankToUndefined(values.citizenName),
    phone: values.phone ?? '',
    address: blankToUndefined(values.address),
    keepPrivate: values.keepPrivate ?? false,
    ...(place ? { location: { longitude: place.point.lng, latitude: place.point.lat } } : {}),
  } as PortalSubmitInput;
}

/**
 * 我要反映: the citizen's request form, mobile first — what happened (with the kind of matter the platform
 * recognises while they type), photos, where (tapped on the city's map, the phone's position, or an address)
 * and how to reach them. The server registers it and answers the case number.
 */
export function PortalSubmitForm({ onSubmitted }: { onSubmitted: (number: string, phone: string) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const description = (Form.useWatch('description', form) as string | undefined) ?? '';
  const picked = Form.useWatch('location', form) as PickedPlace | null | undefined;
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(values: Values) {
    setSubmitting(true);
    setFailure(null);
    try {
      const input = inputOf(values);
      const { number } = await submitPortalCase(input, photoFilesOf(values.photos));
      onSubmitted(number, input.phone);
      form.resetFields();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RATE_LIMITED') setFailure(portalFailureText(error, t));
      else setFailure(formFailure(form, error, FIELDS, t));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ type: 'complaint', keepPrivate: false }}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
      name="portal-submit"
      aria-label={t('portal.submitTitle')}
    >
      <Form.Item
        name="type"
        label={t('portal.type')}
        rules={[{ required: true, message: t('portal.typeRequired') }, zodRule(shape.type)]}
      >
        <Radio.Group
          {...RADIO_GROUP_ROLE}
          optionType="button"
          buttonStyle="solid"
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
        >
          {CASE_TYPES.map((type) => (
            <Radio.Button key={type} value={type} style={{ borderRadius: 6 }}>
              {caseTypeLabel(type, locale)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {/* one message per mistake (an empty text fails both rules); a text past the maximum is kept as typed,
          its counter turns red and the rule names the limit, rather than the end being cut off unseen */}
      <Form.Item
        name="description"
        label={t('portal.content')}
        validateFirst
        rules={[{ required: true, message: t('portal.descriptionRequired') }, zodRule(shape.description)]}
      >
        <Input.TextArea
          rows={5}
          count={{ show: true, max: PORTAL_DESCRIPTION_MAX_LENGTH }}
          placeholder={t('portal.descriptionPlaceholder', { max: PORTAL_DESCRIPTION_MAX_LENGTH })}
        />
      </Form.Item>
      <PortalSuggestion description={description} />
      <Form.Item name="title" label={t('portal.title')} rules={[zodRule(shape.title, blankToUndefined)]}>
        <Input maxLength={50} placeholder={t('portal.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="photos"
        label={t('portal.photos')}
        extra={t('portal.photosHint', { max: PORTAL_MAX_PHOTOS, mb: PORTAL_PHOTO_MAX_BYTES / 1024 / 1024 })}
      >
        <PortalPhotos />
      </Form.Item>
      <Form.Item name="location" label={t('portal.place')}>
        <PortalPlace />
      </Form.Item>
      {/* required until a place is picked on the map: the mark follows the rule */}
      <Form.Item
        name="address"
        label={t('portal.address')}
        required={!picked}
        dependencies={['location']}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              if (!form.getFieldValue('location') && !value?.trim())
                throw new Error(t('portal.addressRequired'));
            },
          },
          zodRule(shape.address, blankToUndefined),
        ]}
      >
        <Input maxLength={200} placeholder={t('portal.addressPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="citizenName"
        label={t('portal.name')}
        rules={[zodRule(shape.citizenName, blankToUndefined)]}
      >
        <Input maxLength={30} autoComplete="name" placeholder={t('portal.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('portal.phone')}
        required
        extra={t('portal.phoneHint')}
        rules={[zodRule(PortalPhone, (v) => v ?? '')]}
      >
        <Input inputMode="tel" autoComplete="tel" maxLength={20} placeholder={t('portal.phonePlaceholder')} />
      </Form.Item>
      <Form.Item name="keepPrivate" valuePropName="checked">
        <Checkbox>{t('portal.keepPrivate')}</Checkbox>
      </Form.Item>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        icon={<SendOutlined />}
        loading={submitting}
      >
        {t('portal.submit')}
      </Button>
    </Form>
  );
}
