import type { MarketMerchantView } from '@shanzhi/shared';
import { Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { MerchantStatusTag } from './MerchantStatusTag.js';

/** A merchant's application and standing: who, what at which price, where, when, its score and last review. */
export function MerchantDetail({ merchant: m }: { merchant: MarketMerchantView }) {
  const { t } = useI18n();
  const priceOf = (itemId: number) => {
    const p = m.prices.find((x) => x.itemId === itemId);
    if (!p) return '';
    return p.min === p.max ? `${p.min} 元` : `${p.min}–${p.max} 元`;
  };
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('merchants.applicationNumber')}>{m.applicationNumber}</Descriptions.Item>
      <Descriptions.Item label={t('merchants.status')}>
        <MerchantStatusTag status={m.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('merchantApply.licenceNo')}>{m.licenceNo}</Descriptions.Item>
      <Descriptions.Item label={t('merchantApply.contactName')}>{m.contactName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('merchantApply.contactPhone')}>{m.contactPhone}</Descriptions.Item>
      <Descriptions.Item label={t('merchants.itemsAndPrices')}>
        {m.items.map((i) => (
          <div key={i.id}>
            {i.name} {priceOf(i.id)}
          </div>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('merchantApply.areas')}>
        {m.areas.map((a) => a.name).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={t('merchantApply.radiusKm')}>
        {m.baseLocation && m.radiusKm !== null
          ? t('merchants.radiusAround', {
              km: m.radiusKm,
              lng: m.baseLocation.longitude.toFixed(5),
              lat: m.baseLocation.latitude.toFixed(5),
            })
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('merchants.hours')}>
        {m.opensAt}–{m.closesAt}
      </Descriptions.Item>
      <Descriptions.Item label={t('merchants.score')}>
        {m.score.toFixed(1)} {m.needsReview && <Tag color="orange">{t('merchants.needsReview')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('merchants.reviewNote')}>{m.reviewNote ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('merchants.staff')}>{m.staffUsernames.join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('merchants.appliedAt')}>
        {dayjs(m.createdAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
    </Descriptions>
  );
}
