import { Result } from 'antd';
import type { ReactElement } from 'react';
import { useParams } from 'react-router-dom';
import { errorText } from '../i18n/error-text.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { type ApiState, useApi } from '../platform/api/index.js';
import { ErrorState } from './ErrorState.js';
import { PageLoading } from './PageLoading.js';

/** What a detail page shows: its record, or what stands in its place (not found, forbidden, failed, loading). */
export type RouteRecordView<T> = { ready: true; record: T } | { ready: false; fallback: ReactElement };

/**
 * The record a detail page shows, loaded by the `:id` of its route (a case, a dispute, a finding …): the
 * page's answer as it loads, and the view — the record, or in its place a 404 for an id that is not one or not
 * found (`notFound` names it), a 403 outside the user's scope, the error with a retry, or the spinner.
 */
export function useRouteRecord<T>(
  load: (id: number, signal: AbortSignal) => Promise<T>,
  notFound: string,
): { detail: ApiState<T | undefined>; view: RouteRecordView<T> } {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const detail = useApi(async (signal) => (valid ? load(id, signal) : undefined), [id]);
  const fallback = (element: ReactElement): RouteRecordView<T> => ({ ready: false, fallback: element });

  if (!valid) return { detail, view: fallback(<Result status="404" title={notFound} />) };
  const { error, data } = detail;
  if (error?.status === 404 || error?.status === 403) {
    const missing = error.status === 404;
    return {
      detail,
      view: fallback(
        <Result
          status={missing ? '404' : '403'}
          title={missing ? notFound : t('forbidden.title')}
          subTitle={errorText(error, t)}
        />,
      ),
    };
  }
  if (error) return { detail, view: fallback(<ErrorState error={error} onRetry={detail.reload} />) };
  if (data === undefined) return { detail, view: fallback(<PageLoading />) };
  return { detail, view: { ready: true, record: data } };
}
