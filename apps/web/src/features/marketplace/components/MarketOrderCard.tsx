import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import type { MarketOrderView } from '@shanzhi/shared';
import { Button, Card, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { wantedTimeText } from '../wanted-time.js';
import { CompletionPhoto } from './CompletionPhoto.js';
import { MarketActionButtons } from './MarketActionButtons.js';
import { MarketStateTag } from './MarketStateTag.js';
import { OfferCountdown } from './OfferCountdown.js';

/** The map's navigation link to an order's point (高德 URI, GCJ-02 as the order holds it). */
function navigationUrl(order: MarketOrderView): string {
  const { longitude, latitude } = order.location;
  return `https://uri.amap.com/marker?position=${longitude},${latitude}&name=${encodeURIComponent(order.address)}`;
}

/** An order on the merchant's phone: item, place, contact, the offer's countdown, and his buttons. */
export function MarketOrderCard({
  order,
  onChanged,
}: {
  order: MarketOrderView;
  onChanged: (order: MarketOrderView) => void;
}) {
  const { t } = useI18n();
  const answers = Object.values(order.answers).filter(Boolean);
  return (
    <Card
      size="small"
      data-testid={`market-order-${order.number}`}
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <span>{order.itemName}</span>
          <MarketStateTag state={order.state} />
        </Flex>
      }
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">
          {order.number} · {dayjs(order.createdAt).format('MM-DD HH:mm')}
        </Typography.Text>
        <Typography.Text>
          <EnvironmentOutlined /> {order.address}{' '}
          <Button type="link" size="small" href={navigationUrl(order)} target="_blank" rel="noreferrer">
            {t('market.navigate')}
          </Button>
        </Typography.Text>
        <Typography.Text data-testid="market-phone">
          <PhoneOutlined /> {order.contactName ?? ''} {order.phone}
        </Typography.Text>
        <Typography.Text data-testid="market-wanted-at">
          {t('market.wantedAt')}：{wantedTimeText(order.wantedAt, t('marketPortal.wantedNow'))}
        </Typography.Text>
        {answers.length > 0 && <Typography.Text>{answers.join('；')}</Typography.Text>}
        {order.state === 'offered' && order.offerExpiresAt && <OfferCountdown until={order.offerExpiresAt} />}
        {order.price !== null && (
          <Typography.Text>
            {t('market.price')}：{order.price}
          </Typography.Text>
        )}
        {order.completionPhotoUrl && <CompletionPhoto url={order.completionPhotoUrl} />}
        <MarketActionButtons order={order} onDone={onChanged} />
      </Flex>
    </Card>
  );
}
