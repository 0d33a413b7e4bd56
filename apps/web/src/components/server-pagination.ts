import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../i18n/I18nProvider.js';

/** The paging of a list the server pages: which page, how many a page. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** A table's pagination for a list the server pages: sizes to choose from, the total, and page changes. */
export function serverPagination(
  paging: Paging,
  total: number,
  onChange: (paging: Paging) => void,
  t: Translate,
): TablePaginationConfig {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => t('common.total', { total: count }),
    onChange: (page, pageSize) => onChange({ page, pageSize }),
  };
}
