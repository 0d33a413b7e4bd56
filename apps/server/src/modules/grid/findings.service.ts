import fs from 'node:fs';
import type { Readable } from 'node:stream';
import type {
  GridFindingActionInput,
  GridFindingActionOnFinding,
  GridFindingDetail,
  GridFindingListQuery,
  GridFindingView,
  KeysetPage,
  RecordFindingInput,
  ReferHazardInput,
  RegisterInput,
  ReportUpInput,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AlreadyReceivedError, AppError, fieldError } from '../../platform/errors/app-error.js';
import { decodeCursor, isInstantIdPosition, keysetPage } from '../../platform/http/lists.js';
import {
  availableLifecycleActions,
  runCreation,
  runTransition,
} from '../../platform/lifecycle/transition.js';
import { attachmentPath, type StoredFile } from '../cases/attachments/attachment-store.js';
import type { AttachmentType } from '../cases/attachments/attachment-types.js';
import { prepareRegistration } from '../cases/register-case.js';
import { findCategory } from '../catalog/catalog.repository.js';
import { hazardEnvironment, loadEnterpriseInScope } from '../hazards/hazards.service.js';
import { locateChainAt } from '../orgs/grid-index.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { FINDING_DEFINITION, type FindingEnvironment } from './finding-lifecycle.js';
import { presentFinding, presentFindingDetail } from './findings.presenter.js';
import {
  type FindingListRow,
  type FindingRow,
  findFinding,
  findFindingByClientKey,
  findFindingEvents,
  findPhoto,
  findPhotosOf,
  insertFinding,
  listFindings,
} from './findings.repository.js';
import { admissionItemNames } from './grid-admission.js';
import { decodePhotos, recordPhotos, storePhotos } from './grid-photos.js';
import { assertGridRecordInScope, ownGridOf } from './grid-scope.policy.js';
import { findPatrol } from './patrols.repository.js';
import { changeOnce } from './upload-receipts.js';

function environment(ctx: AppContext, extra: Partial<FindingEnvironment> = {}): FindingEnvironment {
  return { ctx, now: ctx.clock.now(), chainKey: ctx.chainKey, ...extra };
}

/** Findings as one actor sees them: names, photos, masked text and the actions he may take. */
async function present(
  ctx: AppContext,
  actor: Actor,
  rows: readonly FindingListRow[],
): Promise<GridFindingView[]> {
  const [photos, itemNames] = await Promise.all([
    findPhotosOf(
      ctx.db,
      'finding',
      rows.map((r) => r.id),
    ),
    admissionItemNames(
      ctx.db,
      rows.map((r) => r.admissionItemCode),
    ),
  ]);
  const env = environment(ctx);
  const masking = freeTextMaskingFor(actor);
  return rows.map((row) =>
    presentFinding(row, {
      photos: photos.get(row.id) ?? [],
      admissionItemName: row.admissionItemCode ? (itemNames.get(row.admissionItemCode) ?? null) : null,
      actions: availableLifecycleActions(FINDING_DEFINITION, { actor, row, now: env.now, env }, ['record']),
      masking,
    }),
  );
}

/** Checks what a new finding refers to: its category, admission item, patrol (his own) — 400 on the field. */
async function checkReferences(ctx: AppContext, actor: Actor, input: RecordFindingInput): Promise<void> {
  if (input.categoryId !== undefined) {
    const category = await findCategory(ctx.db, input.categoryId);
    if (!category?.active)
      throw fieldError('categoryId', 'not_found', `事项 ${input.categoryId} 不存在或已停用`);
  }
  if (input.admissionItemCode !== undefined) {
    const names = await admissionItemNames(ctx.db, [input.admissionItemCode]);
    if (!names.has(input.admissionItemCode)) {
      throw fieldError(
        'admissionItemCode',
        'not_found',
        `网格事项 ${input.admissionItemCode} 不在准入清单内`,
      );
    }
  }
  if (input.patrolId !== undefined) {
    const patrol = await findPatrol(ctx.db, input.patrolId);
    if (patrol?.workerUserId !== actor.userId)
      throw fieldError('patrolId', 'not_found', `巡查 ${input.patrolId} 不是您的巡查`);
  }
}

/** A finding checked and its photos stored: what `writeFinding` puts in a transaction. */
export interface PreparedFinding {
  gridId: number;
  gridPath: string;
  input: RecordFindingInput;
  occurredAt: Date;
  photos: StoredFile[];
}

/**
 * Everything about a new finding that can be the caller's mistake, decided before any transaction: his grid,
 * what the finding refers to, its time, and its photos (checked by their magic bytes, then stored).
 */
