import type { DisputeActionInput, RegisterInput } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { type PreparedRegistration, prepareRegistration } from '../cases/register-case.js';
import { disputeNotFound } from './dispute-lifecycle.js';
import { findDispute, findPartiesOf } from './disputes.repository.js';
import { partyPhone } from './party-contacts.js';

/** The dispute actions that open a case of the spine. */
export type CaseOpeningAction = 'refer_to_hotline' | 'transfer_to_case';

type DisputeRow = NonNullable<Awaited<ReturnType<typeof findDispute>>>;

/** What each of them registers: the case's type, priority, title and first line. */
const CASE_OF: Record<
  CaseOpeningAction,
  (dispute: DisputeRow) => Pick<RegisterInput, 'type' | 'priority' | 'title' | 'content'>
> = {
  // 转心理援助热线: a party in psychological crisis, for the 24-hour hotline to call back at once
  refer_to_hotline: (dispute) => ({
    type: 'help',
    priority: 'urgent',
    title: `心理援助：${dispute.title}`,
    content: `【24小时心理援助热线】纠纷 ${dispute.number}（${dispute.title}）当事人出现心理危机，请热线跟进。`,
  }),
  // 转部门办理: mediation could not settle it; the department the matter belongs to takes it as a complaint
  transfer_to_case: (dispute) => ({
    type: 'complaint',
    priority: 'normal',
    title: `调解不成转办：${dispute.title}`,
    content: `【调解转办】纠纷 ${dispute.number}（${dispute.title}）经人民调解未能达成协议，请职能部门依职责处理。\n纠纷事实：${dispute.facts}`,
  }),
};

/**
 * The case a dispute action opens (source 调解转办), with the applicant as the citizen to call back and the
 * dispute's number as its external reference. Prepared before the action's transaction, written inside it.
 */
export async function prepareDisputeCase(
  ctx: AppContext,
  actor: Actor,
  disputeId: number,
  action: CaseOpeningAction,
  input: DisputeActionInput<CaseOpeningAction>,
): Promise<PreparedRegistration> {
  const dispute = await findDispute(ctx.db, disputeId);
  if (!dispute) throw disputeNotFound(disputeId);
  const applicant = (await findPartiesOf(ctx.db, [disputeId]))
    .get(disputeId)
    ?.find((p) => p.role === 'applicant');
  const phone = applicant ? partyPhone(ctx, applicant) : null;
  const { type, priority, title, content } = CASE_OF[action](dispute);
  const register: RegisterInput = {
    source: 'mediation_escalation',
    type,
    title: title!.slice(0, 100),
    content: `${content}\n${input.note}`.slice(0, 5000),
    priority,
    citizenName: applicant?.name,
    citizenPhone: phone ?? undefined,
    anonymous: false,
    keepPrivate: true,
    externalRef: dispute.number,
  };
  return prepareRegistration(ctx, actor, register);
}
