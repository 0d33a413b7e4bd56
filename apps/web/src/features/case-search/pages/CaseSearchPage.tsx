import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Radio, Tooltip } from 'antd';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { CaseFilterBar } from '../components/CaseFilterBar.js';
import { CaseTable } from '../components/CaseTable.js';
import { ExportButton } from '../components/ExportButton.js';
import { useCaseSearch } from '../hooks/use-case-search.js';
import { PAGE_SIZES } from '../url-filters.js';

/** 工单查询: every filter of the case list, kept in the URL; keyset pages; export of the filter to Excel. */
export function CaseSearchPage() {
  const { t } = useI18n();
  const search = useCaseSearch();
  const mayExport = usePermission('case.export');
  const { page } = search.pages;
  const items = page.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.caseSearch')}
        description={t('search.description')}
        extra={
          mayExport && (
            <ExportButton
              path="/api/v1/cases/export"
              query={search.query}
              fallbackName={t('export.fileName')}
            />
          )
        }
      />
      <Card size="small">
        <CaseFilterBar filters={search.filters} onSearch={search.setFilters} />
      </Card>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            size="small"
            value={search.filters.sort}
            onChange={(e) => search.setSort(e.target.value)}
            options={[
              { value: 'created_desc', label: t('search.sortNewest') },
              { value: 'deadline_asc', label: t('search.sortDeadline') },
            ]}
          />
          <Tooltip title={t('common.refresh')}>
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={page.reload}
              aria-label={t('common.refresh')}
            />
          </Tooltip>
        </Flex>
        {page.error ? (
          <ErrorState error={page.error} onRetry={page.reload} />
        ) : (
          <CaseTable items={items} loading={page.loading} emptyText={t('search.empty')} />
        )}
        <KeysetPager
          pages={search.pages}
          size={{ sizes: PAGE_SIZES, value: search.filters.limit, onChange: search.setLimit }}
        />
      </Card>
    </Flex>
  );
}
