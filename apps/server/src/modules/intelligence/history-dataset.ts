import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { cases } from '../cases/cases.tables.js';
import { catalogCategories } from '../catalog/catalog.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import type { TrainingExample } from './classifier/train.js';
import { messageText } from './classify.service.js';

/** One closed case as training data: its text, final category (with its area) and final lead unit. */
export interface HistoryCase {
  text: string;
  categoryCode: string;
  /** name of the category's first-level area */
  areaName: string;
  unitCode: string;
  closedAt: Date;
}

/** Leaves with at least this many training cases become labels of their own (deeper than the area). */
export const MIN_CASES_PER_LEAF = 20;

/**
 * The platform's closed cases with their final category and lead unit, oldest first. These are the labels
 * as they ended up: they correct the classifier where dispatchers re-categorised or re-dispatched a case, or
 * a unit returned it.
 */
export async function loadClosedCases(db: DbOrTx): Promise<HistoryCase[]> {
  const rows = await db
    .select({
      title: cases.title,
      description: cases.description,
      categoryId: cases.categoryId,
      unitCode: orgs.code,
      closedAt: cases.closedAt,
    })
    .from(cases)
    .innerJoin(orgs, eq(orgs.id, cases.leadUnitId))
    .where(and(eq(cases.state, 'closed'), isNotNull(cases.categoryId), isNotNull(cases.closedAt)))
    .orderBy(asc(cases.closedAt), asc(cases.id));
  const categories = await db
    .select({
      id: catalogCategories.id,
      code: catalogCategories.code,
      name: catalogCategories.name,
      parentId: catalogCategories.parentId,
    })
    .from(catalogCategories);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const areaOf = (id: number) => {
    let node = byId.get(id);
    while (node?.parentId != null) node = byId.get(node.parentId);
    return node;
  };
  return rows.flatMap((r) => {
    const category = byId.get(r.categoryId!);
    const area = areaOf(r.categoryId!);
    if (!category || !area) return [];
    return [
      {
        text: messageText(r.title, r.description),
        categoryCode: category.code,
        areaName: area.name,
        unitCode: r.unitCode,
        closedAt: r.closedAt!,
      },
    ];
  });
}

/**
 * Category labels of training cases: the leaf's code where history has enough cases of that leaf, else the
 * area's name (so the model answers at the deepest level the history allows).
 */
export function categoryExamples(train: readonly HistoryCase[]): TrainingExample[] {
  const perLeaf = new Map<string, number>();
  for (const c of train) perLeaf.set(c.categoryCode, (perLeaf.get(c.categoryCode) ?? 0) + 1);
  return train.map((c) => ({
    text: c.text,
    label: (perLeaf.get(c.categoryCode) ?? 0) >= MIN_CASES_PER_LEAF ? c.categoryCode : c.areaName,
  }));
}

/** Unit labels: the code of the final lead unit. */
export function unitExamples(cases: readonly HistoryCase[]): TrainingExample[] {
  return cases.map((c) => ({ text: c.text, label: c.unitCode }));
}
