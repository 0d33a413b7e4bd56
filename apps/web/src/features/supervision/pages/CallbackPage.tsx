import { Alert, Button, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { CaseTable } from '../../case-search/components/CaseTable.js';
import type { CaseDetail, CaseSummary } from '../../cases/api/cases.api.js';
import { satisfactionLabel } from '../../cases/case-labels.js';
import { IdleNote } from '../../cases/components/IdleNote.js';
import { useCaseQueue } from '../../cases/hooks/use-case-queue.js';
import { CallbackDialog } from '../components/CallbackDialog.js';
import { CloseOrReopen } from '../components/CloseOrReopen.js';

const TO_CALL = { state: 'reviewed', sort: 'created_desc' } as const;
const CALLED = { state: 'called_back', sort: 'created_desc' } as const;

function ToCallQueue() {
  const { t, locale } = useI18n();
  const list = useCaseQueue(TO_CALL);
  const [target, setTarget] = useState<CaseSummary | null>(null);
  const [after, setAfter] = useState<CaseDetail | null>(null);
  const { page } = list;
  if (page.error) return <ErrorState error={page.error} onRetry={page.reload} />;
  return (
    <>
      {after && (
        <Alert
          showIcon
          closable
          onClose={() => setAfter(null)}
          type={after.callback.satisfaction === 'unsatisfied' ? 'warning' : 'success'}
          style={{ marginBottom: 12 }}
          message={t('callback.recorded', {
            number: after.number,
            result:
              after.callback.reached === false
                ? t('callback.reachedNo')
                : satisfactionLabel(after.callback.satisfaction ?? '', locale),
          })}
          action={<CloseOrReopen target={after} onDone={() => setAfter(null)} />}
        />
      )}
      <CaseTable
        items={page.data?.items ?? []}
        loading={page.loading}
        emptyText={t('callback.empty')}
        actions={(item) =>
          item.actions.includes('callback') ? (
            <Button size="small" type="primary" onClick={() => setTarget(item)}>
              {t('callback.record')}
            </Button>
          ) : (
            <IdleNote caseData={item} />
          )
        }
      />
      <KeysetPager pages={list} />
      <CallbackDialog
        item={target}
        onClose={() => setTarget(null)}
        onDone={(detail) => {
          setTarget(null);
          setAfter(detail);
          page.reload();
        }}
      />
    </>
  );
}

function CalledBackQueue() {
  const { t } = useI18n();
  const list = useCaseQueue(CALLED);
  const { page } = list;
  if (page.error) return <ErrorState error={page.error} onRetry={page.reload} />;
  return (
    <>
      <CaseTable
        items={page.data?.items ?? []}
        loading={page.loading}
        emptyText={t('callback.emptyCalled')}
        actions={(item) => <CloseOrReopen target={item} onDone={page.reload} />}
      />
      <KeysetPager pages={list} />
    </>
  );
}

/** 回访: the callback queue (replies approved, citizen to be called), then closing or reopening. */
export function CallbackPage() {
  const { t } = useI18n();
  return (
    <Flex vertical>
      <PageTitle title={t('menu.callback')} description={t('callback.description')} />
      <Card size="small">
        <Tabs
          destroyOnHidden
          items={[
            { key: 'to-call', label: t('callback.tabToCall'), children: <ToCallQueue /> },
            { key: 'called', label: t('callback.tabCalled'), children: <CalledBackQueue /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
