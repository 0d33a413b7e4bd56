import type { MarketOrderView } from '@shanzhi/shared';
import { App, Button, Flex, Input, Rate } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { actOnPortalOrder } from '../api/market.api.js';

/** 评价: 1–5 stars and a comment, once, within 7 days of completion. */
export function PortalRating({
  order,
  code,
  onDone,
}: {
  order: MarketOrderView;
  code: string;
  onDone: (order: MarketOrderView) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    try {
      onDone(await actOnPortalOrder(order, code, 'rate', { stars, comment }));
      message.success(t('marketPortal.rated'));
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setSending(false);
    }
  };
  return (
    <Flex vertical gap={8} data-testid="market-rating">
      <Rate value={stars} onChange={setStars} aria-label={t('marketPortal.stars')} />
      <Input.TextArea
        rows={2}
        maxLength={500}
        value={comment}
        placeholder={t('marketPortal.comment')}
        onChange={(e) => setComment(e.target.value)}
      />
      <Button type="primary" disabled={stars === 0} loading={sending} onClick={send}>
        {t('marketPortal.rate')}
      </Button>
    </Flex>
  );
}
