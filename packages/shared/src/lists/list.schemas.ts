import { z } from 'zod';

/**
 * The platform's two list conventions, one per kind of list:
 * - **pages** where a total matters and the list changes slowly (users, orgs, knowledge, registers of houses
 *   and residents): `?page=&pageSize=` → `{ items, total, page, pageSize }`;
 * - **keyset** for long lists that change while they are read (cases, notifications, audit, findings,
 *   patrols): `?cursor=&limit=` → `{ items, nextCursor }`, where `nextCursor` is null on the last page and the
 *   cursor is opaque (pass it back as it came, with the same filters).
 * Both cap a page at `MAX_PAGE_SIZE` items.
 */
export const MAX_PAGE_SIZE = 200;

/** Query of a paged list: 第几页 and 每页条数. */
export const PageQuery = z.object({
  /** 页码, from 1 */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** 每页条数 */
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Query of a keyset list: the cursor of the previous answer and how many items. */
export const KeysetQuery = z.object({
  /** the `nextCursor` of the previous page; absent for the first */
  cursor: z.string().min(1).max(300).optional(),
  /** 条数 */
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});
export type KeysetQuery = z.infer<typeof KeysetQuery>;

/** A page of `item`s with the total count. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** how many items the whole list has */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The answer of a paged list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A keyset page of `item`s: pass `nextCursor` back for the next page; null when there is none. */
export function keysetPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The answer of a keyset list. */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}
