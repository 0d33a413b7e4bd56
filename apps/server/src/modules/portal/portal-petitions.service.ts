import {
  canonicalPhone,
  type PortalAgencyPoints,
  type PortalPetitionInput,
  type PortalPetitionSubmitted,
  type PortalPetitionView,
  petitionNumber,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { openSealed } from '../grid/registers/register-sealing.js';
import { findAgencyPoints } from '../petitions/agency-points.repository.js';
import { findPetition, findPetitionEvents, findPetitionersOf } from '../petitions/petitions.repository.js';
import { petitionEnvironment, writePetition } from '../petitions/petitions.service.js';
import { type PortalAsker, portalActor } from './portal.service.js';
import { presentPortalPetition } from './portal-petitions.presenter.js';
import { admitTrackingAttempt, noteTrackingSucceeded } from './portal-tracking-guard.js';

function trackingHint(number: string, orgName: string): string {
  return (
    `请记下信访编号 ${number}。${orgName}的代办员认领后会与您联系，是否受理将在 15 日内告知；` +
    '凭信访编号和联系电话可在「查询进度」查看办理情况。'
  );
}

/**
 * 网上信访: registers a citizen's own petition through the petitions' intake — source 网上信访, mode 指定代办,
 * the portal's actor (no signed-in user) — at the agency point he picked (an org where petition agents work),
 * without an agent (待认领) until one of the point takes it. The acceptance limit runs from now.
 */
export async function submitPortalPetition(
  ctx: AppContext,
  input: PortalPetitionInput,
  ip: string,
): Promise<PortalPetitionSubmitted> {
  const [point] = await findAgencyPoints(ctx.db, input.orgId);
  if (!point) throw fieldError('orgId', 'not_an_agency_point', '请从列表中选择代办点');
  const [actor, env] = await Promise.all([portalActor(ctx, ip), petitionEnvironment(ctx)]);
  const row = await ctx.db.transaction((tx) =>
    writePetition(
      tx,
      ctx,
      actor,
      {
        mode: 'designated',
        matter: input.matter,
        responsibleBody: input.responsibleBody,
        petitioners: [{ name: input.name, idNumber: input.idNumber, phone: input.phone }],
      },
      { source: 'portal', caseId: null, org: { id: point.id, path: point.path }, unclaimed: true },
      env,
    ),
  );
  const number = petitionNumber(row.id);
  return { number, orgName: point.name, hint: trackingHint(number, point.name) };
}

/** The same answer for an unknown number and a wrong phone, so the portal tells nobody which numbers exist. */
function notFound(): AppError {
  return new AppError('PETITION_NOT_FOUND', '未找到该信访事项，请核对信访编号和联系电话');
}

/** Whether one of the petition's petitioners gave this phone. */
async function givenPhone(ctx: AppContext, petitionId: number, phone: string): Promise<boolean> {
  const typed = canonicalPhone(phone);
  const petitioners = (await findPetitionersOf(ctx.db, [petitionId])).get(petitionId) ?? [];
  return petitioners.some(
    (p) => typed !== null && openSealed(ctx, 'petitioner.phone', p.phoneSealed) === typed,
  );
}

/**
 * 查询进度: the portal's view of a petition, for whoever knows its number and a petitioner's phone; every
 * attempt passes the tracking guard first, as for a case (number lock, address limit, captcha).
 */
export async function trackPortalPetition(
  ctx: AppContext,
  number: string,
  phone: string,
  asker: PortalAsker,
): Promise<PortalPetitionView> {
  const reservations = await admitTrackingAttempt(
    ctx,
    { number, address: asker.ip, captcha: asker.captcha },
    ctx.clock.now(),
  );
  const id = Number(number.slice('XF-'.length));
  const row = await findPetition(ctx.db, id);
  if (!row || !(await givenPhone(ctx, id, phone))) throw notFound();
  await noteTrackingSucceeded(ctx, reservations);
  return presentPortalPetition(row, await findPetitionEvents(ctx.db, id));
}

/** 代办点 a citizen may leave his petition at: id and name only. */
export async function listPortalAgencyPoints(ctx: AppContext): Promise<PortalAgencyPoints> {
  const points = await findAgencyPoints(ctx.db);
  return { points: points.map(({ id, name }) => ({ id, name })) };
}
