import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { chainHeadColumns, lifecycleEventColumns } from '../../platform/lifecycle/lifecycle-columns.js';
import { cases } from '../cases/cases.tables.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** 巡查计划: how many patrols a grid requires per Beijing day; a grid without a row requires none. */
export const gridPatrolPlans = pgTable('grid_patrol_plans', {
  gridId: integer('grid_id')
    .primaryKey()
    .references(() => orgs.id),
  perDay: smallint('per_day').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/**
 * 巡查计划的变更: each plan a grid was given, from the Beijing day it took effect (the last change of a day
 * wins), so that the patrols planned for a past day count the plan in force that day, not today's.
 */
export const gridPatrolPlanChanges = pgTable(
  'grid_patrol_plan_changes',
  {
    gridId: integer('grid_id')
      .notNull()
      .references(() => orgs.id),
    /** the first Beijing day the plan applies to */
    effectiveOn: date('effective_on').notNull(),
    perDay: smallint('per_day').notNull(),
    /** who set it; null for plans carried over from before the history was kept */
    changedByUserId: integer('changed_by_user_id').references(() => users.id),
    changedAt: at('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gridId, t.effectiveOn] })],
);

/**
 * 巡查: a grid worker's walk through his grid, from start to end, with its GPS track (`grid_patrol_points`);
 * its length and counts are kept up to date as batches of points arrive.
 */
export const gridPatrols = pgTable(
  'grid_patrols',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    gridId: integer('grid_id')
      .notNull()
      .references(() => orgs.id),
    /** the grid's path, for the scope filter */
    gridPath: text('grid_path').notNull(),
    workerUserId: integer('worker_user_id')
      .notNull()
      .references(() => users.id),
    /** `ongoing` or `ended` */
    state: text('state').notNull(),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    distanceMeters: doublePrecision('distance_meters').notNull().default(0),
    pointCount: integer('point_count').notNull().default(0),
    outsidePointCount: integer('outside_point_count').notNull().default(0),
    note: text('note'),
    /** the phone's `Idempotency-Key` of the start: a retried start finds this patrol */
    clientKey: text('client_key'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('grid_patrols_started_idx').on(t.startedAt.desc(), t.id.desc()),
    index('grid_patrols_path_idx').using('btree', t.gridPath.op('text_pattern_ops')),
    index('grid_patrols_worker_idx').on(t.workerUserId, t.startedAt.desc()),
    uniqueIndex('grid_patrols_client_key_idx').on(t.workerUserId, t.clientKey),
    check('grid_patrols_state_check', sql`${t.state} in ('ongoing', 'ended')`),
  ],
);

/** A point of a patrol's track. The same point sent twice (a retried batch) is stored once. */
export const gridPatrolPoints = pgTable(
  'grid_patrol_points',
  {
    patrolId: integer('patrol_id')
      .notNull()
      .references(() => gridPatrols.id),
    recordedAt: at('recorded_at').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    accuracy: doublePrecision('accuracy').notNull(),
    /** outside the patrol's grid: flagged, not refused */
    outsideGrid: boolean('outside_grid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.patrolId, t.recordedAt] })],
);

/**
 * 巡查发现 / 网格事件: what a grid worker found, on the shared lifecycle (`GRID_FINDING_LIFECYCLE`): solved on
 * the spot, or reported up as a case (`case_id`, source 网格上报) whose end closes it.
 */
export const gridFindings = pgTable(
  'grid_findings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    gridId: integer('grid_id')
      .notNull()
      .references(() => orgs.id),
    gridPath: text('grid_path').notNull(),
    reporterUserId: integer('reporter_user_id')
      .notNull()
      .references(() => users.id),
    reporterName: text('reporter_name').notNull(),
    description: text('description').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    address: text('address'),
    occurredAt: at('occurred_at').notNull(),
    categoryId: integer('category_id'),
    admissionItemCode: text('admission_item_code'),
    patrolId: integer('patrol_id').references(() => gridPatrols.id),
    taskId: integer('task_id'),
    state: text('state').notNull(),
    resolutionNote: text('resolution_note'),
    caseId: integer('case_id').references(() => cases.id),
    ...chainHeadColumns(),
    version: integer('version').notNull().default(0),
    /** the phone's `Idempotency-Key`: a retried upload finds this finding */
    clientKey: text('client_key'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /** when it was solved, its case ended, or it was withdrawn */
    closedAt: at('closed_at'),
  },
  (t) => [
    index('grid_findings_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('grid_findings_path_idx').using('btree', t.gridPath.op('text_pattern_ops')),
    index('grid_findings_open_case_idx').on(t.caseId).where(sql`${t.state} = 'escalated'`),
    uniqueIndex('grid_findings_client_key_idx').on(t.reporterUserId, t.clientKey),
  ],
);

/** The timeline of a finding: the shared lifecycle's append-only, keyed chain. */
export const gridFindingEvents = pgTable(
  'grid_finding_events',
  {
    ...lifecycleEventColumns(),
    findingId: integer('finding_id')
      .notNull()
      .references(() => gridFindings.id),
  },
  (t) => [uniqueIndex('grid_finding_events_seq_idx').on(t.findingId, t.seq)],
);

/**
 * A photo of a finding (reported, before, after) or of a household visit. The bytes live once per content in
 * the attachment store (`attachments/<sha256 prefix>/<sha256>`); the type comes from the magic bytes.
 */
export const gridPhotos = pgTable(
  'grid_photos',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** `finding` or `visit` */
    ownerType: text('owner_type').notNull(),
    ownerId: integer('owner_id').notNull(),
    /** `report`, `before`, `after` or `visit` */
    role: text('role').notNull(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** the grid's path, for the scope check of a download */
    gridPath: text('grid_path').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').notNull(),
    uploadedAt: at('uploaded_at').notNull(),
  },
  (t) => [index('grid_photos_owner_idx').on(t.ownerType, t.ownerId)],
);

/** 网格任务下派: an admission-list item pushed onto a grid, on the shared lifecycle (`GRID_TASK_LIFECYCLE`). */
export const gridTasks = pgTable(
  'grid_tasks',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    gridId: integer('grid_id')
      .notNull()
      .references(() => orgs.id),
    gridPath: text('grid_path').notNull(),
    admissionItemCode: text('admission_item_code').notNull(),
    admissionItemName: text('admission_item_name').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    assignedByUserId: integer('assigned_by_user_id')
      .notNull()
      .references(() => users.id),
    assignedByName: text('assigned_by_name').notNull(),
    assignedByOrgId: integer('assigned_by_org_id')
      .notNull()
      .references(() => orgs.id),
    state: text('state').notNull(),
    /** 办理时限: the deadline by the working calendar */
    dueAt: at('due_at').notNull(),
    completedAt: at('completed_at'),
    resultNote: text('result_note'),
    findingId: integer('finding_id').references(() => gridFindings.id),
    ...chainHeadColumns(),
    version: integer('version').notNull().default(0),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('grid_tasks_due_idx').on(t.dueAt, t.id),
    index('grid_tasks_path_idx').using('btree', t.gridPath.op('text_pattern_ops')),
  ],
);

/** The timeline of a task: the shared lifecycle's append-only, keyed chain. */
export const gridTaskEvents = pgTable(
  'grid_task_events',
  {
    ...lifecycleEventColumns(),
    taskId: integer('task_id')
      .notNull()
      .references(() => gridTasks.id),
  },
  (t) => [uniqueIndex('grid_task_events_seq_idx').on(t.taskId, t.seq)],
);

/** 临时准入事项: an item added to the admission list by an administrator, in force until its end date. */
export const gridAdmissionExtras = pgTable('grid_admission_extras', {
  /** `GA03.901`…: the category's code and a number from 901 */
  code: text('code').primaryKey(),
  categoryCode: text('category_code').notNull(),
  name: text('name').notNull(),
  endsOn: date('ends_on').notNull(),
  basis: text('basis').notNull(),
  approvedByUserId: integer('approved_by_user_id')
    .notNull()
    .references(() => users.id),
  approvedByName: text('approved_by_name').notNull(),
  createdAt: at('created_at').notNull(),
});

/**
 * 上传回执: the `Idempotency-Key` of each replayable change a phone sent (an action on a finding or a task, a
 * patrol's end), written in the change's transaction, so that the same upload sent again after a lost answer
 * is recognised (409 ALREADY_RECEIVED, `location` naming what it changed) instead of being refused as stale.
 */
export const gridUploadReceipts = pgTable(
  'grid_upload_receipts',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    clientKey: text('client_key').notNull(),
    /** the API path of the record the change was made to */
    location: text('location').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clientKey] })],
);
