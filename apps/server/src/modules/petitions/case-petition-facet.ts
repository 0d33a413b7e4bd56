import { CASE_PETITION_OFFERS, type CasePetitionAction } from '@shanzhi/shared';
import { lifecycleActionOptions } from '../../platform/lifecycle/transition.js';
import type { CaseFacet } from '../cases/case-facets.js';
import { CASE_PETITION_DEFINITION } from './case-petition.js';
import { findPetitionOfCase } from './petitions.repository.js';

type Offer = (typeof CASE_PETITION_OFFERS)[number];

/** Whether a step is one a person takes (offered), not the platform's own. */
const isOffered = (action: CasePetitionAction): action is Offer =>
  (CASE_PETITION_OFFERS as readonly CasePetitionAction[]).includes(action);

/**
 * Petition agency on a case in full: 转信访代办 when the caller may take it now — the same table, role,
 * permission and guard as the step itself (a case converted once is not offered again) — and the petition it
 * became.
 */
export const casePetitionFacet: CaseFacet = {
  async partOf(ctx, scene) {
    const converted = (await findPetitionOfCase(ctx.db, scene.row.id)) ?? null;
    const fields = { petitionId: converted?.id ?? null };
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
    const { actions } = lifecycleActionOptions(CASE_PETITION_DEFINITION, { ...scene, env });
    return { actions: actions.filter(isOffered), fields };
  },
};
