import type { CaseDetail, CaseOfferedAction } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ActionScene } from './case-actions/action-handler.js';
import type { CaseActionsView } from './case-actions.policy.js';

/** What a case in full holds of the modules built on the spine, beside the spine's own columns. */
export type CaseFacetFields = Pick<CaseDetail, 'disputeId' | 'disputeNumber' | 'petitionId'>;

/** A facet's part of a case in full: the steps of its own over the case the caller may take, and its fields. */
export interface CaseFacetPart {
  actions: CaseOfferedAction[];
  fields: Partial<CaseFacetFields>;
}

/**
 * A module that takes steps of its own over a case and keeps what came of them (mediation: 转人民调解 and the
 * dispute the case became). The composition root hands the facets to the case routes, so the spine names no
 * module built on it while a case's answer still lists every action its caller may take.
 */
export interface CaseFacet {
  /** the facet's part of the case on `scene` (read outside any transaction: for display) */
  partOf(ctx: AppContext, scene: ActionScene): Promise<CaseFacetPart>;
}

/** What the facets' fields are on a case none of them has touched. */
const NO_FACET_FIELDS: CaseFacetFields = { disputeId: null, disputeNumber: null, petitionId: null };

/** The spine's actions and the facets' parts of a case in full, as one answer. */
export interface CaseDetailView {
  actions: CaseOfferedAction[];
  idleReason: CaseActionsView['idleReason'];
  fields: CaseFacetFields;
}

/**
 * The case's actions and facet fields for the caller: the spine's actions, then each facet's; the spine's
 * idle reason only while nothing at all is offered.
 */
export async function caseDetailView(
  ctx: AppContext,
  scene: ActionScene,
  spine: CaseActionsView,
  facets: readonly CaseFacet[],
): Promise<CaseDetailView> {
  const parts = await Promise.all(facets.map((facet) => facet.partOf(ctx, scene)));
  const actions = [...spine.actions, ...parts.flatMap((p) => p.actions)];
  return {
    actions,
    idleReason: actions.length > 0 ? null : spine.idleReason,
    fields: Object.assign({ ...NO_FACET_FIELDS }, ...parts.map((p) => p.fields)),
  };
}
