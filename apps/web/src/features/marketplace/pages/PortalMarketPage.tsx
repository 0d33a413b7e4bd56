import { Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { PortalPlace } from '../../portal/components/PortalPlace.js';
import { fetchMarketItems, placePortalOrder } from '../api/market.api.js';
import { MarketOrderForm } from '../components/MarketOrderForm.js';
import { MarketShell } from '../components/MarketShell.js';
import { keepOrderCode } from '../portal-order-codes.js';

/** 民需我应 on the portal: a citizen orders a service without an account, then follows it on its own page. */
export function PortalMarketPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const items = useApi((signal) => fetchMarketItems(signal), []);
  return (
    <MarketShell>
      {items.error ? (
        <ErrorState error={items.error} onRetry={items.reload} />
      ) : !items.data ? (
        <PageLoading />
      ) : (
        <MarketOrderForm
          items={items.data.items}
          send={placePortalOrder}
          placeField={<PortalPlace />}
          onPlaced={({ order, accessCode }) => {
            keepOrderCode({ id: order.id, code: accessCode });
            navigate(`/portal/market/orders/${order.id}`);
          }}
        />
      )}
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/portal/market/merchant-application">{t('merchantApply.entry')}</Link>
      </Typography.Paragraph>
    </MarketShell>
  );
}
