import {
  maskPersonalDataInText,
  PETITION_STATE_LABELS,
  PETITION_TRANSITIONS,
  type PetitionState,
  PORTAL_PETITION_STEPS,
  type PortalPetitionView,
  petitionNumber,
} from '@shanzhi/shared';
import type { PetitionEventRow, PetitionListRow } from '../petitions/petitions.repository.js';

const PUBLIC_STEPS: ReadonlySet<string> = new Set(PORTAL_PETITION_STEPS);

/**
 * A petition as the portal shows it to the petitioner who proved it is his: its state, the agency point, its
 * limits and the steps he is told of (登记、认领、受理 … 办结) with their dates — no agent's notes, the personal
 * data in his matter masked as for a case.
 */
export function presentPortalPetition(
  row: PetitionListRow,
  events: readonly PetitionEventRow[],
): PortalPetitionView {
  return {
    number: petitionNumber(row.id),
    state: row.state as PetitionState,
    stateLabel: PETITION_STATE_LABELS[row.state as PetitionState],
    matter: maskPersonalDataInText(row.matter),
    orgName: row.orgName,
    taken: row.agentUserId !== null,
    submittedAt: row.createdAt.toISOString(),
    acceptDeadline: row.acceptDeadline.toISOString(),
    answerDeadline: row.answerDeadline?.toISOString() ?? null,
    timeline: events
      .filter((e) => PUBLIC_STEPS.has(e.action))
      .map((e) => ({
        action: e.action,
        label: PETITION_TRANSITIONS[e.action as keyof typeof PETITION_TRANSITIONS].label,
        at: e.at.toISOString(),
      })),
  };
}
