import { PetitionsPage } from './PetitionsPage.js';

/** 风险预警 `/petitions/risks`: the petitions flagged for a risk of escalation, for the leaders. */
export function PetitionRisksPage() {
  return <PetitionsPage risks />;
}
