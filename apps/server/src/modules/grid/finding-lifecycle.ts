import {
  GRID_FINDING_LIFECYCLE,
  type GridFindingAction,
  type GridFindingActionInput,
  type GridFindingActionOnFinding,
  type GridFindingState,
  gridFindingPermissionOf,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type {
  LifecycleDefinition,
  LifecycleHandler,
  LifecycleScene,
  TransitionEffect,
} from '../../platform/lifecycle/lifecycle-definition.js';
import { outboxInsertOf } from '../../platform/lifecycle/outbox.tables.js';
import { updateLifecycleRow } from '../../platform/lifecycle/row-writer.js';
import type { TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import type { StoredFile } from '../cases/attachments/attachment-store.js';
import { type PreparedRegistration, writeRegistration } from '../cases/register-case.js';
import type { HazardEnvironment } from '../hazards/hazard-lifecycle.js';
import { type NewHazard, writeHazard } from '../hazards/hazards.service.js';
import { type FindingRow, lockFinding } from './findings.repository.js';
import { gridFindingEvents, gridFindings } from './grid.tables.js';
import { recordPhotos } from './grid-photos.js';
import { assertGridRecordInScope } from './grid-scope.policy.js';

/** What a finding action runs under: the shared environment, and what was prepared before the transaction. */
export interface FindingEnvironment extends TransitionEnvironment {
  ctx: AppContext;
  /** 就地解决: the photos, already in the attachment store */
  photos?: { before: StoredFile[]; after: StoredFile[] };
  /** 上报: the case to register, its reads done */
  registration?: PreparedRegistration;
  /** 转安全隐患: the hazard to record, its enterprise checked, and what hazard actions run under */
  referral?: { hazard: NewHazard; env: HazardEnvironment };
}

/** Everything a finding action looks at. */
export interface FindingScene extends LifecycleScene<FindingRow> {
  env: FindingEnvironment;
}

/** What a finding action does. */
export type FindingEffect = TransitionEffect<Partial<FindingRow>>;

type Handler<A extends GridFindingActionOnFinding> = LifecycleHandler<
  FindingScene,
  GridFindingActionInput<A>,
  FindingEffect
>;

/** Solving, reporting up and withdrawing are for the staff of a grid (the scope check already put it in his). */
function gridStaffOnly(scene: FindingScene): AppError | null {
  return scene.actor.orgKind === 'grid' ? null : new AppError('NOT_GRID_STAFF', '该操作须由网格员办理');
}

function photoOwner(scene: FindingScene) {
  const { row, actor, now } = scene;
  return {
    ownerType: 'finding' as const,
    ownerId: row.id,
    gridPath: row.gridPath,
    userId: actor.userId,
    at: now,
  };
}

const HANDLERS: { [A in GridFindingActionOnFinding]: Handler<A> } = {
  solve_on_spot: {
    guard: gridStaffOnly,
    async apply(tx, scene, input) {
      const photos = scene.env.photos ?? { before: [], after: [] };
      await recordPhotos(tx, photoOwner(scene), 'before', photos.before);
      await recordPhotos(tx, photoOwner(scene), 'after', photos.after);
      return {
        patch: { resolutionNote: input.note, closedAt: scene.now },
        note: input.note,
        changes: { beforePhotos: photos.before.length, afterPhotos: photos.after.length },
      };
    },
  },
  report_up: {
    guard: gridStaffOnly,
    async apply(tx, scene, input) {
      const registration = scene.env.registration;
      if (!registration) throw new AppError('INTERNAL', 'report_up without a prepared case');
      const registered = await writeRegistration(scene.env.ctx, registration, tx);
      return {
        patch: { caseId: registered.row.id, resolutionNote: input.note || null },
        note: input.note || null,
        changes: { caseId: registered.row.id, caseNumber: registered.row.number },
      };
    },
  },
  refer_hazard: {
    guard: gridStaffOnly,
    async apply(tx, scene) {
      const referral = scene.env.referral;
      if (!referral) throw new AppError('INTERNAL', 'refer_hazard without a prepared hazard');
      const hazard = await writeHazard(tx, referral.env, scene.actor, referral.hazard);
      const { enterprise, level } = referral.hazard;
      return {
        note: enterprise.name,
        changes: { hazardId: hazard.id, enterpriseId: enterprise.id, level },
      };
    },
  },
  conclude: {
    guard: () => null,
    apply: (_tx, scene) => ({ patch: { closedAt: scene.now }, changes: { caseId: scene.row.caseId } }),
  },
  dismiss: {
    guard: gridStaffOnly,
    apply: (_tx, scene, input) => ({
      patch: { resolutionNote: input.reason, closedAt: scene.now },
      note: input.reason,
    }),
  },
};

/**
 * The finding lifecycle on the shared mechanism: the table of `packages/shared`, the `grid_finding_events`
 * timeline, the grid's data scope, and each action's effect (photos, the case it is reported up as, the hazard
 * it is referred as).
 */
export const FINDING_DEFINITION: LifecycleDefinition<
  FindingRow,
  GridFindingState,
  GridFindingAction,
  FindingScene,
  FindingEffect,
  FindingEnvironment
> = {
  lifecycle: GRID_FINDING_LIFECYCLE,
  events: { table: gridFindingEvents, tableName: 'grid_finding_events', subjectKey: 'findingId' },
  lock: lockFinding,
  notFound: (id) => new AppError('FINDING_NOT_FOUND', `网格事件 ${id} 不存在`),
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `网格事件已被他人处理（当前版本 ${current}），请刷新后重试`),
  async sceneOf(_tx: Tx, actor: Actor, row, env) {
    assertGridRecordInScope(actor, row.gridPath);
    return { actor, row, now: env.now, env };
  },
  permits: (actor, action) => actor.permissions.has(gridFindingPermissionOf(action)),
  handlerOf: (action) => HANDLERS[action as GridFindingActionOnFinding] as Handler<never>,
  outboxRow: (db, after, event) =>
    outboxInsertOf(db, event, {
      findingId: after.id,
      state: after.state,
      gridId: after.gridId,
      caseId: after.caseId,
    }),
  write: (db, id, change, companions) =>
    updateLifecycleRow<FindingRow>(db, gridFindings, id, change, companions),
};
