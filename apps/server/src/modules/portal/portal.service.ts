import {
  PORTAL_CHANNEL,
  type PortalCaseView,
  type PortalRatingInput,
  type PortalSubmitInput,
  type PortalSuggestion,
  type RegisterInput,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { registerCase } from '../cases/register-case.js';
import { findCategoryNames } from '../catalog/catalog.repository.js';
import { classifyMessage } from '../intelligence/classify.service.js';
import { findOrgBriefs } from '../orgs/org-briefs.repository.js';
import { portalStatusOf, presentPortalCase } from './portal.presenter.js';
import {
  findCaseByNumberAndPhone,
  findPublicEventRows,
  findRating,
  findRootOrg,
  insertRating,
} from './portal.repository.js';
import type { PortalCaptchaAnswer } from './portal-captcha.js';
import type { PortalPhoto } from './portal-photos.js';
import { admitTrackingAttempt, noteTrackingSucceeded } from './portal-tracking-guard.js';

/** The name the timeline records for a request made on the portal. */
export const PORTAL_ACTOR_NAME = '群众（网上门户）';

/** A phone as the portal stores and compares it: digits only (`0473-1234567` → `04731234567`). */
export function normalisePortalPhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Who registers a portal request, or an application for mediation. Not a signed-in user: citizens need no
 * account to ask for help. The portal acts as a system actor of the city (the root of the org tree), with no
 * permissions and user id 0 (no staff user; the timeline names it 「群众（网上门户）」). Registering for the city
 * lets the cases module route the request as it routes any online request: to the social-governance centre
 * of the district where it happened, or the city's; a dispute goes to the committee of its place and field.
 */
export async function portalActor(ctx: AppContext, ip: string): Promise<Actor> {
  const root = await findRootOrg(ctx.db);
  if (!root) throw new AppError('NOT_READY', '平台尚未初始化，暂时无法受理');
  return {
    userId: 0,
    username: 'portal',
    displayName: PORTAL_ACTOR_NAME,
    orgId: root.id,
    orgCode: root.code,
    orgName: root.name,
    orgKind: root.kind,
    orgPath: root.path,
    // the citizen registers his own request (登记 is a citizen's action in the lifecycle table)
    roles: ['citizen'],
    permissions: new Set(),
    scopePath: root.path,
    ip,
  };
}

/**
 * 网上提交: registers the citizen's request through the case spine's intake, source `online`, channel portal,
 * with the photos that came with it (already proven images in the attachment store) as its attachments, listed
 * on the register event — one statement, so the request is kept with its photos or not at all.
 */
export async function submitPortalCase(
  ctx: AppContext,
  input: PortalSubmitInput,
  ip: string,
  photos: readonly PortalPhoto[] = [],
): Promise<{ number: string }> {
  const actor = await portalActor(ctx, ip);
  const register: RegisterInput = {
    source: 'online',
    channelCode: PORTAL_CHANNEL,
    type: input.type,
    title: input.title || undefined,
    content: input.description,
    categoryId: input.categoryId,
    priority: 'normal',
    citizenName: input.citizenName || undefined,
    citizenPhone: normalisePortalPhone(input.phone),
    anonymous: false,
    keepPrivate: input.keepPrivate,
    address: input.address || undefined,
    location: input.location,
  };
  const { row } = await registerCase(ctx, actor, register, photos);
  return { number: row.number };
}

/** The same answer for an unknown number and a wrong phone, so the portal tells nobody which numbers exist. */
function notFound(): AppError {
  return new AppError('CASE_NOT_FOUND', '未找到该工单，请核对工单编号和联系电话');
}

/** Who asks about a case on the portal: the client's address and, when asked for one, a captcha's answer. */
export interface PortalAsker {
  ip: string;
  captcha?: PortalCaptchaAnswer | undefined;
}

/** The captcha answer of a query or body, when it carries one. */
export function captchaOf(input: {
  captchaId?: string | undefined;
  captchaAnswer?: string | undefined;
}): PortalCaptchaAnswer | undefined {
  return input.captchaId && input.captchaAnswer
    ? { captchaId: input.captchaId, captchaAnswer: input.captchaAnswer }
    : undefined;
}

/**
 * The case with this number whose citizen gave this phone, for whoever proves it: every attempt passes the
 * tracking guard first (number lock, address limit, captcha), and a wrong phone stays counted against both.
 */
async function loadOwnCase(ctx: AppContext, number: string, phone: string, asker: PortalAsker) {
  const now = ctx.clock.now();
  const reservations = await admitTrackingAttempt(
    ctx,
    { number, address: asker.ip, captcha: asker.captcha },
    now,
  );
  const row = await findCaseByNumberAndPhone(ctx.db, number, normalisePortalPhone(phone));
  if (!row) throw notFound();
  await noteTrackingSucceeded(ctx, reservations);
  return row;
}

type OwnCaseRow = Awaited<ReturnType<typeof loadOwnCase>>;

/** The public view of a case its citizen has proven is theirs. */
async function presentOwnCase(ctx: AppContext, row: OwnCaseRow): Promise<PortalCaseView> {
  const events = await findPublicEventRows(ctx.db, row.id);
  const orgIds = events.flatMap((e) => {
    const lead = (e.changes as Record<string, unknown> | null)?.leadUnitId;
    return [e.actorOrgId, typeof lead === 'number' ? lead : null].filter((id): id is number => id !== null);
  });
  const [orgBriefs, categories, rating] = await Promise.all([
    findOrgBriefs(ctx.db, orgIds),
    findCategoryNames(ctx.db, row.categoryId === null ? [] : [row.categoryId]),
    findRating(ctx.db, row.id),
  ]);
  const orgNames = new Map([...orgBriefs].map(([id, o]) => [id, o.name]));
  const category = row.categoryId === null ? null : (categories.get(row.categoryId) ?? null);
  return presentPortalCase(row, events, { category, orgs: orgNames }, rating);
}

/** 进度查询: the public view of a case, for whoever knows its number and the phone given with it. */
export async function trackPortalCase(
  ctx: AppContext,
  number: string,
  phone: string,
  asker: PortalAsker,
): Promise<PortalCaseView> {
  return presentOwnCase(ctx, await loadOwnCase(ctx, number, phone, asker));
}

/** 群众评价: the citizen rates a closed case, once. */
export async function ratePortalCase(
  ctx: AppContext,
  number: string,
  input: PortalRatingInput,
  asker: PortalAsker,
): Promise<PortalCaseView> {
  const row = await loadOwnCase(ctx, number, input.phone, asker);
  if (portalStatusOf(row.state as never) !== 'closed') {
    throw new AppError('TRANSITION_NOT_ALLOWED', '工单办结后才能评价');
  }
  const created = await insertRating(ctx.db, {
    caseId: row.id,
    satisfaction: input.satisfaction,
    comment: input.comment || null,
    createdAt: ctx.clock.now(),
  });
  if (!created) throw new AppError('CONFLICT', '该工单已评价过，每件工单只能评价一次');
  return presentOwnCase(ctx, row);
}

/**
 * 推荐事项: the classifier's top categories for the citizen's text, through the intelligence service (not the
 * staff route): only category names and probabilities leave, never units or the model's reasons. Without an
 * active model the list is empty.
 */
export async function suggestPortalCategory(
  ctx: AppContext,
  input: { title?: string | undefined; description: string },
): Promise<PortalSuggestion> {
  const result = await classifyMessage(
    ctx,
    { title: input.title ?? null, description: input.description },
    3,
  );
  return {
    categories: result.categories.map((c) => ({
      id: c.categoryId,
      name: c.name,
      probability: Math.round(c.probability * 1000) / 1000,
    })),
    police: result.police.flagged,
  };
}
