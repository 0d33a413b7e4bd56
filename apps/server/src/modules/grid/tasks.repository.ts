import { and, asc, eq, gt, like, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.js';
import { orgs } from '../orgs/orgs.tables.js';
import { gridTasks } from './grid.tables.js';

/** A task row. */
export type TaskRow = typeof gridTasks.$inferSelect;

/** A task with the names its view shows. */
export interface TaskListRow extends TaskRow {
  gridName: string;
  assignedByOrgName: string;
}

const assigner = orgs;

function listQuery(db: DbOrTx) {
  return db
    .select({ task: gridTasks, gridName: orgs.name })
    .from(gridTasks)
    .innerJoin(orgs, eq(orgs.id, gridTasks.gridId));
}

async function withAssigners(
  db: DbOrTx,
  rows: { task: TaskRow; gridName: string }[],
): Promise<TaskListRow[]> {
  const ids = [...new Set(rows.map((r) => r.task.assignedByOrgId))];
  const names = new Map<number, string>();
  for (const id of ids) {
    const [org] = await db.select({ name: assigner.name }).from(assigner).where(eq(assigner.id, id));
    names.set(id, org?.name ?? '');
  }
  return rows.map((r) => ({
    ...r.task,
    gridName: r.gridName,
    assignedByOrgName: names.get(r.task.assignedByOrgId) ?? '',
  }));
}

/** A task by id, locked for the transaction. */
export async function lockTask(db: DbOrTx, id: number): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(gridTasks).where(eq(gridTasks.id, id)).for('update');
  return row;
}

/** A task by id with its names. */
export async function findTask(db: DbOrTx, id: number): Promise<TaskListRow | undefined> {
  const rows = await listQuery(db).where(eq(gridTasks.id, id));
  return (await withAssigners(db, rows))[0];
}

/** Inserts a task. */
export async function insertTask(db: DbOrTx, values: typeof gridTasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(gridTasks).values(values).returning();
  return row!;
}

/** Filters of the task list (within the caller's scope). */
export interface TaskFilter {
  scopePath: string;
  withinPath?: string;
  state?: string;
  overdueAt?: Date;
  after?: { dueAt: Date; id: number };
  limit: number;
}

/** A page of tasks, nearest deadline first, with one more row than `limit` when more follow. */
export async function listTasks(db: DbOrTx, f: TaskFilter): Promise<TaskListRow[]> {
  const where: SQL[] = [like(gridTasks.gridPath, `${f.scopePath}%`)];
  if (f.withinPath) where.push(like(gridTasks.gridPath, `${f.withinPath}%`));
  if (f.state) where.push(eq(gridTasks.state, f.state));
  if (f.overdueAt) where.push(eq(gridTasks.state, 'assigned'), lt(gridTasks.dueAt, f.overdueAt));
  if (f.after) {
    where.push(
      or(
        gt(gridTasks.dueAt, f.after.dueAt),
        and(eq(gridTasks.dueAt, f.after.dueAt), gt(gridTasks.id, f.after.id)),
      )!,
    );
  }
  const rows = await listQuery(db)
    .where(and(...where))
    .orderBy(asc(gridTasks.dueAt), asc(gridTasks.id))
    .limit(f.limit + 1);
  return withAssigners(db, rows);
}
