import type { CaseFacet } from './modules/cases/case-facets.js';
import { caseMediationFacet } from './modules/mediation/case-mediation-facet.js';
import { casePetitionFacet } from './modules/petitions/case-petition-facet.js';

/**
 * The modules that take steps of their own over a case and keep what came of them, shown on a case in full:
 * mediation (转人民调解, and the dispute the case became) and petition agency (转信访代办, and the petition).
 */
export const CASE_FACETS: readonly CaseFacet[] = [caseMediationFacet, casePetitionFacet];
