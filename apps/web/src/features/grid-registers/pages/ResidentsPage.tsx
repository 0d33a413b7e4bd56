import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { GENDERS, POPULATION_TYPES, RESIDENT_FLAGS, type ResidentListQuery } from '@shanzhi/shared';
import { Alert, Button, Card, Flex, Input, InputNumber, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { ExportButton } from '../../case-search/components/ExportButton.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchResidents } from '../api/registers.api.js';
import { optionsOf } from '../components/code-labels.js';
import { ImportModal } from '../components/ImportModal.js';
import { type ResidentDialog, ResidentFormModal } from '../components/ResidentFormModal.js';
import { ResidentTable } from '../components/ResidentTable.js';

type Filters = Partial<Omit<ResidentListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

/** 实有人口: the residents of the user's scope, their numbers masked, with the groups to look after. */
export function ResidentsPage() {
  const { t, locale } = useI18n();
  const canWrite = usePermission('grid_register.write');
  const canExport = usePermission('grid_register.export');
  const [keyword, setKeyword] = useState('');
  const [dialog, setDialog] = useState<ResidentDialog | null>(null);
  const [importing, setImporting] = useState(false);
  const paged = usePagedList(
    (query: Filters, signal) => fetchResidents(query, signal),
    {} as Partial<Filters>,
  );
  const { list, query: filters, filter } = paged;
  const { page: _page, pageSize: _size, ...query } = filters;

  return (
    <Flex vertical>
      <PageTitle
        title={t('menu.residents')}
        description={t('residents.description')}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
                {t('residents.create')}
              </Button>
            )}
            {canWrite && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('registers.import')}
              </Button>
            )}
            {canExport && (
              <ExportButton
                path="/api/v1/grid/residents/export"
                query={query}
                fallbackName={`${t('menu.residents')}.xlsx`}
                label={t('registers.export')}
              />
            )}
          </>
        }
      />
      <Alert type="info" showIcon message={t('registers.numbersHint')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }} role="search">
          <OrgTreeSelect
            allowClear
            placeholder={t('registers.within')}
            aria-label={t('registers.within')}
            value={filters.within ?? null}
            onChange={(within) => filter({ within })}
            style={{ width: 220 }}
          />
          <Input.Search
            allowClear
            placeholder={t('residents.keywordPlaceholder')}
            aria-label={t('registers.keyword')}
            style={{ width: 260 }}
            value={keyword}
            onChange={(event) => setKeyword(event.target.value)}
            onSearch={(q) => filter({ q: q.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder={t('residents.flags')}
            aria-label={t('residents.flags')}
            style={{ width: 160 }}
            value={filters.flag}
            onChange={(flag) => filter({ flag })}
            options={optionsOf(RESIDENT_FLAGS, locale)}
          />
          <Select
            allowClear
            placeholder={t('residents.populationType')}
            aria-label={t('residents.populationType')}
            style={{ width: 130 }}
            value={filters.populationType}
            onChange={(populationType) => filter({ populationType })}
            options={optionsOf(POPULATION_TYPES, locale)}
          />
          <Select
            allowClear
            placeholder={t('residents.gender')}
            aria-label={t('residents.gender')}
            style={{ width: 90 }}
            value={filters.gender}
            onChange={(gender) => filter({ gender })}
            options={optionsOf(GENDERS, locale)}
          />
          <Space.Compact>
            <InputNumber
              min={0}
              max={150}
              placeholder={t('residents.ageFrom')}
              aria-label={t('residents.ageFrom')}
              value={filters.ageFrom ?? null}
              onChange={(ageFrom) => filter({ ageFrom: ageFrom ?? undefined })}
              style={{ width: 90 }}
            />
            <InputNumber
              min={0}
              max={150}
              placeholder={t('residents.ageTo')}
              aria-label={t('residents.ageTo')}
              value={filters.ageTo ?? null}
              onChange={(ageTo) => filter({ ageTo: ageTo ?? undefined })}
              style={{ width: 80 }}
            />
          </Space.Compact>
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          </Tooltip>
        </Flex>
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <ResidentTable
            residents={list.data?.items ?? []}
            loading={list.loading}
            emptyText={t('residents.empty')}
            onEdit={(resident) => setDialog({ kind: 'edit', resident })}
            pagination={paged.pagination(t)}
          />
        )}
      </Card>
      <ResidentFormModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          list.reload();
        }}
      />
      <ImportModal
        kind="residents"
        title={t('menu.residents')}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={list.reload}
      />
    </Flex>
  );
}
