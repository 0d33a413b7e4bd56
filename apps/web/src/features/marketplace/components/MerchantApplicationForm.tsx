import {
  CreditCode,
  type MarketItemView,
  type MerchantApplicationSubmitted,
  MerchantPhone,
} from '@shanzhi/shared';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure, zodRule } from '../../../platform/forms/zod-rules.js';
import { PortalPlace } from '../../portal/components/PortalPlace.js';
import { applyAsMerchant } from '../api/merchants.api.js';
import {
  applicationInputOf,
  type MerchantApplicationValues,
  OPENING_CLOCKS,
} from '../merchant-application.js';
import { ServiceAreaSelect } from './ServiceAreaSelect.js';

/** The form's fields the server's field errors may name. */
const KNOWN_FIELDS = [
  'name',
  'licenceNo',
  'contactName',
  'contactPhone',
  'itemIds',
  'areaOrgIds',
  'baseLocation',
  'radiusKm',
  'opensAt',
  'closesAt',
];

/**
 * 商户入驻申请: who the merchant is (name, licence, contact), the items it offers with a price or range for each,
 * the districts it covers (and, optionally, a radius around its own place) and its hours.
 */
export function MerchantApplicationForm({
  items,
  areas,
  onSubmitted,
}: {
  items: MarketItemView[];
  areas: { id: number; name: string }[];
  onSubmitted: (submitted: MerchantApplicationSubmitted) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<MerchantApplicationValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const chosen: number[] = Form.useWatch('itemIds', form) ?? [];

  async function submit(values: MerchantApplicationValues) {
    setSending(true);
    setFailure(null);
    try {
      onSubmitted(await applyAsMerchant(applicationInputOf(values)));
    } catch (error) {
      setFailure(formFailure(form, error, KNOWN_FIELDS, t));
    } finally {
      setSending(false);
    }
  }

  const clocks = OPENING_CLOCKS.map((c) => ({ value: c, label: c }));
  return (
    <Form<MerchantApplicationValues>
      form={form}
      name="merchant-application"
      aria-label={t('merchantApply.title')}
      layout="vertical"
      initialValues={{ opensAt: '08:00', closesAt: '20:00' }}
      onFinish={submit}
    >
      <Form.Item
        name="name"
        label={t('merchantApply.name')}
        rules={[{ required: true, message: t('merchantApply.nameRequired') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="licenceNo" label={t('merchantApply.licenceNo')} required rules={[zodRule(CreditCode)]}>
        <Input maxLength={20} autoCapitalize="characters" />
      </Form.Item>
      <Form.Item
        name="contactName"
        label={t('merchantApply.contactName')}
        rules={[{ required: true, message: t('merchantApply.contactNameRequired') }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('merchantApply.contactPhone')}
        extra={t('merchantApply.phoneHint')}
        required
        rules={[zodRule(MerchantPhone)]}
      >
        <Input inputMode="tel" maxLength={11} />
      </Form.Item>
      <Form.Item
        name="itemIds"
        label={t('merchantApply.items')}
        rules={[{ required: true, message: t('merchantApply.itemsRequired') }]}
      >
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={items.filter((i) => i.needsMerchant).map((i) => ({ value: i.id, label: i.name }))}
        />
      </Form.Item>
      {chosen.map((itemId) => {
        const item = items.find((i) => i.id === itemId);
        return (
          <Form.Item key={itemId} label={t('merchantApply.price', { item: item?.name ?? '' })} required>
            <Space.Compact block>
              <Form.Item
                noStyle
                name={['prices', String(itemId), 'min']}
                rules={[{ required: true, message: t('merchantApply.priceRequired') }]}
              >
                <InputNumber
                  min={0}
                  max={100_000}
                  placeholder={t('merchantApply.priceMin')}
                  aria-label={`${item?.name} ${t('merchantApply.priceMin')}`}
                  style={{ width: '50%' }}
                />
              </Form.Item>
              <Form.Item
                noStyle
                name={['prices', String(itemId), 'max']}
                dependencies={[['prices', String(itemId), 'min']]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_rule, max: number | null) => {
                      const min = getFieldValue(['prices', String(itemId), 'min']) as number | null;
                      if (max !== null && max !== undefined && min !== null && min !== undefined && max < min)
                        throw new Error(t('merchantApply.priceOrder'));
                    },
                  }),
                ]}
              >
                <InputNumber
                  min={0}
                  max={100_000}
                  placeholder={t('merchantApply.priceMax')}
                  aria-label={`${item?.name} ${t('merchantApply.priceMax')}`}
                  style={{ width: '50%' }}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        );
      })}
      <Form.Item
        name="areaOrgIds"
        label={t('merchantApply.areas')}
        rules={[{ required: true, message: t('merchantApply.areasRequired') }]}
      >
        <ServiceAreaSelect districts={areas} />
      </Form.Item>
      <Form.Item name="base" label={t('merchantApply.base')} extra={t('merchantApply.baseHint')}>
        <PortalPlace />
      </Form.Item>
      <Form.Item name="radiusKm" label={t('merchantApply.radiusKm')}>
        <InputNumber
          min={0.5}
          max={50}
          step={0.5}
          addonAfter={t('merchantApply.km')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="opensAt" label={t('merchantApply.opensAt')} style={{ width: '50%' }}>
          <Select options={clocks.slice(0, -1)} />
        </Form.Item>
        <Form.Item name="closesAt" label={t('merchantApply.closesAt')} style={{ width: '50%' }}>
          <Select options={clocks.slice(1)} />
        </Form.Item>
      </Space.Compact>
      <Typography.Paragraph type="secondary">{t('merchantApply.notice')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" block loading={sending}>
        {t('merchantApply.submit')}
      </Button>
    </Form>
  );
}
