import {
  CATALOG_MAX_LEVEL,
  type CreateCatalogCategoryInput,
  type Priority,
  type TimeLimit,
  type UpdateCatalogCategoryInput,
} from '@shanzhi/shared';
import type { CategoryView } from './api/catalog.api.js';

/** What the editor shows: an existing category, or a new one under `parent` (null: a new area). */
export type EditorTarget =
  | { kind: 'edit'; category: CategoryView }
  | { kind: 'create'; parent: CategoryView | null };

/** The editor's fields; the leaf's (default unit, priority, limits) only on a 小类. */
export interface CategoryFormValues {
  code?: string;
  name: string;
  defaultUnitCode?: string;
  priority?: Priority;
  acceptLimit?: Partial<TimeLimit>;
  resolveLimit?: Partial<TimeLimit>;
  police: boolean;
  active: boolean;
}

/** The fields the server's errors may name. */
export const CATEGORY_FIELDS = [
  'code',
  'name',
  'defaultUnitCode',
  'priority',
  'acceptLimit',
  'resolveLimit',
  'police',
  'active',
] as const;

/** The level of the category the editor shows (1 大类, 2 中类, 3 小类). */
export function levelOf(target: EditorTarget): number {
  return target.kind === 'edit' ? target.category.level : (target.parent?.level ?? 0) + 1;
}

/** Whether the target is a leaf (小类), which carries the handling rules. */
export function isLeafTarget(target: EditorTarget): boolean {
  return levelOf(target) === CATALOG_MAX_LEVEL;
}

/** The form's starting values: the category's own, or a new one's defaults (a new leaf: 2 h to sign, 5 days). */
export function initialValuesOf(target: EditorTarget): CategoryFormValues {
  if (target.kind === 'edit') {
    const c = target.category;
    return {
      name: c.name,
      ...(c.defaultUnitCode ? { defaultUnitCode: c.defaultUnitCode } : {}),
      ...(c.priority ? { priority: c.priority } : {}),
      ...(c.acceptLimit ? { acceptLimit: c.acceptLimit } : {}),
      ...(c.resolveLimit ? { resolveLimit: c.resolveLimit } : {}),
      police: c.police,
      active: c.active,
    };
  }
  return {
    name: '',
    police: false,
    active: true,
    ...(isLeafTarget(target)
      ? {
          priority: 'normal',
          acceptLimit: { value: 2, unit: 'working_hours' },
          resolveLimit: { value: 5, unit: 'working_days' },
        }
      : {}),
  };
}

/** The leaf's handling rules as the form holds them once validated. */
function leafFieldsOf(values: CategoryFormValues) {
  return {
    defaultUnitCode: values.defaultUnitCode!,
    priority: values.priority!,
    acceptLimit: values.acceptLimit as TimeLimit,
    resolveLimit: values.resolveLimit as TimeLimit,
  };
}

/** `POST /catalog/categories` for a new category under `parent`; the code is the server's when left empty. */
export function createInputOf(
  parent: CategoryView | null,
  values: CategoryFormValues,
  leaf: boolean,
): CreateCatalogCategoryInput {
  return {
    parentId: parent?.id ?? null,
    name: values.name.trim(),
    police: values.police,
    active: values.active,
    ...(leaf ? leafFieldsOf(values) : {}),
    ...(values.code?.trim() ? { code: values.code.trim() } : {}),
  };
}

function sameLimit(a: TimeLimit | undefined, b: TimeLimit | null): boolean {
  return a?.value === b?.value && a?.unit === b?.unit;
}

/** The fields of `category` the form changed (empty when none did), for `PATCH /catalog/categories/:id`. */
export function changesOf(
  category: CategoryView,
  values: CategoryFormValues,
  leaf: boolean,
): UpdateCatalogCategoryInput {
  const changes: UpdateCatalogCategoryInput = {};
  if (values.name.trim() !== category.name) changes.name = values.name.trim();
  if (values.police !== category.police) changes.police = values.police;
  if (values.active !== category.active) changes.active = values.active;
  if (!leaf) return changes;
  const rules = leafFieldsOf(values);
  if (rules.defaultUnitCode !== category.defaultUnitCode) changes.defaultUnitCode = rules.defaultUnitCode;
  if (rules.priority !== category.priority) changes.priority = rules.priority;
  if (!sameLimit(rules.acceptLimit, category.acceptLimit)) changes.acceptLimit = rules.acceptLimit;
  if (!sameLimit(rules.resolveLimit, category.resolveLimit)) changes.resolveLimit = rules.resolveLimit;
  return changes;
}
