import { OPEN311_PUBLIC_UPDATES, type Open311Status, parseW3cDateTime } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import {
  type Open311Update,
  presentOpen311Request,
  publicUpdatesOf,
  unitIdsOf,
} from './open311.presenter.js';
import type { Open311Record } from './open311-document.js';
import { firstValue } from './open311-form.js';
import {
  findEventsOfActions,
  findNumberByToken,
  findVisibleRequest,
  findVisibleRequests,
  type Open311RequestRow,
} from './open311-requests.repository.js';

/** The most requests one search answers (GeoReport v2: "first 1000 requests"). */
export const OPEN311_MAX_RESULTS = 1_000;
/** The default and the longest span of a search (GeoReport v2: 90 days). */
const SEARCH_SPAN_MS = 90 * 86_400_000;
/** The states of each Open311 status. */
const STATES_OF: Record<Open311Status, readonly string[]> = {
  open: ['registered', 'dispatched', 'returned', 'accepted', 'replied', 'reviewed', 'called_back'],
  closed: ['closed', 'resolved_on_call', 'transferred_110', 'merged', 'invalidated'],
};
/** The events the public updates are made of: the public actions, and the replies their answers come from. */
const UPDATE_ACTIONS = [...Object.keys(OPEN311_PUBLIC_UPDATES), 'reply'];

/** A form's fields: a value, or several when a field came more than once. */
export type Open311Fields = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The values of a comma-separated list (`service_request_id`, `service_code`, `status`), repeats allowed. */
function listOf(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = (typeof value === 'string' ? [value] : value)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim());
  const kept = items.filter(Boolean);
  return kept.length > 0 ? [...new Set(kept)] : undefined;
}

/** A W3C date-time field, or 400 naming it. */
function dateField(fields: Open311Fields, name: string): Date | undefined {
  const value = firstValue(fields[name]);
  if (value === undefined) return undefined;
  const at = parseW3cDateTime(value);
  if (!at) {
    throw fieldError(
      name,
      'invalid',
      `${name} must be a W3C date-time with its time zone, e.g. 2010-01-01T00:00:00Z / ${name} 格式不正确`,
    );
  }
  return at;
}

/**
 * The window of a search: the last 90 days by default, 90 days from `start_date` when only it is given, and
 * never longer.
 */
export function searchWindow(fields: Open311Fields, now: Date): { from: Date; to: Date } {
  const start = dateField(fields, 'start_date');
  const end = dateField(fields, 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + SEARCH_SPAN_MS) : now);
  const from = start ?? new Date(to.getTime() - SEARCH_SPAN_MS);
  if (from.getTime() > to.getTime()) {
    throw fieldError('start_date', 'after_end', 'start_date is after end_date / 开始时间晚于结束时间');
  }
  if (to.getTime() - from.getTime() > SEARCH_SPAN_MS) {
    throw fieldError(
      'end_date',
      'span',
      'start_date and end_date may not span more than 90 days / 查询跨度不能超过 90 天',
    );
  }
  return { from, to };
}

/** The public updates of these cases, by case, with the names of the units they mention. */
export async function updatesByCase(
  ctx: AppContext,
  caseIds: readonly number[],
): Promise<Map<number, Open311Update[]>> {
  const events = await findEventsOfActions(ctx.db, caseIds, UPDATE_ACTIONS);
  const briefs = await findOrgBriefs(ctx.db, unitIdsOf(events));
  const names = new Map([...briefs].map(([id, o]) => [id, o.name]));
  const byCase = new Map<number, typeof events>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return new Map(caseIds.map((id) => [id, publicUpdatesOf(byCase.get(id) ?? [], names)]));
}

async function presentRows(ctx: AppContext, rows: readonly Open311RequestRow[]): Promise<Open311Record[]> {
  const updates = await updatesByCase(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => presentOpen311Request(row, updates.get(row.id) ?? []));
}

/**
 * GET requests: the visible cases by number (a comma list, which overrides the rest), or requested in a
 * window (the last 90 days by default) filtered by service codes and status — newest first, at most 1,000.
 */
export async function searchOpen311Requests(
  ctx: AppContext,
  fields: Open311Fields,
): Promise<Open311Record[]> {
  const numbers = listOf(fields.service_request_id);
  if (numbers) {
    const rows = await findVisibleRequests(ctx.db, {
      numbers: numbers.slice(0, OPEN311_MAX_RESULTS),
      from: new Date(0),
      to: new Date(0),
      limit: OPEN311_MAX_RESULTS,
    });
    return presentRows(ctx, rows);
  }
  const statuses = listOf(fields.status);
  const unknown = statuses?.filter((s) => s !== 'open' && s !== 'closed');
  if (unknown?.length) {
    throw fieldError(
      'status',
      'invalid',
      `status must be open or closed / 状态只能是 open 或 closed：${unknown.join(',')}`,
    );
  }
  const rows = await findVisibleRequests(ctx.db, {
    ...searchWindow(fields, ctx.clock.now()),
    serviceCodes: listOf(fields.service_code),
    states: statuses?.flatMap((s) => STATES_OF[s as Open311Status]),
    limit: OPEN311_MAX_RESULTS,
  });
  return presentRows(ctx, rows);
}

/** GET requests/{id}: one visible case, or 404. */
export async function getOpen311Request(ctx: AppContext, number: string): Promise<Open311Record> {
  const row = await findVisibleRequest(ctx.db, number);
  if (!row)
    throw new AppError(
      'CASE_NOT_FOUND',
      `service_request_id ${number} was not found / 工单 ${number} 不存在`,
    );
  const [record] = await presentRows(ctx, [row]);
  return record!;
}

/** GET tokens/{token}: the case number a token stands for, or 404. */
export async function findOpen311Token(ctx: AppContext, token: string): Promise<Open311Record> {
  const number = await findNumberByToken(ctx.db, token);
  if (!number) throw new AppError('NOT_FOUND', `token ${token} was not found / 凭据不存在`);
  return { service_request_id: number, token };
}
