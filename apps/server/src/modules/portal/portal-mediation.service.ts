import type { MediationApplicationInput, MediationApplied } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { findCommittee } from '../mediation/committees.repository.js';
import { recordDispute } from '../mediation/disputes.service.js';
import { portalActor } from './portal.service.js';
import { findPublicArea } from './portal-map.repository.js';
import type { PortalPhoto } from './portal-photos.js';

/** How a citizen follows his application: the number, then the room's code sent to his phone. */
function trackingHint(number: string): string {
  return (
    `请记下纠纷编号 ${number}。调委会受理并安排调解员后，会把调解室访问码发送到当事人手机；` +
    '凭纠纷编号和访问码可在「进入调解室」查看办理进度。'
  );
}

/**
 * 网上申请调解: registers a citizen's application through the disputes' own intake — source 网上申请, the
 * portal's actor (no signed-in user, as for a 12345 request), in the state a staff registration lands in, at
 * the committee of its place and field — with the evidence files sent with it (already proven photos or PDFs
 * in the attachment store), listed on its register event. The place must be an area of the public map.
 * Answers only what the citizen may see: no party's data.
 */
export async function applyForMediation(
  ctx: AppContext,
  input: MediationApplicationInput,
  ip: string,
  evidence: readonly PortalPhoto[] = [],
): Promise<MediationApplied> {
  if (!(await findPublicArea(ctx.db, input.orgId))) {
    throw fieldError('orgId', 'not_an_area', '请选择纠纷发生的区、镇（街道）或村（社区）');
  }
  const actor = await portalActor(ctx, ip);
  const row = await recordDispute(ctx, actor, { ...input, source: 'portal' }, { evidence });
  const committee = row.committeeId === null ? undefined : await findCommittee(ctx.db, row.committeeId);
  return {
    number: row.number,
    state: row.state as MediationApplied['state'],
    committeeName: committee?.name ?? null,
    evidenceCount: evidence.length,
    hint: trackingHint(row.number),
  };
}
