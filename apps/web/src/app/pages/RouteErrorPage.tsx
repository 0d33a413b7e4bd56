import { Button, Result } from 'antd';
import { ResultHeading } from '../../components/ResultHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * What the router shows when a page throws or its chunk cannot be fetched (typically after a new release
 * replaced the hashed files): reloading picks up the new build.
 */
export function RouteErrorPage() {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={<ResultHeading>{t('error.pageFailed')}</ResultHeading>}
      subTitle={t('error.pageFailedHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}
