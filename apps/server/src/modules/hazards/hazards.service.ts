import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type {
  HazardActionInput,
  HazardActionOnHazard,
  HazardDetail,
  HazardInput,
  HazardLevel,
  HazardListQuery,
  HazardPage,
  HazardSource,
  HazardView,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { pageAnswer } from '../../platform/http/lists.js';
import {
  availableLifecycleActions,
  runCreation,
  runTransition,
} from '../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { attachmentPath, type StoredFile } from '../cases/attachments/attachment-store.js';
import { isCaseInScope } from '../cases/case-access.js';
import { findCase } from '../cases/cases.repository.js';
import { decodePhotos, storePhotos } from '../grid/grid-photos.js';
import { assertSafetyReachable, safetyListScopeOf } from './enterprise-account.policy.js';
import { type EnterpriseListRow, findEnterprise } from './enterprises.repository.js';
import { HAZARD_DEFINITION, type HazardEnvironment } from './hazard-lifecycle.js';
import { hazardLight, presentHazard, presentHazardDetail } from './hazards.presenter.js';
import {
  findHazard,
  findHazardEvents,
  findHazardPhoto,
  findHazardPhotos,
  type HazardListRow,
  type HazardRow,
  insertHazard,
  insertHazardPhotos,
  listHazards,
} from './hazards.repository.js';

/**
 * What hazard actions run under, read before their transaction (the embedded database has one connection:
 * nothing may be read beside an open transaction).
 */
export async function hazardEnvironment(ctx: AppContext, photos?: StoredFile[]): Promise<HazardEnvironment> {
  return { now: ctx.clock.now(), chainKey: ctx.chainKey, calendar: await loadWorkingCalendar(ctx), photos };
}

/** Hazards as one actor sees them: light, masked text and the actions he may take. */
async function present(ctx: AppContext, actor: Actor, rows: readonly HazardListRow[]): Promise<HazardView[]> {
  const env = await hazardEnvironment(ctx);
  const masking = freeTextMaskingFor(actor);
  return rows.map((row) =>
    presentHazard(row, {
      actions: availableLifecycleActions(HAZARD_DEFINITION, { actor, row, now: env.now, env }, ['record']),
      light: hazardLight(env.calendar, row, env.now),
      masking,
    }),
  );
}

/** The enterprise a hazard or inspection is of, in the actor's scope (404, 403 otherwise). */
export async function loadEnterpriseInScope(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<EnterpriseListRow> {
  const enterprise = await findEnterprise(ctx.db, id);
  if (!enterprise) throw fieldError('enterpriseId', 'not_found', `企业 ${id} 不存在`);
  await assertSafetyReachable(ctx.db, actor, enterprise, enterprise.id);
  return enterprise;
}

/** A new hazard as `writeHazard` puts it in a transaction: what, of which enterprise, from where. */
export interface NewHazard {
  enterprise: EnterpriseListRow;
  level: HazardLevel;
  source: HazardSource;
  description: string;
  place: string | null;
  inspectionId: number | null;
  caseId: number | null;
  /** the grid worker's finding it is referred from (转安全隐患) */
  gridFindingId: number | null;
  photos: StoredFile[];
}

/**
 * Writes a hazard through the shared mechanism (its 登记 event and outbox row) inside the caller's
 * transaction, so that an inspection and the hazards its failed items became commit together.
 */
export async function writeHazard(
  tx: Tx,
  env: HazardEnvironment,
  actor: Actor,
  hazard: NewHazard,
): Promise<HazardRow> {
  const { enterprise } = hazard;
  return runCreation(
    tx,
    HAZARD_DEFINITION,
    actor,
    'record',
    async (state) => {
      const row = await insertHazard(tx, {
        enterpriseId: enterprise.id,
        orgPath: enterprise.orgPath,
        supervisingOrgPath: enterprise.supervisingOrgPath,
        level: hazard.level,
        source: hazard.source,
        description: hazard.description,
        place: hazard.place,
        inspectionId: hazard.inspectionId,
        caseId: hazard.caseId,
        gridFindingId: hazard.gridFindingId,
        reporterUserId: actor.userId,
        reporterName: actor.displayName,
        state,
        createdAt: env.now,
        updatedAt: env.now,
      });
      await insertHazardPhotos(
        tx,
        hazard.photos.map((file) => ({
          hazardId: row.id,
          role: 'report',
          sha256: file.sha256,
          mime: file.mime,
          size: file.size,
          uploadedByUserId: actor.userId,
          uploadedAt: env.now,
        })),
      );
      return row;
    },
    {
      note: hazard.description,
      changes: {
        level: hazard.level,
        source: hazard.source,
        inspectionId: hazard.inspectionId,
        caseId: hazard.caseId,
        gridFindingId: hazard.gridFindingId,
      },
    },
    env,
    undefined,
  );
}

/** The source of a hazard registered directly: the case's, or what the caller's role finds. */
function sourceOf(actor: Actor, input: HazardInput): HazardSource {
  if (input.caseId !== undefined) return 'case';
  if (input.source) return input.source;
  return actor.roles.includes('grid_worker') ? 'grid_finding' : 'self_check';
}

/** The 12345 case a hazard comes from: it exists and the actor may read it (400 on `caseId` otherwise). */
async function checkCase(ctx: AppContext, actor: Actor, caseId: number | undefined): Promise<number | null> {
  if (caseId === undefined) return null;
  const found = await findCase(ctx.db, caseId);
  if (!found || !(await isCaseInScope(ctx.db, actor, caseId))) {
    throw fieldError('caseId', 'not_found', `工单 ${caseId} 不存在或不在您的管辖范围内`);
  }
  return caseId;
}

/**
 * 登记隐患: a hazard of an enterprise from its self-check, a grid worker's finding or a 12345 case (one action:
 * the case named by `caseId`), with its photos (checked by their magic bytes).
 */
export async function recordHazard(ctx: AppContext, actor: Actor, input: HazardInput): Promise<HazardDetail> {
  const source = sourceOf(actor, input);
  if (source === 'inspection') {
    throw fieldError('source', 'inspection_only', '监督检查发现的隐患随检查登记，请在检查中填写不合格项');
  }
  if (source === 'case' && input.caseId === undefined)
    throw fieldError('caseId', 'required', '请填写来源工单');
  const enterprise = await loadEnterpriseInScope(ctx, actor, input.enterpriseId);
  const caseId = await checkCase(ctx, actor, input.caseId);
  const photos = await storePhotos(ctx, decodePhotos(input.photos, 'photos'));
  const env = await hazardEnvironment(ctx);
  const row = await ctx.db.transaction((tx) =>
    writeHazard(tx, env, actor, {
      enterprise,
      level: input.level,
      source,
      description: input.description,
      place: input.place || null,
      inspectionId: null,
      caseId,
      gridFindingId: null,
      photos,
    }),
  );
  return getHazard(ctx, actor, row.id);
}

/** The photos an action carries, stored before its transaction. */
function photosOf<A extends HazardActionOnHazard>(
  action: A,
  input: HazardActionInput<A>,
): string[] | undefined {
  if (action === 'close_on_spot') return (input as HazardActionInput<'close_on_spot'>).photos;
  if (action === 'rectify') return (input as HazardActionInput<'rectify'>).photos;
  return undefined;
}

/** Takes an action on a hazard through the shared mechanism (one transaction), answering it as it is now. */
export async function actOnHazard<A extends HazardActionOnHazard>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  input: HazardActionInput<A>,
): Promise<HazardDetail> {
  const photos = await storePhotos(ctx, decodePhotos(photosOf(action, input), 'photos'));
  const env = await hazardEnvironment(ctx, photos);
  await ctx.db.transaction((tx) => runTransition(tx, HAZARD_DEFINITION, actor, { id, action, input }, env));
  return getHazard(ctx, actor, id);
}

/** A hazard with its timeline and photos, in the actor's scope. */
export async function getHazard(ctx: AppContext, actor: Actor, id: number): Promise<HazardDetail> {
  const row = await findHazard(ctx.db, id);
  if (!row) throw HAZARD_DEFINITION.notFound(id);
  await assertSafetyReachable(ctx.db, actor, row, row.enterpriseId);
  const env = await hazardEnvironment(ctx);
  const [events, photos] = await Promise.all([findHazardEvents(ctx.db, id), findHazardPhotos(ctx.db, id)]);
  const extras = {
    actions: availableLifecycleActions(HAZARD_DEFINITION, { actor, row, now: env.now, env }, ['record']),
    light: hazardLight(env.calendar, row, env.now),
    masking: freeTextMaskingFor(actor),
  };
  return presentHazardDetail(row, extras, events, photos);
}

/**
 * A page of the hazards in the actor's scope (an enterprise account: its own), newest first; `overdue=true` is
 * the supervisor's list.
 */
export async function listHazardsForActor(
  ctx: AppContext,
  actor: Actor,
  query: HazardListQuery,
): Promise<HazardPage> {
  const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');
  const scope = await safetyListScopeOf(ctx.db, actor, query.enterpriseId);
  if (!scope) return pageAnswer([], 0, query);
  const { rows, total } = await listHazards(ctx.db, {
    ...scope,
    state: query.state,
    level: query.level,
    overdueAt: query.overdue === 'true' ? ctx.clock.now() : undefined,
    listed: flag(query.listed),
    open: flag(query.open),
    page: query.page,
    pageSize: query.pageSize,
  });
  return pageAnswer(await present(ctx, actor, rows), total, query);
}

/** A hazard photo's bytes and type, scope-checked through its hazard. */
export async function openHazardPhoto(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ mime: string; size: number; stream: Readable }> {
  const photo = await findHazardPhoto(ctx.db, id);
  const hazard = photo && (await findHazard(ctx.db, photo.hazardId));
  if (!photo || !hazard) throw new AppError('PHOTO_NOT_FOUND', `照片 ${id} 不存在`);
  await assertSafetyReachable(ctx.db, actor, hazard, hazard.enterpriseId);
  return {
    mime: photo.mime,
    size: photo.size,
    stream: fs.createReadStream(attachmentPath(ctx.config.SHANZHI_DATA_DIR, photo.sha256)),
  };
}
