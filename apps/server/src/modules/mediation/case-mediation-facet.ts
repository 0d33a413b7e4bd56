import { CASE_MEDIATION_OFFERS, type CaseMediationAction } from '@shanzhi/shared';
import { lifecycleActionOptions } from '../../platform/lifecycle/transition.js';
import type { CaseFacet } from '../cases/case-facets.js';
import { CASE_MEDIATION_DEFINITION } from './case-mediation.js';
import { findDisputeOfCase } from './disputes.repository.js';

type Offer = (typeof CASE_MEDIATION_OFFERS)[number];

/** Whether a step is one a person takes (offered), not the platform's own. */
const isOffered = (action: CaseMediationAction): action is Offer =>
  (CASE_MEDIATION_OFFERS as readonly CaseMediationAction[]).includes(action);

/**
 * Mediation on a case in full: 转人民调解 when the caller may take it now — the same table, role, permission
 * and guard as the step itself (a case converted once is not offered again) — and the dispute it became.
 */
export const caseMediationFacet: CaseFacet = {
  async partOf(ctx, scene) {
    const converted = (await findDisputeOfCase(ctx.db, scene.row.id)) ?? null;
    const fields = { disputeId: converted?.id ?? null, disputeNumber: converted?.number ?? null };
    // the step locks the case through the caller's scope: a case he does not read offers him nothing
    if (!scene.relation.reads) return { actions: [], fields };
    const env = {
      ctx,
      now: scene.now,
      chainKey: ctx.chainKey,
      calendar: scene.calendar,
      settings: scene.settings,
      converted,
    };
    const { actions } = lifecycleActionOptions(CASE_MEDIATION_DEFINITION, { ...scene, env });
    return { actions: actions.filter(isOffered), fields };
  },
};
