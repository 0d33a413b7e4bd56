import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Input, Rate, Result, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { actOnPortalOrder, fetchPortalOrder } from '../api/market.api.js';
import { CompletionPhoto } from '../components/CompletionPhoto.js';
import { MarketShell } from '../components/MarketShell.js';
import { MarketStateTag } from '../components/MarketStateTag.js';
import { MarketTimeline } from '../components/MarketTimeline.js';
import { PortalRating } from '../components/PortalRating.js';
import { keptOrderCode } from '../portal-order-codes.js';

/** How often the page looks again while the order is still moving. */
const POLL_MS = 5_000;

/** 我的订单: the citizen's order by the code this browser kept — its state, merchant, timeline; cancel and rate. */
export function PortalMarketOrderPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const id = Number(useParams().id);
  const code = keptOrderCode(id);
  const order = useApi(
    (signal) => (code ? fetchPortalOrder(id, code, signal) : Promise.resolve(null)),
    [id, code],
  );
  const { reload } = order;
  const moving = order.data && !['completed', 'rated', 'cancelled'].includes(order.data.state);
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [moving, reload]);

  if (!code) {
    return (
      <MarketShell>
        <Result
          status="warning"
          title={t('marketPortal.noCode')}
          extra={<Link to="/portal/market">{t('marketPortal.back')}</Link>}
        />
      </MarketShell>
    );
  }
  if (order.error)
    return (
      <MarketShell>
        <ErrorState error={order.error} onRetry={reload} />
      </MarketShell>
    );
  const o = order.data;
  if (!o)
    return (
      <MarketShell>
        <PageLoading />
      </MarketShell>
    );

  /** 取消 asks why; 投诉 asks what went wrong (it becomes a 12345 case). */
  const ask = (action: 'cancel' | 'complain') => {
    const field = action === 'cancel' ? 'reason' : 'content';
    const label = t(action === 'cancel' ? 'marketPortal.cancelReason' : 'marketPortal.complaintContent');
    let text = '';
    modal.confirm({
      title: t(action === 'cancel' ? 'marketPortal.cancel' : 'marketPortal.complain'),
      content: (
        <Input.TextArea
          rows={3}
          aria-label={label}
          placeholder={label}
          onChange={(e) => {
            text = e.target.value;
          }}
        />
      ),
      onOk: async () => {
        try {
          order.setData(await actOnPortalOrder(o, code, action, { [field]: text }));
        } catch (error) {
          message.error(errorText(error, t));
          throw error;
        }
      },
    });
  };

  return (
    <MarketShell>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="market-order-number">
            {o.number}
          </Typography.Title>
          <Flex gap={8} align="center">
            <MarketStateTag state={o.state} />
            <Button
              size="small"
              icon={<ReloadOutlined />}
              aria-label={t('market.refresh')}
              onClick={reload}
            />
          </Flex>
        </Flex>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('market.item')}>{o.itemName}</Descriptions.Item>
          <Descriptions.Item label={t('market.address')}>{o.address}</Descriptions.Item>
          <Descriptions.Item label={t('market.merchant')}>{o.merchantName ?? '—'}</Descriptions.Item>
          {o.price !== null && <Descriptions.Item label={t('market.price')}>{o.price}</Descriptions.Item>}
          {o.completionPhotoUrl && (
            <Descriptions.Item label={t('market.completionPhoto')}>
              <CompletionPhoto url={o.completionPhotoUrl} code={code} />
            </Descriptions.Item>
          )}
          {o.stars !== null && (
            <Descriptions.Item label={t('marketPortal.stars')}>
              <Rate disabled value={o.stars} /> {o.ratingComment}
            </Descriptions.Item>
          )}
        </Descriptions>
        {o.actions.includes('rate') && <PortalRating order={o} code={code} onDone={order.setData} />}
        {o.actions.includes('cancel') && (
          <Button danger onClick={() => ask('cancel')}>
            {t('marketPortal.cancel')}
          </Button>
        )}
        {o.actions.includes('complain') && (
          <Button onClick={() => ask('complain')}>{t('marketPortal.complain')}</Button>
        )}
        {o.caseNumber && (
          <Typography.Text type="secondary" data-testid="market-complaint-case">
            {t('marketPortal.complaintCase', { number: o.caseNumber })}
          </Typography.Text>
        )}
        <MarketTimeline order={o} />
        <Link to="/portal/market">{t('marketPortal.back')}</Link>
      </Flex>
    </MarketShell>
  );
}
