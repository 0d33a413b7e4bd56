import { Button, Result } from 'antd';
import { errorText } from '../i18n/error-text.js';
import { useI18n } from '../i18n/I18nProvider.js';

/** What a page or a panel shows when its data could not be loaded: the reason and a retry button. */
export function ErrorState({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Result
      status={compact ? 'warning' : 'error'}
      title={t('error.loadFailed')}
      subTitle={errorText(error, t)}
      style={compact ? { padding: 16 } : undefined}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        )
      }
    />
  );
}
