import type { KpiQuery, KpiRanking, KpiReport, KpiTrend, RankingLevel, TrendBucket } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

export type { KpiOrgView as KpiOrg, KpiRateView } from '@shanzhi/shared';
export type { KpiRanking, KpiReport, KpiTrend, RankingLevel, TrendBucket };

/** One ranked unit, district or town. */
export type RankingItem = KpiRanking['items'][number];

/** A period of whole Beijing days, `YYYY-MM-DD`, both inclusive (the `from` and `to` of the shared `KpiQuery`). */
export type Period = Required<Pick<KpiQuery, 'from' | 'to'>>;

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The measures of an org subtree (the caller's scope by default) over a period. */
export function fetchKpis(org: number | undefined, period: Period, signal?: AbortSignal): Promise<KpiReport> {
  return apiRequest(withQuery('/api/v1/kpis', { org, ...period }), opts(signal));
}

/** Units, districts or towns ranked by composite score, flagged below the threshold. */
export function fetchRanking(level: RankingLevel, period: Period, signal?: AbortSignal): Promise<KpiRanking> {
  return apiRequest(withQuery('/api/v1/kpis/ranking', { level, ...period }), opts(signal));
}

/** The three rates by day, week or month. */
export function fetchTrend(
  org: number | undefined,
  period: Period,
  bucket: TrendBucket,
  signal?: AbortSignal,
): Promise<KpiTrend> {
  return apiRequest(withQuery('/api/v1/kpis/trend', { org, ...period, bucket }), opts(signal));
}
