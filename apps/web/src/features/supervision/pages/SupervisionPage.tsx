import { CASE_TRANSITIONS } from '@shanzhi/shared';
import { Button, Card, Flex, Space, Tabs } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { CaseTable } from '../../case-search/components/CaseTable.js';
import type { CaseSummary } from '../../cases/api/cases.api.js';
import { IdleNote } from '../../cases/components/IdleNote.js';
import { useCaseQueue } from '../../cases/hooks/use-case-queue.js';
import { SuperviseDialog } from '../components/SuperviseDialog.js';

// the open cases a supervisor may urge, by the lifecycle table: a finished case keeps its last light, and
// listing it here would offer nothing to do
const URGEABLE = CASE_TRANSITIONS.supervise.from.join(',');
const QUERIES = {
  red: { light: 'red', state: URGEABLE, sort: 'deadline_asc' },
  yellow: { light: 'yellow', state: URGEABLE, sort: 'deadline_asc' },
} as const;

function LightQueue({ light }: { light: 'red' | 'yellow' }) {
  const { t } = useI18n();
  const list = useCaseQueue(QUERIES[light]);
  const [target, setTarget] = useState<CaseSummary | null>(null);
  const { page } = list;
  if (page.error) return <ErrorState error={page.error} onRetry={page.reload} />;
  return (
    <>
      <CaseTable
        items={page.data?.items ?? []}
        loading={page.loading}
        emptyText={t(light === 'red' ? 'supervision.emptyRed' : 'supervision.emptyYellow')}
        showSource={false}
        actions={(item) =>
          item.actions.includes('supervise') ? (
            <Space>
              <Button size="small" type="primary" danger={light === 'red'} onClick={() => setTarget(item)}>
                {t('supervision.urge')}
              </Button>
            </Space>
          ) : (
            <IdleNote caseData={item} />
          )
        }
      />
      <KeysetPager pages={list} />
      <SuperviseDialog
        item={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          page.reload();
        }}
      />
    </>
  );
}

/** 督办: overdue (red) and warned (yellow) open cases, nearest deadline first, with 督办 / 挂牌督办. */
export function SupervisionPage() {
  const { t } = useI18n();
  return (
    <Flex vertical>
      <PageTitle title={t('menu.supervision')} description={t('supervision.description')} />
      <Card size="small">
        <Tabs
          destroyOnHidden
          items={[
            { key: 'red', label: t('supervision.tabRed'), children: <LightQueue light="red" /> },
            { key: 'yellow', label: t('supervision.tabYellow'), children: <LightQueue light="yellow" /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
