import {
  addWorkingTime,
  HAZARD_LIFECYCLE,
  type HazardAction,
  type HazardActionInput,
  type HazardActionOnHazard,
  type HazardState,
  hazardPermissionOf,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
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
import { type HazardRow, insertHazardPhotos, lockHazard } from './hazards.repository.js';
import { hazardEvents, hazards } from './hazards.tables.js';
import { actsForSupervisingBody, assertSafetyPlaceInScope } from './safety-scope.policy.js';

/** What a hazard action runs under: the shared environment, the working calendar, and photos stored before. */
export interface HazardEnvironment extends TransitionEnvironment {
  calendar: WorkingCalendar;
  /** 当场销号, 整改完成: the photos, already in the attachment store */
  photos?: StoredFile[];
}

/** Everything a hazard action looks at. */
export interface HazardScene extends LifecycleScene<HazardRow> {
  env: HazardEnvironment;
}

/** What a hazard action does. */
export type HazardEffect = TransitionEffect<Partial<HazardRow>>;

type Handler<A extends HazardActionOnHazard> = LifecycleHandler<
  HazardScene,
  HazardActionInput<A>,
  HazardEffect
>;

const none = () => null;

function supervisingBodyOnly(scene: HazardScene): AppError | null {
  return actsForSupervisingBody(scene.actor, scene.row)
    ? null
    : new AppError('NOT_SUPERVISING_BODY', '该操作须由企业的监管部门办理');
}

function levelOnly(level: 'general' | 'major', message: string) {
  return (scene: HazardScene): AppError | null =>
    scene.row.level === level ? null : new AppError('HAZARD_LEVEL_MISMATCH', message);
}

const majorOnly = levelOnly('major', '该操作仅适用于重大隐患');

function both(...guards: ((scene: HazardScene) => AppError | null)[]) {
  return (scene: HazardScene) => guards.reduce<AppError | null>((found, g) => found ?? g(scene), null);
}

/** Records the photos prepared for the action against the hazard. */
async function recordPhotos(tx: Tx, scene: HazardScene, role: 'report' | 'after'): Promise<number> {
  const photos = scene.env.photos ?? [];
  await insertHazardPhotos(
    tx,
    photos.map((file) => ({
      hazardId: scene.row.id,
      role,
      sha256: file.sha256,
      mime: file.mime,
      size: file.size,
      uploadedByUserId: scene.actor.userId,
      uploadedAt: scene.now,
    })),
  );
  return photos.length;
}

const HANDLERS: { [A in HazardActionOnHazard]: Handler<A> } = {
  close_on_spot: {
    guard: levelOnly('general', '重大隐患不能当场销号，须制定治理方案并经验收'),
    async apply(tx, scene, input) {
      const photos = await recordPhotos(tx, scene, 'after');
      return {
        patch: { resolutionNote: input.note, closedAt: scene.now },
        note: input.note,
        changes: { photos },
      };
    },
  },
  report: { guard: none, apply: (_tx, _scene, input) => ({ note: input.note || null }) },
  assign: {
    guard: supervisingBodyOnly,
    apply(_tx, scene, input) {
      const deadline = addWorkingTime(scene.env.calendar, scene.now, {
        value: input.deadlineDays,
        unit: 'working_days',
      });
      return {
        patch: { responsibleParty: input.responsibleParty, assignedAt: scene.now, deadline },
        note: input.note || null,
        changes: {
          responsibleParty: input.responsibleParty,
          deadlineDays: input.deadlineDays,
          deadline: deadline.toISOString(),
        },
      };
    },
  },
  start_rectification: { guard: none, apply: (_tx, _scene, input) => ({ note: input.note || null }) },
  submit_plan: {
    guard: majorOnly,
    apply: (_tx, _scene, input) => ({
      patch: { plan: input.plan },
      note: input.plan.goal,
      changes: { plan: input.plan },
    }),
  },
  list_supervision: {
    guard: both(majorOnly, (scene) =>
      scene.row.listedForSupervision ? new AppError('CONFLICT', '该隐患已挂牌督办') : null,
    ),
    apply: (_tx, _scene, input) => ({
      patch: { listedForSupervision: true, supervisionNote: input.note },
      note: input.note,
    }),
  },
  request_extension: {
    guard: (scene) =>
      scene.row.deadline && scene.now.getTime() >= scene.row.deadline.getTime()
        ? new AppError('DEADLINE_PASSED', '整改期限已过，不能再申请延期')
        : null,
    apply: (_tx, _scene, input) => ({
      patch: { extensionDays: input.days },
      note: input.reason,
      changes: { days: input.days },
    }),
  },
  approve_extension: {
    guard: supervisingBodyOnly,
    apply(_tx, scene) {
      const { deadline, extensionDays } = scene.row;
      const moved = addWorkingTime(scene.env.calendar, deadline ?? scene.now, {
        value: extensionDays ?? 0,
        unit: 'working_days',
      });
      return {
        patch: { deadline: moved, extensionDays: null },
        changes: { days: extensionDays, deadline: moved.toISOString() },
      };
    },
  },
  refuse_extension: {
    guard: supervisingBodyOnly,
    apply: (_tx, _scene, input) => ({ patch: { extensionDays: null }, note: input.note || null }),
  },
  rectify: {
    guard: (scene) =>
      scene.row.level === 'major' && !scene.row.plan
        ? new AppError('HAZARD_PLAN_REQUIRED', '重大隐患须先报送治理方案')
        : null,
    async apply(tx, scene, input) {
      const photos = await recordPhotos(tx, scene, 'after');
      return { patch: { resolutionNote: input.note }, note: input.note, changes: { photos } };
    },
  },
  accept_rectification: {
    guard: both(majorOnly, supervisingBodyOnly),
    apply: (_tx, _scene, input) => ({ note: input.note || null }),
  },
  reject_rectification: {
    guard: supervisingBodyOnly,
    apply: (_tx, _scene, input) => ({ note: input.note }),
  },
  close: {
    guard: both(supervisingBodyOnly, (scene) =>
      scene.row.level === 'major' && scene.row.state !== 'accepted'
        ? new AppError('HAZARD_LEVEL_MISMATCH', '重大隐患须经监管部门验收后才能销号')
        : null,
    ),
    apply: (_tx, scene, input) => ({ patch: { closedAt: scene.now }, note: input.note || null }),
  },
};

/**
 * The hazard lifecycle on the shared mechanism: the table of `packages/shared`, the `hazard_events` timeline,
 * the safety scope (territory or supervising body), and each action's effect (deadline, plan, 挂牌督办, photos).
 */
export const HAZARD_DEFINITION: LifecycleDefinition<
  HazardRow,
  HazardState,
  HazardAction,
  HazardScene,
  HazardEffect,
  HazardEnvironment
> = {
  lifecycle: HAZARD_LIFECYCLE,
  events: { table: hazardEvents, tableName: 'hazard_events', subjectKey: 'hazardId' },
  lock: lockHazard,
  notFound: (id) => new AppError('HAZARD_NOT_FOUND', `隐患 ${id} 不存在`),
  versionConflict: (current) =>
    new AppError('VERSION_CONFLICT', `隐患已被他人处理（当前版本 ${current}），请刷新后重试`),
  async sceneOf(_tx: Tx, actor: Actor, row, env) {
    assertSafetyPlaceInScope(actor, row);
    return { actor, row, now: env.now, env };
  },
  permits: (actor, action) => actor.permissions.has(hazardPermissionOf(action)),
  handlerOf: (action) => HANDLERS[action as HazardActionOnHazard] as Handler<never>,
  outboxRow: (db, after, event) =>
    outboxInsertOf(db, event, {
      hazardId: after.id,
      state: after.state,
      level: after.level,
      enterpriseId: after.enterpriseId,
    }),
  write: (db, id, change, companions) => updateLifecycleRow<HazardRow>(db, hazards, id, change, companions),
};
