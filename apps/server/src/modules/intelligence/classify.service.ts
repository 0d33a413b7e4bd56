import type { AppContext } from '../../platform/context.js';
import { predict, type TextClassifier } from './classifier/train.js';
import { type MappedUnit, mapCategoryLabels, mapUnitLabels } from './label-mapping.js';
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

// The catalog and the org tree change rarely and the labels of a model never: each loaded model keeps what
// its labels stand for, read again after a minute (the calendar's rule) so that catalog edits show.
const MAPPING_TTL_MS = 60_000;
const mappings = new WeakMap<TextClassifier, { loadedAt: number; value: Promise<Map<string, unknown>> }>();

function mappingOf<T>(
  model: TextClassifier,
  load: (labels: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const cached = mappings.get(model);
  if (cached && Date.now() - cached.loadedAt < MAPPING_TTL_MS) return cached.value as Promise<Map<string, T>>;
  const entry = { loadedAt: Date.now(), value: load(model.labels) as Promise<Map<string, unknown>> };
  mappings.set(model, entry);
  // a failed read is not kept: the next call tries again
  entry.value.catch(() => mappings.get(model) === entry && mappings.delete(model));
  return entry.value as Promise<Map<string, T>>;
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
  let topDefaultUnit: { unit: MappedUnit; probability: number } | null = null;
  if (models.category) {
    const model = models.category;
    const all = predict(model, text, model.labels.length);
    const mapping = await mappingOf(model, (labels) => mapCategoryLabels(ctx.db, labels));
    for (const p of all) {
      const category = mapping.get(p.label);
      if (!category) continue;
      if (category.police) {
        policeSignal ??= { probability: 0, category: category.name };
        policeSignal.probability += p.probability;
      }
      if (categories.length === 0 && category.defaultUnit) {
        topDefaultUnit = { unit: category.defaultUnit, probability: p.probability };
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
  let best: { unit: MappedUnit; probability: number } | null = null;
  if (models.unit) {
    const unitModel = models.unit;
    const [top] = predict(unitModel, text, 1);
    const mapped =
      top && (await mappingOf(unitModel, (labels) => mapUnitLabels(ctx.db, labels))).get(top.label);
    if (top && mapped) best = { unit: mapped, probability: top.probability };
  }
  const chosen = models.unit ? best : topDefaultUnit;
  return {
    categories,
    unit: chosen && {
      orgId: chosen.unit.orgId,
      code: chosen.unit.code,
      name: chosen.unit.name,
      probability: round(chosen.probability),
    },
    police: detectPoliceMatter(text, policeSignal),
    modelVersion: models.category?.version ?? models.unit?.version ?? null,
    unitModelVersion: models.unit?.version ?? null,
    unitFromCatalog: !models.unit && chosen !== null,
    unitPath: chosen?.unit.path ?? null,
  };
}

function round(p: number): number {
  return Math.round(p * 10_000) / 10_000;
}
