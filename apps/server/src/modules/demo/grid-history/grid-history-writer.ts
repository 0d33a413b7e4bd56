import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import type { NewEvent } from '../../../platform/lifecycle/event-chain.js';
import { type ChainedEvent, chainEvent } from '../../../platform/lifecycle/event-chain.js';
import {
  gridFindingEvents,
  gridFindings,
  gridPatrolPoints,
  gridPatrols,
  gridTaskEvents,
  gridTasks,
} from '../../grid/grid.tables.js';
import { bulkInsert } from '../history/history-writer.js';
import type { FindingStory, PlannedFinding } from './finding-stories.js';
import type { GeneratedPatrol } from './patrol-days.js';
import type { TaskStory } from './task-stories.js';

/** Rows per INSERT statement: one JSON parameter each, well within what both drivers take at once. */
const ROWS_PER_STATEMENT = 5_000;

/** Inserts `rows` into `table` in statements of a few thousand rows (with their own ids when `withIds`). */
export async function insertAll(
  tx: DbOrTx,
  table: Parameters<typeof bulkInsert>[0],
  rows: readonly object[],
  withIds = false,
): Promise<void> {
  const records = rows as readonly Record<string, unknown>[];
  for (let i = 0; i < records.length; i += ROWS_PER_STATEMENT) {
    await tx.execute(bulkInsert(table, records.slice(i, i + ROWS_PER_STATEMENT), undefined, { withIds }));
  }
}

/**
 * `n` ids drawn from the identity sequence of `table` (`grid_patrols` …), in order: the history knows each
 * record's id before it writes it, so that what refers to it (a case's `GF<id>`, a finding's patrol) is
 * written in one go, and a live record made meanwhile can never take one of them.
 */
export async function reserveIds(tx: DbOrTx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await queryRows<{ id: string | number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n})`,
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** Writes patrols (with the ids given) and the tracks of those that kept one. */
export async function writePatrols(
  tx: DbOrTx,
  patrols: readonly GeneratedPatrol[],
  ids: readonly number[],
): Promise<void> {
  const rows = patrols.map((p, i) => ({
    id: ids[i],
    gridId: p.grid.grid.id,
    gridPath: p.grid.grid.path,
    workerUserId: p.grid.worker.actorUserId,
    state: 'ended',
    startedAt: iso(p.startedAt),
    endedAt: iso(p.endedAt),
    distanceMeters: p.distanceMeters,
    pointCount: p.track.length,
    outsidePointCount: p.track.filter((t) => t.outside).length,
    createdAt: iso(p.startedAt),
  }));
  await insertAll(tx, gridPatrols, rows, true);
  const points = patrols.flatMap((p, i) =>
    p.track.map((t) => ({
      patrolId: ids[i],
      recordedAt: t.recordedAt,
      lng: t.longitude,
      lat: t.latitude,
      accuracy: t.accuracy,
      outsideGrid: t.outside,
    })),
  );
  await insertAll(tx, gridPatrolPoints, points);
}

/** A timeline chained under the server's key by the shared chain function, for the thing `key` = `id`. */
export function chainTimeline<K extends string>(
  chainKey: Buffer,
  key: K,
  id: number,
  events: readonly NewEvent[],
): ChainedEvent<K>[] {
  const chained: ChainedEvent<K>[] = [];
  for (const event of events) chained.push(chainEvent(chainKey, { key, id }, event, chained.at(-1) ?? null));
  return chained;
}

/** The row columns a timeline's end sets: its head, its length, the last change. */
export function headOf<K extends string>(chained: readonly ChainedEvent<K>[]) {
  const last = chained.at(-1)!;
  return { chainHead: last.hash, eventCount: last.seq, updatedAt: last.at.toISOString() };
}

/** Chained events as rows to insert (their times as the JSON the bulk insert reads). */
export const eventRows = <K extends string>(chained: readonly ChainedEvent<K>[]) =>
  chained.map((e) => ({ ...e, at: e.at.toISOString() }));

/** What a finding row needs beyond its plan and story: its id, its patrol's and its case's. */
export interface FindingWrite {
  id: number;
  planned: PlannedFinding;
  told: FindingStory;
  patrolId: number | null;
  caseId: number | null;
}

/** Writes findings with their keyed timelines and chain heads. */
export async function writeFindings(
  tx: DbOrTx,
  chainKey: Buffer,
  findings: readonly FindingWrite[],
): Promise<void> {
  const timelines = findings.map((f) => chainTimeline(chainKey, 'findingId', f.id, f.told.story.events));
  const rows = findings.map(({ id, planned, told, patrolId, caseId }, i) => ({
    id,
    gridId: planned.work.grid.id,
    gridPath: planned.work.grid.path,
    reporterUserId: planned.work.worker.actorUserId,
    reporterName: planned.work.worker.actorName,
    description: planned.description,
    lng: planned.point.lng,
    lat: planned.point.lat,
    address: planned.address,
    occurredAt: iso(planned.occurredAt),
    categoryId: planned.category.id,
    admissionItemCode: planned.kind.item,
    patrolId,
    state: told.story.state,
    resolutionNote: told.resolutionNote,
    caseId,
    version: told.story.version,
    createdAt: iso(planned.occurredAt),
    closedAt: iso(told.closedAt),
    ...headOf(timelines[i]!),
  }));
  await insertAll(tx, gridFindings, rows, true);
  await insertAll(tx, gridFindingEvents, eventRows(timelines.flat()));
}

/** Writes tasks (with the ids given) with their keyed timelines and chain heads. */
export async function writeTasks(
  tx: DbOrTx,
  chainKey: Buffer,
  tasks: readonly TaskStory[],
  ids: readonly number[],
): Promise<void> {
  const timelines = tasks.map((t, i) => chainTimeline(chainKey, 'taskId', ids[i]!, t.story.events));
  const rows = tasks.map((t, i) => ({
    id: ids[i],
    gridId: t.work.grid.id,
    gridPath: t.work.grid.path,
    admissionItemCode: t.item.code,
    admissionItemName: t.item.name,
    title: t.title,
    detail: t.detail,
    assignedByUserId: t.assigner.actorUserId,
    assignedByName: t.assigner.actorName,
    assignedByOrgId: t.assigner.actorOrgId,
    state: t.story.state,
    dueAt: iso(t.dueAt),
    completedAt: iso(t.completedAt),
    resultNote: t.resultNote,
    version: t.story.version,
    createdAt: iso(t.createdAt),
    ...headOf(timelines[i]!),
  }));
  await insertAll(tx, gridTasks, rows, true);
  await insertAll(tx, gridTaskEvents, eventRows(timelines.flat()));
}
