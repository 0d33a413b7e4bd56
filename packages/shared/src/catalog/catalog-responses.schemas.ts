import { z } from 'zod';
import { TimeLimit } from '../calendar/time-limit.js';
import { CatalogCategory } from './catalog.schemas.js';
import { Priority } from './priority.js';
import { TimeLimitProfileId } from './time-limit-profiles.js';

/** A category as the API shows it: the shared shape plus its default unit's name. */
export const CategoryView = CatalogCategory.and(
  z.object({
    /** name of the default handling unit, null when none is set */
    defaultUnitName: z.string().nullable(),
  }),
).meta({ id: 'CategoryView' });
export type CategoryView = z.output<typeof CategoryView>;

/**
 * `GET /api/v1/catalog/categories` query. The catalog is a tree of a few hundred matters that a client
 * builds whole, so it is answered whole, not paged.
 */
export const CategoryListQuery = z
  .object({
    active: z.enum(['true', 'false', 'all']).default('true'),
    level: z.coerce.number().int().min(1).max(3).optional(),
    parentId: z.coerce.number().int().positive().optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();
export type CategoryListQuery = z.output<typeof CategoryListQuery>;

/** The categories of a filter, in tree (code) order. */
export const CategoryList = z.object({ items: z.array(CategoryView), total: z.number().int() });
export type CategoryList = z.output<typeof CategoryList>;

/** One time-limit profile (时限档次) with its label. */
export const TimeLimitProfileView = z.object({
  id: TimeLimitProfileId,
  /** 档次名称, e.g. 一般 */
  label: z.string(),
  acceptLimit: TimeLimit,
  resolveLimit: TimeLimit,
  priority: Priority,
});
export type TimeLimitProfileView = z.output<typeof TimeLimitProfileView>;

/** The default time-limit profiles and the most a case may be extended. */
export const TimeLimitProfilesAnswer = z.object({
  profiles: z.array(TimeLimitProfileView),
  maxExtension: z.object({ limit: TimeLimit, times: z.number().int() }),
});
export type TimeLimitProfilesAnswer = z.output<typeof TimeLimitProfilesAnswer>;
