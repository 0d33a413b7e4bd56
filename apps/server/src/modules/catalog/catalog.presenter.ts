import type { CategoryView, Priority, TimeLimit } from '@shanzhi/shared';
import type { CategoryRow } from './catalog.repository.js';

function limitOf(value: number | null, unit: string | null): TimeLimit | null {
  return value === null || unit === null ? null : ({ value, unit } as TimeLimit);
}

/** A category as the API shows it (the shared `CatalogCategory` plus the unit's name). */
export function presentCategory(row: CategoryRow): CategoryView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as 1 | 2 | 3,
    parentId: row.parentId,
    defaultUnitCode: row.defaultUnitCode,
    defaultUnitName: row.defaultUnitName,
    priority: row.priority as Priority | null,
    acceptLimit: limitOf(row.acceptLimitValue, row.acceptLimitUnit),
    resolveLimit: limitOf(row.resolveLimitValue, row.resolveLimitUnit),
    police: row.police,
    active: row.active,
  };
}
