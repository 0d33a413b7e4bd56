import type { MarketMerchantStatus } from '@shanzhi/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

const COLORS: Record<MarketMerchantStatus, string> = {
  applied: 'blue',
  approved: 'green',
  refused: 'default',
  suspended: 'orange',
  removed: 'red',
};

/** A merchant's status as a coloured tag. */
export function MerchantStatusTag({ status }: { status: MarketMerchantStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`merchants.status.${status}`)}</Tag>;
}
