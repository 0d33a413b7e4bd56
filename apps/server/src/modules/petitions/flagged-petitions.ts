import {
  type DashboardFlaggedPetition,
  type DashboardPetitionRisks,
  maskPersonName,
  PETITION_RISK_KIND_LABELS,
  type PetitionRiskKind,
  petitionNumber,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import {
  type FreeTextMasking,
  freeTextMaskingFor,
  readsPersonalData,
} from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import {
  findFlaggedPetitions,
  findPetitionersOf,
  type PetitionerRow,
  type PetitionListRow,
} from './petitions.repository.js';

/** A flagged petition as the wall shows it: the first petitioner's name and the matter masked as needed. */
function presentFlaggedPetition(
  row: PetitionListRow,
  petitioners: readonly PetitionerRow[],
  inFull: boolean,
  masking: FreeTextMasking,
): DashboardFlaggedPetition {
  const first = petitioners[0]?.name ?? '';
  const name = inFull ? first : (maskPersonName(first) ?? '');
  const kind = row.riskKind as PetitionRiskKind;
  return {
    id: row.id,
    number: petitionNumber(row.id),
    riskKind: kind,
    riskKindLabel: PETITION_RISK_KIND_LABELS[kind],
    petitioner: petitioners.length > 1 ? `${name} 等 ${petitioners.length} 人` : name,
    matter: masking.text(row.matter),
    orgName: row.orgName,
    flaggedAt: row.riskFlaggedAt!.toISOString(),
  };
}

/**
 * 信访风险预警 on the wall: the petitions of the subtree at `path` flagged for a risk of escalation (民转刑、
 * 极端事件苗头), the latest `limit` with how many in all — for a viewer who may read petitions (null otherwise).
 */
export async function flaggedPetitionsOf(
  ctx: AppContext,
  actor: Actor,
  path: string,
  limit: number,
): Promise<DashboardPetitionRisks | null> {
  if (!actor.permissions.has('petition.read')) return null;
  const { total, rows } = await findFlaggedPetitions(ctx.db, path, limit);
  const petitioners = await findPetitionersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const inFull = readsPersonalData(actor);
  const masking = freeTextMaskingFor(actor);
  return {
    total,
    items: rows.map((row) => presentFlaggedPetition(row, petitioners.get(row.id) ?? [], inFull, masking)),
  };
}
