import { Button, Flex, Result } from 'antd';
import { Link } from 'react-router-dom';
import { ResultHeading } from '../../components/ResultHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * What a citizen or a merchant finds in the staff console when a session of theirs reaches it anyway (the
 * login page refuses them): where their own pages are.
 */
export function OutsiderPage() {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <main>
        <Result
          status="403"
          title={<ResultHeading>{t('login.notStaff')}</ResultHeading>}
          extra={
            <Link to="/portal">
              <Button type="primary">{t('login.toPortal')}</Button>
            </Link>
          }
        />
      </main>
    </Flex>
  );
}
