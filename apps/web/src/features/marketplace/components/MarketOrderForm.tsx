import type { MarketItemView, PlacedMarketOrder, PlaceMarketOrderInput } from '@shanzhi/shared';
import { Alert, Button, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { formFailure } from '../../../platform/forms/zod-rules.js';
import type { PickedPlace } from '../../cases/components/LocationField.js';
import { isBookableDay, isBookableTime, type WantedChoice, wantedAtOf } from '../wanted-time.js';

/** What the order form holds. */
export interface MarketOrderValues {
  itemId: number;
  place: PickedPlace | null;
  address: string;
  phone: string;
  contactName?: string;
  answers?: Record<string, string>;
  /** 立即 or 预约 */
  wanted?: WantedChoice;
  /** 期望时间 of a booking */
  wantedAt?: Dayjs;
}

/** The form's fields the server's field errors may name. */
const KNOWN_FIELDS = ['itemId', 'address', 'phone', 'contactName', 'wantedAt'];

/**
 * 下单: the item and its questions, the place, the address and phone. The citizen's on the portal (the place from
 * his phone's position or the map) and the 12345 agent's for a caller (the map, the call's details filled in).
 */
export function MarketOrderForm({
  items,
  send,
  placeField,
  initialValues,
  onPlaced,
}: {
  items: MarketItemView[];
  /** places the order by the caller's route */
  send: (input: PlaceMarketOrderInput) => Promise<PlacedMarketOrder>;
  /** the control that picks the place */
  placeField: ReactNode;
  initialValues?: Partial<MarketOrderValues>;
  onPlaced: (placed: PlacedMarketOrder) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<MarketOrderValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const itemId = Form.useWatch('itemId', form);
  const item = items.find((i) => i.id === itemId);
  const wanted = Form.useWatch('wanted', form);

  async function submit(values: MarketOrderValues) {
    setSending(true);
    setFailure(null);
    try {
      const point = values.place!.point;
      onPlaced(
        await send({
          itemId: values.itemId,
          address: values.address,
          location: { longitude: point.lng, latitude: point.lat },
          phone: values.phone,
          contactName: values.contactName,
          answers: values.answers,
          wantedAt: wantedAtOf(values.wanted, values.wantedAt),
        }),
      );
    } catch (error) {
      const questions = (item?.questions ?? []).map((q) => `answers.${q.key}`);
      setFailure(formFailure(form, error, [...KNOWN_FIELDS, ...questions], t));
    } finally {
      setSending(false);
    }
  }

  return (
    <Form<MarketOrderValues>
      form={form}
      name="market-order"
      aria-label={t('marketPortal.formLabel')}
      layout="vertical"
      initialValues={{ wanted: 'now', ...initialValues }}
      onFinish={submit}
      onValuesChange={(changed: Partial<MarketOrderValues>) => {
        // the place's area fills an empty address
        if (changed.place && !form.getFieldValue('address'))
          form.setFieldValue('address', changed.place.areaName);
      }}
    >
      <Form.Item
        name="itemId"
        label={t('marketPortal.item')}
        rules={[{ required: true, message: t('marketPortal.itemRequired') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={items.map((i) => ({ value: i.id, label: i.name }))}
        />
      </Form.Item>
      {item && (
        <Typography.Paragraph type="secondary">
          {item.description}
          {item.priceMax > 0 &&
            ` · ${t('marketPortal.priceRange', { min: item.priceMin, max: item.priceMax })}`}
        </Typography.Paragraph>
      )}
      {item?.questions.map((q) => (
        <Form.Item
          key={q.key}
          name={['answers', q.key]}
          label={q.label}
          rules={
            q.required ? [{ required: true, message: `${t('marketPortal.answerRequired')}${q.label}` }] : []
          }
        >
          <Input maxLength={200} />
        </Form.Item>
      ))}
      <Form.Item
        name="place"
        label={t('marketPortal.place')}
        rules={[{ required: true, message: t('marketPortal.placeRequired') }]}
      >
        {placeField}
      </Form.Item>
      <Form.Item
        name="address"
        label={t('marketPortal.address')}
        rules={[{ required: true, message: t('marketPortal.addressRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('marketPortal.phone')}
        rules={[{ required: true, message: t('marketPortal.phoneRequired') }]}
      >
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="contactName" label={t('marketPortal.contactName')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="wanted" label={t('market.wantedAt')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'now', label: t('marketPortal.wantedNow') },
            { value: 'booked', label: t('marketPortal.wantedBooked') },
          ]}
        />
      </Form.Item>
      {wanted === 'booked' && (
        <Form.Item
          name="wantedAt"
          label={t('marketPortal.wantedTime')}
          rules={[
            { required: true, message: t('marketPortal.wantedTimeRequired') },
            {
              validator: (_, at?: Dayjs) =>
                !at || isBookableTime(at, dayjs())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('marketPortal.wantedTimeRange'))),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(day) => !isBookableDay(day, dayjs())}
          />
        </Form.Item>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" block loading={sending}>
        {t('marketPortal.submit')}
      </Button>
    </Form>
  );
}
