import { CASE_SOURCES, CASE_STATES, SLA_LIGHTS } from '@shanzhi/shared';
import type { CaseListParams } from '../cases/api/cases.api.js';

/** The filters of the case list as the URL holds them: shareable, and the back button walks through them. */
export interface CaseSearchFilters {
  state: string[];
  light: string[];
  source: string[];
  categoryId?: number;
  within?: number;
  channel?: string;
  /** 登记日期 from / to, `YYYY-MM-DD` (Beijing days, both inclusive) */
  from?: string;
  to?: string;
  q?: string;
  phone?: string;
  sort: 'created_desc' | 'deadline_asc';
  limit: number;
}

/** Page sizes offered. */
export const PAGE_SIZES = [20, 50, 100, 200] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function list(params: URLSearchParams, key: string, allowed: readonly string[]): string[] {
  return (params.get(key) ?? '').split(',').filter((v) => allowed.includes(v));
}

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function text(value: string | null): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/** Reads the filters from the URL, dropping what is malformed (a hand-edited link never breaks the page). */
export function filtersFromParams(params: URLSearchParams): CaseSearchFilters {
  const limit = Number(params.get('limit'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const sort = params.get('sort') === 'deadline_asc' ? 'deadline_asc' : 'created_desc';
  const filters: CaseSearchFilters = {
    state: list(params, 'state', CASE_STATES),
    light: list(params, 'light', SLA_LIGHTS),
    source: list(params, 'source', CASE_SOURCES),
    sort,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 20,
  };
  const optional = {
    categoryId: positive(params.get('categoryId')),
    within: positive(params.get('within')),
    channel: text(params.get('channel')),
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
    q: text(params.get('q')),
    phone: text(params.get('phone')),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(filters, { [key]: value });
  }
  return filters;
}

/** The URL parameters of a set of filters (empty ones left out, defaults too, so links stay short). */
export function paramsFromFilters(filters: CaseSearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  set('state', filters.state.join(','));
  set('light', filters.light.join(','));
  set('source', filters.source.join(','));
  set('categoryId', filters.categoryId);
  set('within', filters.within);
  set('channel', filters.channel);
  set('from', filters.from);
  set('to', filters.to);
  set('q', filters.q);
  set('phone', filters.phone);
  if (filters.sort !== 'created_desc') set('sort', filters.sort);
  if (filters.limit !== 20) set('limit', filters.limit);
  return params;
}

/** A Beijing calendar day as the instant it starts, ISO with offset. */
function dayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** The day after `day`. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The query of `GET /api/v1/cases` (and of its export) for these filters, without the page. */
export function apiQueryOf(filters: CaseSearchFilters): CaseListParams {
  return {
    state: filters.state.join(',') || undefined,
    light: filters.light.join(',') || undefined,
    source: filters.source.join(',') || undefined,
    categoryId: filters.categoryId,
    within: filters.within,
    channel: filters.channel,
    createdFrom: filters.from ? dayStart(filters.from) : undefined,
    // the API's upper bound is exclusive: the day after the last day picked
    createdTo: filters.to ? dayStart(nextDay(filters.to)) : undefined,
    q: filters.q,
    citizenPhone: filters.phone,
    sort: filters.sort,
  };
}
