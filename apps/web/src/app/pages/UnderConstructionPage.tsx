import { ToolOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import { ResultHeading } from '../../components/ResultHeading.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';

/** Stands in for a console page that a later task builds (建设中). */
export function UnderConstructionPage({ labelKey }: { labelKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <Card>
      <Result
        icon={<ToolOutlined />}
        title={<ResultHeading>{`${t(labelKey)} · ${t('wip.title')}`}</ResultHeading>}
        subTitle={t('wip.description', { name: t(labelKey) })}
      />
    </Card>
  );
}
