import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { ResultHeading } from '../../components/ResultHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Result
        status="404"
        title={<ResultHeading>{t('notFound.title')}</ResultHeading>}
        subTitle={t('notFound.description')}
        extra={
          <Link to="/">
            <Button type="primary">{t('notFound.back')}</Button>
          </Link>
        }
      />
    </main>
  );
}
