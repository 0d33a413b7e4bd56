import {
  addWorkingTime,
  beijingMidnight,
  GRID_TASK_LIFECYCLE,
  type GridTaskAction,
  type GridTaskState,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { DemoRandom } from '../demo-random.js';
import type { StoryActor } from '../history/case-story.js';
import { type HistoryWorld, userKey } from '../history/history-world.js';
import { drawGrid, type GridHistoryWorld, type HistoryGridWork } from './grid-history-world.js';
import { LifecycleStory } from './lifecycle-story.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** What becomes of a task pushed onto a grid, as probabilities (the late ones stretched by the grid's laxity). */
export const TASK_ODDS = {
  /** withdrawn by the assigning org (pushed twice, or no longer needed) */
  cancelled: 0.02,
  /** done after its deadline */
  late: 0.05,
  /** never reported done: still to do, long overdue, when the history ends */
  stuck: 0.004,
} as const;

/** 办理时限 of a task in working days, as towns and centres set them. */
const LIMIT_DAYS = [1, 2, 3, 3, 3, 5] as const;

/** A task as the history writes it. */
export interface TaskStory {
  work: HistoryGridWork;
  item: { code: string; name: string };
  title: string;
  detail: string;
  assigner: StoryActor & { actorUserId: number; actorOrgId: number };
  createdAt: Date;
  dueAt: Date;
  completedAt: Date | null;
  resultNote: string | null;
  story: LifecycleStory<GridTaskState, GridTaskAction>;
}

/**
 * Who pushes a task onto a grid: the town's own account when it has one (a street of 乌达区), else the
 * district's social-governance centre's dispatcher, else the city centre's — the accounts that exist.
 */
function assignerOf(world: HistoryWorld, work: HistoryGridWork): TaskStory['assigner'] | null {
  const candidates = [
    [work.grid.townId, 'handler'],
    [world.districtCentres.get(work.grid.districtId) ?? -1, 'dispatcher'],
    [world.cityCentreId, 'dispatcher'],
  ] as const;
  for (const [orgId, role] of candidates) {
    const user = world.users.get(userKey(orgId, role));
    if (user) return { actorUserId: user.id, actorName: user.name, actorOrgId: orgId };
  }
  return null;
}

const between = (random: DemoRandom, lo: number, hi: number) => lo + random.next() * (hi - lo);

/**
 * Draws and plays the tasks of one working day through the task lifecycle of `packages/shared`: pushed by a
 * town or centre during office hours with a limit in working days, then done (mostly in time), withdrawn, or
 * — rarely — left undone.
 */
export function tellTasksOfDay(
  random: DemoRandom,
  w: GridHistoryWorld,
  calendar: WorkingCalendar,
  dayNumber: number,
  count: number,
  endAt: Date,
): TaskStory[] {
  const tasks: TaskStory[] = [];
  for (let i = 0; i < count; i++) {
    const work = drawGrid(random, w);
    const item = random.pick(w.taskItems);
    const assigner = assignerOf(w.world, work);
    const createdAt = new Date(beijingMidnight(dayNumber) + between(random, 8.75, 17.5) * HOUR_MS);
    const limitDays = random.pick(LIMIT_DAYS);
    const dueAt = addWorkingTime(calendar, createdAt, { value: limitDays, unit: 'working_days' });
    const r = random.next();
    if (!assigner || createdAt > endAt) continue;
    const title = `${item.name}（${work.grid.communityName}）`;
    const story = new LifecycleStory(GRID_TASK_LIFECYCLE, endAt);
    story.act({
      at: createdAt,
      action: 'assign',
      actor: assigner,
      note: title,
      changes: { admissionItemCode: item.code, dueAt: dueAt.toISOString() },
    });
    const task: TaskStory = {
      work,
      item,
      title,
      detail: `请于时限内完成本网格${item.name}工作，并将完成情况反馈。`,
      assigner,
      createdAt,
      dueAt,
      completedAt: null,
      resultNote: null,
      story,
    };
    const lax = work.traits.laxity;
    if (r < TASK_ODDS.cancelled) {
      const note = '任务重复下派，予以撤回';
      const at = new Date(createdAt.getTime() + between(random, 30, 240) * MINUTE_MS);
      if (story.act({ at, action: 'cancel', actor: assigner, note })) task.resultNote = note;
    } else if (r >= TASK_ODDS.cancelled + TASK_ODDS.stuck * lax) {
      const late = r < TASK_ODDS.cancelled + TASK_ODDS.stuck * lax + TASK_ODDS.late * lax;
      const span = dueAt.getTime() - createdAt.getTime();
      const at = late
        ? new Date(dueAt.getTime() + between(random, 2, 72) * HOUR_MS)
        : new Date(createdAt.getTime() + span * between(random, 0.15, 0.95));
      const note = `已按要求完成${item.name}，情况已反馈`;
      if (story.act({ at, action: 'complete', actor: work.worker, note, changes: { findingId: null } })) {
        task.completedAt = story.lastAt;
        task.resultNote = note;
      }
    }
    tasks.push(task);
  }
  return tasks;
}
