import type { MarketOrderAction, MarketOrderView } from '@shanzhi/shared';
import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** 订单进程: every event of the order — each offer to a merchant and how it ended — oldest first. */
export function MarketTimeline({ order }: { order: MarketOrderView }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="market-timeline"
      items={order.timeline.map((e) => {
        const merchant = typeof e.changes.merchantName === 'string' ? e.changes.merchantName : null;
        return {
          key: e.seq,
          children: (
            <>
              <Typography.Text strong>{t(`market.event.${e.action as MarketOrderAction}`)}</Typography.Text>
              {merchant && <Typography.Text> · {merchant}</Typography.Text>}
              <Typography.Text type="secondary">
                {' '}
                {e.actorName} · {dayjs(e.at).format('MM-DD HH:mm:ss')}
              </Typography.Text>
              {e.note && <div>{e.note}</div>}
            </>
          ),
        };
      })}
    />
  );
}
