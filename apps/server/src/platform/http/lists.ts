import type { KeysetPage, Page, PageQuery } from '@shanzhi/shared';
import { fieldError } from '../errors/app-error.js';

/**
 * The cursor of a keyset list: the sort key and id of the last item, opaque to the client (base64url of
 * JSON), so that the list's order may change without breaking clients.
 */
export function encodeCursor(position: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The position a cursor names, checked by `isPosition`; a cursor that is not one of ours is refused with 400
 * on the field `cursor` (the client starts again from the first page).
 */
export function decodeCursor<P extends readonly unknown[]>(
  cursor: string,
  isPosition: (value: unknown[]) => value is unknown[] & P,
): P {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (Array.isArray(value) && isPosition(value)) return value;
  } catch {
    // fall through to the field error
  }
  throw fieldError('cursor', 'invalid', '分页游标无效，请从第一页重新查询');
}

/**
 * A keyset page from rows fetched with one more than `limit` (so the last page is known without an empty
 * page after it): the first `limit` items and the cursor of the last of them when more follow.
 */
export function keysetPage<R, T>(
  rows: readonly R[],
  limit: number,
  positionOf: (row: R) => readonly (string | number | null)[],
  present: (rows: R[]) => T[],
): KeysetPage<T> {
  const page = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items: present(page), nextCursor: more ? encodeCursor(positionOf(page.at(-1)!)) : null };
}

/** The `offset` of a paged query. */
export function offsetOf(query: PageQuery): number {
  return (query.page - 1) * query.pageSize;
}

/** A paged answer from one page of items and the list's total. */
export function pageAnswer<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Whether a decoded cursor is `[ISO instant, id]`, the position of lists sorted by a time and then the id. */
export function isInstantIdPosition(value: unknown[]): value is [string, number] {
  return (
    value.length === 2 &&
    typeof value[0] === 'string' &&
    !Number.isNaN(Date.parse(value[0])) &&
    Number.isInteger(value[1])
  );
}
