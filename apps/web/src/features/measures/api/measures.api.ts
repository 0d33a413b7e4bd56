import type { KpiKey } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** One measure with its parts (a fraction, `null` without a denominator). */
export interface KpiRateView {
  key: KpiKey;
  label: string;
  numerator: number;
  denominator: number;
  value: number | null;
}

/** An org as the measures name it. */
export interface KpiOrg {
  id: number;
  name: string;
  kind: string;
}

/** `GET /api/v1/kpis`. */
export interface KpiReport {
  org: KpiOrg;
  from: string;
  to: string;
  counts: Record<string, number>;
  rates: Record<KpiKey, KpiRateView>;
}

/** Levels a ranking compares. */
export type RankingLevel = 'unit' | 'district' | 'town';

/** One ranked unit, district or town. */
export interface RankingItem {
  org: KpiOrg;
  rank: number | null;
  flagged: boolean;
  score: number | null;
  counts: Record<string, number>;
  rates: Record<KpiKey, KpiRateView>;
}

/** `GET /api/v1/kpis/ranking`. */
export interface KpiRanking {
  level: RankingLevel;
  from: string;
  to: string;
  threshold: number;
  items: RankingItem[];
}

/** Buckets of a trend. */
export type TrendBucket = 'day' | 'week' | 'month';

/** `GET /api/v1/kpis/trend`. */
export interface KpiTrend {
  bucket: TrendBucket;
  items: {
    start: string;
    from: string;
    to: string;
    counts: Record<string, number>;
    rates: Record<'responseRate' | 'solvingRate' | 'satisfactionRate' | 'compositeScore', KpiRateView>;
  }[];
}

/** A period of whole Beijing days, `YYYY-MM-DD`, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

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
