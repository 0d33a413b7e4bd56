import { AimOutlined, SendOutlined } from '@ant-design/icons';
import { CASE_TYPES, PortalPhone, PortalSubmitInput } from '@shanzhi/shared';
import { Alert, Button, Checkbox, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { showServerFieldErrors, zodRule } from '../../../platform/forms/zod-rules.js';
import { caseTypeLabel } from '../../cases/case-labels.js';
import { type PortalSuggestion, submitPortalCase, suggestPortalCategory } from '../api/portal.api.js';

interface Values {
  type: string;
  title?: string;
  description?: string;
  address?: string;
  citizenName?: string;
  phone?: string;
  keepPrivate?: boolean;
}

const FIELDS = ['type', 'title', 'description', 'address', 'location', 'citizenName', 'phone', 'keepPrivate'];
const shape = PortalSubmitInput.shape;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * 我要反映: the citizen's request form, mobile first. The place is an address, or the phone's own position
 * (the browser's geolocation) — no map tiles needed. The server registers it and answers the case number.
 */
export function PortalSubmitForm({ onSubmitted }: { onSubmitted: (number: string, phone: string) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [location, setLocation] = useState<{ longitude: number; latitude: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<PortalSuggestion | null>(null);
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [suggestedFor, setSuggestedFor] = useState('');

  async function suggest() {
    const description = String(form.getFieldValue('description') ?? '').trim();
    if (description.length < 10 || description === suggestedFor) return;
    setSuggestedFor(description);
    const answer = await suggestPortalCategory({ description });
    setSuggestion(answer);
    if (categoryId !== undefined && !answer?.categories.some((c) => c.id === categoryId)) {
      setCategoryId(undefined);
    }
  }

  function locate() {
    if (!navigator.geolocation) {
      setLocateError(t('portal.locateUnsupported'));
      return;
    }
    setLocating(true);
    setLocateError(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setLocation({ longitude: position.coords.longitude, latitude: position.coords.latitude });
        form.validateFields(['address']).catch(() => undefined);
      },
      () => {
        setLocating(false);
        setLocateError(t('portal.locateFailed'));
      },
      { timeout: 10_000 },
    );
  }

  async function submit(values: Values) {
    setSubmitting(true);
    setFailure(null);
    try {
      const input = {
        type: values.type,
        title: blankToUndefined(values.title),
        description: values.description ?? '',
        citizenName: blankToUndefined(values.citizenName),
        phone: values.phone ?? '',
        address: blankToUndefined(values.address),
        keepPrivate: values.keepPrivate ?? false,
        ...(location ? { location } : {}),
        ...(categoryId !== undefined ? { categoryId } : {}),
      } as PortalSubmitInput;
      const { number } = await submitPortalCase(input);
      onSubmitted(number, input.phone);
      form.resetFields();
      setLocation(null);
      setSuggestion(null);
      setCategoryId(undefined);
      setSuggestedFor('');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        const rest = showServerFieldErrors(form, error, FIELDS);
        const locationError = error.fields.find((f) => f.field === 'location');
        if (locationError) setLocateError(locationError.message);
        setFailure(rest.length > 0 ? rest.join('；') : null);
      } else if (error instanceof ApiError && error.code === 'RATE_LIMITED') {
        setFailure(t('portal.rateLimited'));
      } else {
        setFailure(errorText(error, t));
      }
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
      aria-label={t('portal.submitTitle')}
    >
      <Form.Item
        name="type"
        label={t('portal.type')}
        rules={[{ required: true, message: t('portal.typeRequired') }, zodRule(shape.type)]}
      >
        <Radio.Group
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
      <Form.Item
        name="description"
        label={t('portal.content')}
        rules={[{ required: true, message: t('portal.descriptionRequired') }, zodRule(shape.description)]}
      >
        <Input.TextArea
          rows={5}
          maxLength={2000}
          showCount
          placeholder={t('portal.descriptionPlaceholder')}
          onBlur={() => void suggest()}
        />
      </Form.Item>
      {suggestion?.police && (
        <Alert type="error" showIcon message={t('portal.police')} style={{ marginBottom: 16 }} />
      )}
      {suggestion && suggestion.categories.length > 0 && (
        <div style={{ marginTop: -8, marginBottom: 16 }} data-testid="portal-suggestion">
          <Typography.Text type="secondary">{t('portal.suggested')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            {suggestion.categories.map((c) => (
              <Tag.CheckableTag
                key={c.id}
                checked={categoryId === c.id}
                onChange={(checked) => setCategoryId(checked ? c.id : undefined)}
                style={{ border: '1px solid #d9d9d9', marginBottom: 4 }}
              >
                {c.name}
              </Tag.CheckableTag>
            ))}
          </div>
        </div>
      )}
      <Form.Item name="title" label={t('portal.title')} rules={[zodRule(shape.title, blankToUndefined)]}>
        <Input maxLength={50} placeholder={t('portal.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('portal.address')}
        extra={t('portal.addressHint')}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              if (!location && !value?.trim()) throw new Error(t('portal.addressRequired'));
            },
          },
          zodRule(shape.address, blankToUndefined),
        ]}
      >
        <Input maxLength={200} placeholder={t('portal.addressPlaceholder')} />
      </Form.Item>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Button icon={<AimOutlined />} onClick={locate} loading={locating} block>
          {location ? t('portal.relocate') : t('portal.locate')}
        </Button>
        {location && (
          <Typography.Text type="success">
            {t('portal.located', { lng: location.longitude.toFixed(5), lat: location.latitude.toFixed(5) })}
          </Typography.Text>
        )}
        {locateError && <Typography.Text type="danger">{locateError}</Typography.Text>}
      </Space>
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
