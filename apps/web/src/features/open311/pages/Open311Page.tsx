import { Card, Flex, Tabs } from 'antd';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiDocsTab } from '../components/ApiDocsTab.js';
import { ApiKeysTab } from '../components/ApiKeysTab.js';
import { ServicesTab } from '../components/ServicesTab.js';

/** 开放接口: the Open311 API — integrators' keys, the services the city offers, and how to call it. */
export function Open311Page() {
  const { t } = useI18n();
  return (
    <Flex vertical>
      <PageTitle title={t('menu.open311')} description={t('open311.description')} />
      <Card size="small">
        <Tabs
          destroyOnHidden
          items={[
            { key: 'keys', label: t('open311.tabKeys'), children: <ApiKeysTab /> },
            { key: 'services', label: t('open311.tabServices'), children: <ServicesTab /> },
            { key: 'docs', label: t('open311.tabDocs'), children: <ApiDocsTab /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