export async function prepareFinding(
  ctx: AppContext,
  actor: Actor,
  input: RecordFindingInput,
): Promise<PreparedFinding> {
  const { gridId, gridPath } = ownGridOf(actor);
  await checkReferences(ctx, actor, input);
  const photos = await storePhotos(ctx, decodePhotos(input.photos, 'photos'));
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
    throw fieldError('occurredAt', 'in_future', '发现时间不能晚于当前时间');
  }
  return { gridId, gridPath, input, occurredAt, photos };
}

/**
 * Writes a prepared finding through the shared mechanism (its 登记 event and outbox row) inside the caller's
 * transaction, so that a household visit and the findings it raises commit together.
 */
export async function writeFinding(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  prepared: PreparedFinding,
  clientKey: string | undefined,
): Promise<FindingRow> {
  const env = environment(ctx);
  const { input, gridId, gridPath, photos } = prepared;
  return runCreation(
    tx,
    FINDING_DEFINITION,
    actor,
    'record',
    async (state) => {
      const inserted = await insertFinding(tx, {
        gridId,
        gridPath,
        reporterUserId: actor.userId,
        reporterName: actor.displayName,
        description: input.description,
        lng: input.location.longitude,
        lat: input.location.latitude,
        address: input.address || null,
        occurredAt: prepared.occurredAt,
        categoryId: input.categoryId ?? null,
        admissionItemCode: input.admissionItemCode ?? null,
        patrolId: input.patrolId ?? null,
        taskId: input.taskId ?? null,
        state,
        clientKey: clientKey ?? null,
        createdAt: env.now,
        updatedAt: env.now,
      });
      const owner = {
        ownerType: 'finding' as const,
        ownerId: inserted.id,
        gridPath,
        userId: actor.userId,
        at: env.now,
      };
      await recordPhotos(tx, owner, 'report', photos);
      return inserted;
    },
    { note: input.description, changes: { photos: photos.length } },
    env,
    undefined,
  );
}

/**
 * 登记发现: a grid worker records what he found in his grid, with its photos (checked by their magic bytes).
 * A retried upload (same `Idempotency-Key`) is answered 409 ALREADY_RECEIVED naming the first one, and makes
 * nothing new.
 */
export async function recordFinding(
  ctx: AppContext,
  actor: Actor,
  input: RecordFindingInput,
  clientKey: string | undefined,
): Promise<GridFindingDetail> {
  ownGridOf(actor);
  if (clientKey) {
    const earlier = await findFindingByClientKey(ctx.db, actor.userId, clientKey);
    if (earlier) throw new AlreadyReceivedError(`/api/v1/grid/findings/${earlier.id}`);
  }
  const prepared = await prepareFinding(ctx, actor, input);
  const row = await ctx.db.transaction((tx) => writeFinding(tx, ctx, actor, prepared, clientKey));
  return getFinding(ctx, actor, row.id);
}

/** A finding by id in the actor's scope (404, 403 otherwise). */
async function findingInScope(ctx: AppContext, actor: Actor, id: number): Promise<FindingListRow> {
  const finding = await findFinding(ctx.db, id);
  if (!finding) throw FINDING_DEFINITION.notFound(id);
  assertGridRecordInScope(actor, finding.gridPath);
  return finding;
}

/** The case a finding is reported up as: source 网格上报, located to the finding's point if in his grid. */
async function registrationOf(ctx: AppContext, actor: Actor, finding: FindingListRow, input: ReportUpInput) {
  const chain = await locateChainAt(ctx, { lng: finding.lng, lat: finding.lat });
  // a point outside the worker's own grid would be refused as out of his territory: the grid stands for it
  const inGrid = chain?.grid?.id === finding.gridId;
  const content = input.note ? `${finding.description}\n上报说明：${input.note}` : finding.description;
  const register: RegisterInput = {
    source: 'grid_patrol',
    type: input.type ?? 'report',
    content,
    categoryId: input.categoryId ?? finding.categoryId ?? undefined,
    priority: 'normal',
    anonymous: false,
    keepPrivate: false,
    address: finding.address ?? undefined,
    location: inGrid ? { longitude: finding.lng, latitude: finding.lat } : undefined,
    externalRef: `GF${finding.id}`,
  };
  return prepareRegistration(ctx, actor, register);
}

/**
 * The hazard a finding is referred as (source 网格发现): of an enterprise in the worker's reach (400 on
 * `enterpriseId` if there is none, 403 out of it), described as the finding unless told otherwise, with the
 * finding's photos on the spot.
 */
