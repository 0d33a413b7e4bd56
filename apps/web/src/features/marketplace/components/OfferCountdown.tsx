import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** 接单倒计时: the time left on an offer, ticking each second; 已超时 once it ran out. */
export function OfferCountdown({ until }: { until: string }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((new Date(until).getTime() - now) / 1000));
  if (left === 0) return <Typography.Text type="danger">{t('market.expired')}</Typography.Text>;
  const time = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <Typography.Text type="warning" data-testid="offer-countdown">
      {t('market.countdown', { time })}
    </Typography.Text>
  );
}
