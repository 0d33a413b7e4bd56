import type { MerchantApplicationSubmitted } from '@shanzhi/shared';
import { Button, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { ResultHeading } from '../../../components/ResultHeading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { publicAreasBelow } from '../../portal/api/portal-map.api.js';
import { fetchMarketItems } from '../api/market.api.js';
import { MarketShell } from '../components/MarketShell.js';
import { MerchantApplicationForm } from '../components/MerchantApplicationForm.js';

/** 商户入驻 on the portal: a merchant applies without an account and keeps the 申请编号 it is answered. */
export function PortalMerchantApplicationPage() {
  const { t } = useI18n();
  const [submitted, setSubmitted] = useState<MerchantApplicationSubmitted | null>(null);
  const choices = useApi(async (signal) => {
    const [items, city] = await Promise.all([fetchMarketItems(signal), publicAreasBelow(null)]);
    return { items: items.items, areas: city.children.map((a) => ({ id: a.id, name: a.name })) };
  }, []);
  return (
    <MarketShell title={t('merchantApply.title')}>
      {submitted ? (
        <Result
          status="success"
          title={<ResultHeading>{t('merchantApply.submitted')}</ResultHeading>}
          subTitle={
            <>
              {t('merchantApply.numberIs')}
              <Typography.Text strong copyable data-testid="application-number">
                {submitted.applicationNumber}
              </Typography.Text>
              <br />
              {t('merchantApply.next')}
            </>
          }
          extra={
            <Link to="/portal/market">
              <Button>{t('merchantApply.back')}</Button>
            </Link>
          }
        />
      ) : choices.error ? (
        <ErrorState error={choices.error} onRetry={choices.reload} />
      ) : !choices.data ? (
        <PageLoading />
      ) : (
        <MerchantApplicationForm
          items={choices.data.items}
          areas={choices.data.areas}
          onSubmitted={setSubmitted}
        />
      )}
    </MarketShell>
  );
}
