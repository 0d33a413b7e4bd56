import type { AppContext } from '../../platform/context.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { predict } from './classifier/train.js';
import { mapCategoryLabels, mapUnitLabels } from './label-mapping.js';
import { loadedModels } from './model-registry.js';
import { detectPoliceMatter, type PoliceVerdict } from './police/police-detector.js';

/** What the classifier suggests for a message. */
export interface Classification {
  /** top-k catalog categories, most likely first */
  categories: { categoryId: number; code: string; name: string; probability: number }[];
  /** the suggested handling unit, or null when no model or mapping gives one */
  unit: { orgId: number; code: string; name: string; probability: number } | null;
  /** 110 detection */
  police: PoliceVerdict;
  /** version of the category model that answered (of the unit model when there is no category model) */
  modelVersion: string | null;
  /** version of the unit model, when one answered */
  unitModelVersion: string | null;
  /** the top category's default unit was used because no unit model is active */
  unitFromCatalog: boolean;
  /** path of the suggested unit (for scope checks; not shown) */
  unitPath: string | null;
}

/** The message as the model sees it: title and description in one text. */
export function messageText(title: string | null | undefined, description: string): string {
  return title ? `${title}\n${description}` : description;
}

/**
 * Classifies a citizen's message with the active models held in memory: top-k catalog categories with
 * probabilities, the suggested unit, and the 110 verdict. Without a model the answer says so
 * (`modelVersion: null`, no categories, no unit) and the 110 rules still run.
 */
export async function classifyMessage(
  ctx: AppContext,
  input: { title?: string | null; description: string },
  k = 3,
): Promise<Classification> {
  const models = loadedModels(ctx);
  const text = messageText(input.title, input.description);
  const categories: Classification['categories'] = [];
  let policeSignal: { probability: number; category: string } | null = null;
  let topDefaultUnit: { id: number; probability: number } | null = null;
  if (models.category) {
    const model = models.category;
    const all = predict(model, text, model.labels.length);
    const mapping = await mapCategoryLabels(ctx.db, model.labels);
    for (const p of all) {
      const category = mapping.get(p.label);
      if (!category) continue;
      if (category.police) {
        policeSignal ??= { probability: 0, category: category.name };
        policeSignal.probability += p.probability;
      }
      if (categories.length === 0 && category.defaultUnitId !== null) {
        topDefaultUnit = { id: category.defaultUnitId, probability: p.probability };
      }
      if (categories.length < k) {
        categories.push({
          categoryId: category.categoryId,
          code: category.code,
          name: category.name,
          probability: round(p.probability),
        });
      }
    }
  }
  let unit: Classification['unit'] = null;
  let unitPath: string | null = null;
  let unitFromCatalog = false;
  if (models.unit) {
    const [best] = predict(models.unit, text, 1);
    const mapped = best ? (await mapUnitLabels(ctx.db, [best.label])).get(best.label) : undefined;
    if (best && mapped) {
      unit = {
        orgId: mapped.orgId,
        code: mapped.code,
        name: mapped.name,
        probability: round(best.probability),
      };
      unitPath = mapped.path;
    }
  } else if (topDefaultUnit) {
    const org = await findOrg(ctx.db, topDefaultUnit.id);
    if (org?.active) {
      unit = {
        orgId: org.id,
        code: org.code,
        name: org.name,
        probability: round(topDefaultUnit.probability),
      };
      unitPath = org.path;
      unitFromCatalog = true;
    }
  }
  return {
    categories,
    unit,
    police: detectPoliceMatter(text, policeSignal),
    modelVersion: models.category?.version ?? models.unit?.version ?? null,
    unitModelVersion: models.unit?.version ?? null,
    unitFromCatalog,
    unitPath,
  };
}

function round(p: number): number {
  return Math.round(p * 10_000) / 10_000;
}
