import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { RegisterKind } from '@shanzhi/shared';
import { Button, Card, Flex, Input, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { ApiState } from '../../../platform/api/use-api.js';
import type { PagedList } from '../../../platform/lists/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { ExportButton } from '../../case-search/components/ExportButton.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { ImportModal } from './ImportModal.js';

/** The filters every register list has: the area and a keyword. */
type RegisterFilters = { within?: number; q?: string } & Record<string, string | number | undefined>;

interface RegisterListFrameProps<F extends RegisterFilters> {
  /** which register: its menu title, its export and its import */
  kind: RegisterKind;
  /** the page's list (`usePagedList`) */
  paged: Pick<PagedList<never, F>, 'query' | 'filter'> & {
    list: Pick<ApiState<unknown>, 'data' | 'error' | 'reload'>;
  };
  description: string;
  createLabel: string;
  onCreate: () => void;
  keywordPlaceholder: string;
  /** a notice above the list */
  notice?: ReactNode;
  /** the register's own filters, after the area and the keyword */
  filters: ReactNode;
  /** the table */
  children: ReactNode;
}

/**
 * What the three registers (房屋, 实有人口, 单位组织) share: the title with 新增 / 导入 / 导出 as the user's
 * permissions allow, the area and keyword filters before the register's own, the refresh button, the error
 * state in place of the table, and the import dialog.
 */
export function RegisterListFrame<F extends RegisterFilters>(props: RegisterListFrameProps<F>) {
  const { kind, paged, onCreate } = props;
  const { t } = useI18n();
  const canWrite = usePermission('grid_register.write');
  const canExport = usePermission('grid_register.export');
  const [keyword, setKeyword] = useState('');
  const [importing, setImporting] = useState(false);
  const { list, query: filters, filter } = paged;
  const { page: _page, pageSize: _size, ...query } = filters;
  const title = t(`menu.${kind}`);

  return (
    <Flex vertical>
      <PageTitle
        title={title}
        description={props.description}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
                {props.createLabel}
              </Button>
            )}
            {canWrite && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('registers.import')}
              </Button>
            )}
            {canExport && (
              <ExportButton
                path={`/api/v1/grid/${kind}/export`}
                query={query}
                fallbackName={`${title}.xlsx`}
                label={t('registers.export')}
              />
            )}
          </>
        }
      />
      {props.notice}
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }} role="search">
          <OrgTreeSelect
            allowClear
            placeholder={t('registers.within')}
            aria-label={t('registers.within')}
            value={filters.within ?? null}
            onChange={(within) => filter({ within } as Partial<F>)}
            style={{ width: 240 }}
          />
          <Input.Search
            allowClear
            placeholder={props.keywordPlaceholder}
            aria-label={t('registers.keyword')}
            style={{ width: 240 }}
            value={keyword}
            onChange={(event) => setKeyword(event.target.value)}
            onSearch={(q) => filter({ q: q.trim() || undefined } as Partial<F>)}
          />
          {props.filters}
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          </Tooltip>
        </Flex>
        {list.error && !list.data ? <ErrorState error={list.error} onRetry={list.reload} /> : props.children}
      </Card>
      <ImportModal
        kind={kind}
        title={title}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={list.reload}
      />
    </Flex>
  );
}
