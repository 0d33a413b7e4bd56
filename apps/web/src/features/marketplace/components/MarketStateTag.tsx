import type { MarketOrderState } from '@shanzhi/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

const COLORS: Record<MarketOrderState, string> = {
  ordered: 'default',
  offered: 'gold',
  queued: 'orange',
  accepted: 'blue',
  on_the_way: 'cyan',
  in_service: 'geekblue',
  completed: 'green',
  rated: 'green',
  cancelled: 'default',
};

/** An order's state as a coloured tag. */
export function MarketStateTag({ state }: { state: MarketOrderState }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[state]} data-testid="market-state">
      {t(`market.state.${state}`)}
    </Tag>
  );
}