async function referralOf(ctx: AppContext, actor: Actor, finding: FindingListRow, input: ReferHazardInput) {
  const enterprise = await loadEnterpriseInScope(ctx, actor, input.enterpriseId);
  const photos = (await findPhotosOf(ctx.db, 'finding', [finding.id])).get(finding.id) ?? [];
  const hazard = {
    enterprise,
    level: input.level,
    source: 'grid_finding' as const,
    description: input.description ?? finding.description,
    place: input.place || null,
    inspectionId: null,
    caseId: null,
    gridFindingId: finding.id,
    photos: photos
      .filter((p) => p.role === 'report')
      .map((p) => ({ sha256: p.sha256, mime: p.mime as AttachmentType, size: p.size })),
  };
  return { hazard, env: await hazardEnvironment(ctx) };
}

/** What an action needs prepared before its transaction: photos stored, a case's or a hazard's reads done. */
async function prepareAction<A extends GridFindingActionOnFinding>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  input: GridFindingActionInput<A>,
): Promise<FindingEnvironment> {
  if (action === 'solve_on_spot') {
    const solve = input as GridFindingActionInput<'solve_on_spot'>;
    const [before, after] = await Promise.all([
      storePhotos(ctx, decodePhotos(solve.beforePhotos, 'beforePhotos')),
      storePhotos(ctx, decodePhotos(solve.afterPhotos, 'afterPhotos')),
    ]);
    return environment(ctx, { photos: { before, after } });
  }
  if (action === 'report_up') {
    const finding = await findingInScope(ctx, actor, id);
    const registration = await registrationOf(ctx, actor, finding, input as ReportUpInput);
    return environment(ctx, { registration });
  }
  if (action === 'refer_hazard') {
    const finding = await findingInScope(ctx, actor, id);
    const referral = await referralOf(ctx, actor, finding, input as ReferHazardInput);
    return environment(ctx, { referral });
  }
  return environment(ctx);
}

/**
 * Takes an action on a finding through the shared mechanism (one transaction), answering it as it is now. An
 * action sent again from the phone (same `Idempotency-Key`) is answered 409 ALREADY_RECEIVED and not retaken.
 */
export async function actOnFinding<A extends GridFindingActionOnFinding>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  input: GridFindingActionInput<A>,
  clientKey?: string,
): Promise<GridFindingDetail> {
  await changeOnce(
    ctx,
    { userId: actor.userId, clientKey, location: `/api/v1/grid/findings/${id}` },
    () => prepareAction(ctx, actor, id, action, input),
    (tx, env) => runTransition(tx, FINDING_DEFINITION, actor, { id, action, input }, env),
  );
  return getFinding(ctx, actor, id);
}

/** A finding with its timeline, in the actor's scope. */
export async function getFinding(ctx: AppContext, actor: Actor, id: number): Promise<GridFindingDetail> {
  const row = await findingInScope(ctx, actor, id);
  const [[view], events] = await Promise.all([present(ctx, actor, [row]), findFindingEvents(ctx.db, id)]);
  const photos = (await findPhotosOf(ctx.db, 'finding', [id])).get(id) ?? [];
  return presentFindingDetail(
    row,
    {
      photos,
      admissionItemName: view!.admissionItemName,
      actions: view!.actions,
      masking: freeTextMaskingFor(actor),
    },
    events,
  );
}

/** A keyset page of the findings in the actor's scope, newest first. */
export async function listFindingsForActor(
  ctx: AppContext,
  actor: Actor,
  query: GridFindingListQuery,
): Promise<KeysetPage<GridFindingView>> {
  const withinPath =
    query.within === undefined ? undefined : (await loadOrgInScope(ctx.db, actor, query.within)).path;
  const after = query.cursor ? decodeCursor(query.cursor, isInstantIdPosition) : undefined;
  const rows = await listFindings(ctx.db, {
    scopePath: actor.scopePath,
    withinPath,
    state: query.state,
    reporterUserId: query.reporter === 'me' ? actor.userId : query.reporter,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    q: query.q,
    after: after && { createdAt: new Date(after[0]), id: after[1] },
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const views = await present(ctx, actor, page);
  return keysetPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    () => views,
  );
}

/** A grid photo's bytes and type, scope-checked through the grid it was taken in. */
export async function openGridPhoto(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ mime: string; size: number; stream: Readable }> {
  const row = await findPhoto(ctx.db, id);
  if (!row) throw new AppError('PHOTO_NOT_FOUND', `照片 ${id} 不存在`);
  assertGridRecordInScope(actor, row.gridPath);
  return {
    mime: row.mime,
    size: row.size,
    stream: fs.createReadStream(attachmentPath(ctx.config.SHANZHI_DATA_DIR, row.sha256)),
  };
}
