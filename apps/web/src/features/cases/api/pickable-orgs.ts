import { isUncertainSuggestion } from '@shanzhi/shared';
import { classifyRequest } from '../../intake/api/intelligence.api.js';
import { fetchAllOrgs, fetchTreeLevel, type OrgSummary } from '../../orgs/api/orgs.api.js';
import { fetchActiveCategories } from './catalog-tree.api.js';

/** An org a case can be handed to, as the unit picker knows it (search answers carry fewer fields). */
export type PickableOrg = Pick<OrgSummary, 'id' | 'name'> & { kind: string } & Partial<
    Pick<OrgSummary, 'code' | 'childCount' | 'parentId'>
  >;

let base: Promise<[{ items: OrgSummary[] }, { items: OrgSummary[] }, OrgSummary[]]> | null = null;

/** The units, the centres and the tree's roots: asked once per page load, shared by every unit picker. */
export function loadPickerBase() {
  base ??= Promise.all([
    fetchAllOrgs('unit').then((items) => ({ items })),
    fetchAllOrgs('center').then((items) => ({ items })),
    fetchTreeLevel(),
  ]).catch((error: unknown) => {
    base = null;
    throw error;
  });
  return base;
}

/**
 * The id of the default handling unit (默认承办单位) of the matter `categoryId`, as the catalog names it, or
 * null when the matter has none or the unit is not among the caller's units.
 */
export async function findDefaultUnitId(categoryId: number): Promise<number | null> {
  const [categories, [units]] = await Promise.all([fetchActiveCategories(), loadPickerBase()]);
  const code = categories.find((c) => c.id === categoryId)?.defaultUnitCode;
  if (!code) return null;
  return units.items.find((unit) => unit.code === code)?.id ?? null;
}

/** The lead unit (主办单位) the dispatch dialog starts from, and why. */
export interface LeadUnitSuggestion {
  unitId: number;
  unitName: string;
  /** `category`: the matter's default unit; `model`: the classifier's suggestion; `both`: the two agree */
  source: 'category' | 'model' | 'both';
  /** the matter whose default unit it is (source `category` or `both`) */
  categoryName: string | null;
  /** the classifier's calibrated probability of its unit (source `model` or `both`) */
  probability: number | null;
  /** the classifier's other unit, when the matter's default was preferred to it */
  alternative: { unitId: number; name: string; probability: number } | null;
}

/** What the dispatch dialog knows of the case. */
interface CaseForDispatch {
  title: string;
  /** 诉求内容, when the dialog has the full case */
  description?: string;
  category: { id: number; name: string } | null;
}

/**
 * The lead unit to pre-fill when dispatching a case: the default unit of the matter the agent chose wins, as
 * the catalog says who handles it; the classifier's unit suggestion (calibrated) fills in when the matter has
 * none, and is named as the alternative when it differs. Null when neither gives one of the caller's units.
 */
export async function suggestLeadUnit(caseData: CaseForDispatch): Promise<LeadUnitSuggestion | null> {
  const [[{ items: units }], defaultId, model] = await Promise.all([
    loadPickerBase(),
    caseData.category ? findDefaultUnitId(caseData.category.id) : Promise.resolve(null),
    // without a suggestion (no model, no permission, a failure) the matter's default still stands
    classifyRequest({ title: caseData.title, description: caseData.description || caseData.title }).catch(
      () => null,
    ),
  ]);
  const nameOf = (id: number) => units.find((u) => u.id === id)?.name ?? null;
  // a unit the classifier is unsure of is no reason to pre-fill anything
  const modelUnit =
    model?.unit && nameOf(model.unit.orgId) !== null && !isUncertainSuggestion(model.unit.probability)
      ? model.unit
      : null;
  if (defaultId !== null) {
    const agree = modelUnit?.orgId === defaultId;
    return {
      unitId: defaultId,
      unitName: nameOf(defaultId) ?? '',
      source: agree ? 'both' : 'category',
      categoryName: caseData.category?.name ?? null,
      probability: agree && modelUnit ? modelUnit.probability : null,
      alternative:
        modelUnit && !agree
          ? { unitId: modelUnit.orgId, name: modelUnit.name, probability: modelUnit.probability }
          : null,
    };
  }
  if (!modelUnit) return null;
  return {
    unitId: modelUnit.orgId,
    unitName: modelUnit.name,
    source: 'model',
    categoryName: null,
    probability: modelUnit.probability,
    alternative: null,
  };
}
