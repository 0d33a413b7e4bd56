import type { CaseDetail } from '@shanzhi/shared';

/** What a case's page shows of mediation: the dispute the case became, the 转人民调解 button, or nothing. */
export type CaseMediationView = { kind: 'dispute'; id: number; number: string } | { kind: 'convert' } | null;

/**
 * A case's mediation from the server's answer alone: the dispute it was converted to (`disputeId`), else
 * 转人民调解 when the server lists `convert_to_dispute` among the caller's actions.
 */
export function caseMediationView(
  detail: Pick<CaseDetail, 'actions' | 'disputeId' | 'disputeNumber'>,
): CaseMediationView {
  if (detail.disputeId !== null) {
    return { kind: 'dispute', id: detail.disputeId, number: detail.disputeNumber ?? `#${detail.disputeId}` };
  }
  return detail.actions.includes('convert_to_dispute') ? { kind: 'convert' } : null;
}
