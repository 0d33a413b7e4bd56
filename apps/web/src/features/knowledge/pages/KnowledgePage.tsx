import { Card, Flex, Tabs } from 'antd';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { KnowledgeEntriesTab } from '../components/KnowledgeEntriesTab.js';
import { ReplyTemplatesTab } from '../components/ReplyTemplatesTab.js';

/** 知识库: the hotline's knowledge base and the standard reply templates, for their editors. */
export function KnowledgePage() {
  const { t } = useI18n();
  return (
    <Flex vertical>
      <PageTitle title={t('menu.knowledge')} description={t('knowledge.description')} />
      <Card size="small">
        <Tabs
          destroyOnHidden
          items={[
            { key: 'entries', label: t('knowledge.tabEntries'), children: <KnowledgeEntriesTab /> },
            { key: 'templates', label: t('knowledge.tabTemplates'), children: <ReplyTemplatesTab /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
