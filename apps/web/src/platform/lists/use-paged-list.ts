import type { Page, PageQuery } from '@shanzhi/shared';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import type { Translate } from '../../i18n/I18nProvider.js';
import { type ApiState, useApi } from '../api/use-api.js';

/** Which page of a paged list: 第几页 and 每页条数. */
export type PageRequest = PageQuery;

/** A paged list as a page shows it: the answer, its filters with the page, and the table's pager. */
export interface PagedList<T, F, A extends Page<T> = Page<T>> {
  /** the answer: a page, or a page with more beside it (a summary of the whole list …) */
  list: ApiState<A>;
  /** the filters and the page asked for */
  query: F & PageRequest;
  /** changes filters and starts again from the first page */
  filter(change: Partial<F>): void;
  /** the antd table's pagination: the one pager of paged lists */
  pagination(t: Translate): TablePaginationConfig;
}

/** Page sizes offered by the pager of a paged list (the API takes at most 200). */
export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/**
 * The one way a page shows a paged list of the API (`?page=&pageSize=` → `{ items, total, page, pageSize }`):
 * `load` fetches the page the query asks for; a change of filters goes back to the first page.
 */
export function usePagedList<T, F extends object, A extends Page<T> = Page<T>>(
  load: (query: F & PageRequest, signal: AbortSignal) => Promise<A>,
  initial: F & Partial<PageRequest>,
): PagedList<T, F, A> {
  const [query, setQuery] = useState<F & PageRequest>({ page: 1, pageSize: 20, ...initial });
  const list = useApi((signal) => load(query, signal), [JSON.stringify(query)]);
  return {
    list,
    query,
    filter: (change) => setQuery((q) => ({ ...q, ...change, page: 1 })),
    pagination: (t) => ({
      current: query.page,
      pageSize: query.pageSize,
      total: list.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZE_OPTIONS,
      showTotal: (count) => t('common.total', { total: count }),
      onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
    }),
  };
}

/** Every item of a paged list, page after page (for pickers that offer them all: units, centres …). */
export async function fetchAllPages<T>(
  loadPage: (page: PageRequest) => Promise<Page<T>>,
  pageSize = 200,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await loadPage({ page, pageSize });
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}
