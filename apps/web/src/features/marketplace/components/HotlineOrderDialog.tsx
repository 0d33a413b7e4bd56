import type { PlacedMarketOrder } from '@shanzhi/shared';
import { Button, Modal, Result } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { LocationField } from '../../cases/components/LocationField.js';
import { fetchMarketItems, placeHotlineOrder } from '../api/market.api.js';
import { MarketOrderForm, type MarketOrderValues } from './MarketOrderForm.js';

/**
 * 便民服务下单 from the intake screen: when the caller asks for a service rather than complains, the agent orders
 * it for him — the call's number, name and place filled in — and the platform dispatches it at once. The
 * answer says whom it was offered to, or that the centre's queue has it; `onDone` starts the next call.
 */
export function HotlineOrderDialog({
  open,
  caller,
  onClose,
  onDone,
}: {
  open: boolean;
  /** what the intake form already knows of the call */
  caller: Partial<MarketOrderValues>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const items = useApi((signal) => (open ? fetchMarketItems(signal) : Promise.resolve(null)), [open]);
  const [placed, setPlaced] = useState<PlacedMarketOrder | null>(null);
  const close = () => {
    setPlaced(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('hotlineOrder.title')}
      width={680}
      footer={null}
      onCancel={close}
      destroyOnHidden
    >
      {placed ? (
        <Result
          status="success"
          title={t('hotlineOrder.placed', { number: placed.order.number })}
          subTitle={
            placed.order.merchantName
              ? t('hotlineOrder.offered', { merchant: placed.order.merchantName })
              : t('hotlineOrder.queued')
          }
          extra={[
            <Link key="orders" to="/market/orders">
              {t('hotlineOrder.toOrders')}
            </Link>,
            <Button
              key="next"
              type="primary"
              onClick={() => {
                setPlaced(null);
                onDone();
              }}
            >
              {t('hotlineOrder.next')}
            </Button>,
          ]}
        />
      ) : items.error ? (
        <ErrorState error={items.error} onRetry={items.reload} compact />
      ) : !items.data ? (
        <PageLoading />
      ) : (
        <MarketOrderForm
          items={items.data.items}
          send={placeHotlineOrder}
          placeField={<LocationField height={260} />}
          initialValues={caller}
          onPlaced={setPlaced}
        />
      )}
    </Modal>
  );
}
