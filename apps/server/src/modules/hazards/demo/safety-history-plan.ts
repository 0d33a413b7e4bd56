import {
  addWorkingTime,
  HAZARD_LIFECYCLE,
  HAZARD_TRANSITIONS,
  type HazardAction,
  type HazardLevel,
  type HazardState,
  type RectificationPlan,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { NewEvent } from '../../../platform/lifecycle/event-chain.js';
import type { DemoRandom } from '../../demo/demo-random.js';
import type { hazards } from '../hazards.tables.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Who takes a step: as a timeline event names him. */
export type HistoryActor = Pick<NewEvent, 'actorUserId' | 'actorName' | 'actorOrgId'>;

/** What a hazard's story draws on: its enterprise's people and the people of its supervising body. */
export interface HazardCast {
  /** the inspector who found it */
  inspector: HistoryActor;
  /** the supervising body (交办, 验收, 销号) */
  body: HistoryActor;
  /** the enterprise (整改) */
  enterprise: HistoryActor;
  /** who puts a major hazard under 挂牌督办 (the city's leader) */
  leader: HistoryActor;
}

/** The row columns a hazard's actions set (the rest is of its finding). */
type HazardPatch = Partial<
  Pick<
    typeof hazards.$inferInsert,
    | 'responsibleParty'
    | 'assignedAt'
    | 'deadline'
    | 'listedForSupervision'
    | 'supervisionNote'
    | 'plan'
    | 'extensionDays'
    | 'resolutionNote'
    | 'closedAt'
  >
>;

/** One step of a story: the action, when, by whom, what its event records and what it sets on the row. */
interface Step {
  action: HazardAction;
  at: Date;
  actor: HistoryActor;
  note: string | null;
  changes?: Record<string, unknown>;
  patch?: HazardPatch;
}

/** A hazard's past as the lifecycle left it by `now`: its events, state, version and the columns set. */
export interface HazardStory {
  events: NewEvent[];
  state: HazardState;
  version: number;
  row: Required<HazardPatch>;
}

const EMPTY_ROW: Required<HazardPatch> = {
  responsibleParty: null,
  assignedAt: null,
  deadline: null,
  listedForSupervision: false,
  supervisionNote: null,
  plan: null,
  extensionDays: null,
  resolutionNote: null,
  closedAt: null,
};

/** The steps taken by `now`, as the lifecycle table moves the state and each action's effect sets the row. */
function tell(steps: readonly Step[], now: Date): HazardStory {
  const events: NewEvent[] = [];
  const row = { ...EMPTY_ROW };
  let state: HazardState | null = null;
  for (const step of steps) {
    if (step.at.getTime() > now.getTime()) break;
    const to = HAZARD_TRANSITIONS[step.action].to;
    const next: HazardState = to === 'same' ? state! : to;
    events.push({
      action: step.action,
      event: HAZARD_LIFECYCLE.events[step.action],
      ...step.actor,
      at: step.at,
      fromState: state,
      toState: next,
      note: step.note,
      changes: step.changes ?? {},
      attachments: [],
    });
    Object.assign(row, step.patch);
    state = next;
  }
  return { events, state: state!, version: events.length - 1, row };
}

const RECTIFIED_NOTES = [
  '已按要求整改完毕',
  '问题已整改，资料已补齐',
  '已更换设备并复查合格',
  '已完成整改并组织培训',
];
const ON_SPOT_NOTES = ['现场立即整改完毕', '已当场整改并拍照留存', '当场补齐并复核'];

/** The 治理方案 of a major hazard. */
function planOf(random: DemoRandom, description: string): RectificationPlan {
  return {
    goal: `消除${description.split('：')[0]}方面的重大事故隐患`,
    measures: random.pick([
      '停产整顿，更换不合格设施并复测',
      '局部停产，加固改造并设置监测',
      '委托专业机构评估后实施改造',
    ]),
    funds: random.int(5, 200),
    people: '企业主要负责人牵头，安全管理部门组织实施',
    safetyMeasures: '隐患区域停止作业、设置警戒，制定专项应急预案',
  };
}

/** The moment a fraction `share` of the way from `from` to `to`. */
const between = (from: Date, to: Date, share: number) =>
  new Date(from.getTime() + share * (to.getTime() - from.getTime()));

/**
 * A hazard found at `foundAt` and its rectification: a general one is put right on the spot one time in three;
 * otherwise it is reported, assigned with a deadline in working days, rectified (nine in ten within the
 * deadline) and closed (销号). A major one also gets its 治理方案, is put under 挂牌督办 one time in three and
 * asks for an extension one time in five, and is closed only after the supervising body's 验收. Steps after
 * `now` have not happened yet: the recent ones are still open, some past their deadline.
 */
export function planHazardStory(
  random: DemoRandom,
  calendar: WorkingCalendar,
  hazard: { level: HazardLevel; description: string; foundAt: Date; inspectionId: number },
  cast: HazardCast,
  now: Date,
): HazardStory {
  const { level, description, foundAt, inspectionId } = hazard;
  const record: Step = {
    action: 'record',
    at: foundAt,
    actor: cast.inspector,
    note: description,
    changes: { level, source: 'inspection', inspectionId, caseId: null },
  };
  if (level === 'general' && random.next() < 1 / 3) {
    const at = new Date(foundAt.getTime() + random.int(20, 120) * 60_000);
    const note = random.pick(ON_SPOT_NOTES);
    const close: Step = {
      action: 'close_on_spot',
      at,
      actor: cast.inspector,
      note,
      changes: { photos: 0 },
      patch: { resolutionNote: note, closedAt: at },
    };
    return tell([record, close], now);
  }
  const steps: Step[] = [record];
  const reportedAt = new Date(foundAt.getTime() + random.int(1, 4) * HOUR);
  steps.push({ action: 'report', at: reportedAt, actor: cast.inspector, note: null });
  const assignedAt = new Date(reportedAt.getTime() + random.int(2, 30) * HOUR);
  const deadlineDays = level === 'major' ? random.int(20, 60) : random.int(3, 15);
  let deadline = addWorkingTime(calendar, assignedAt, { value: deadlineDays, unit: 'working_days' });
  const responsibleParty = cast.enterprise.actorName;
  steps.push({
    action: 'assign',
    at: assignedAt,
    actor: cast.body,
    note: null,
    changes: { responsibleParty, deadlineDays, deadline: deadline.toISOString() },
    patch: { responsibleParty, assignedAt, deadline },
  });
  if (level === 'major' && random.next() < 1 / 3) {
    const note = '列为市级挂牌督办重大事故隐患，限期整改';
    steps.push({
      action: 'list_supervision',
      at: new Date(assignedAt.getTime() + random.int(1, 3) * DAY),
      actor: cast.leader,
      note,
      patch: { listedForSupervision: true, supervisionNote: note },
    });
  }
  const startedAt = new Date(assignedAt.getTime() + random.int(2, 48) * HOUR);
  steps.push({ action: 'start_rectification', at: startedAt, actor: cast.enterprise, note: null });
  if (level === 'major') {
    const plan = planOf(random, description);
    steps.push({
      action: 'submit_plan',
      at: new Date(startedAt.getTime() + random.int(1, 5) * DAY),
      actor: cast.enterprise,
      note: plan.goal,
      changes: { plan },
      patch: { plan },
    });
    if (random.next() < 0.2) {
      const days = random.int(5, 15);
      const askedAt = between(startedAt, deadline, 0.7);
      const approvedAt = new Date(askedAt.getTime() + random.int(4, 30) * HOUR);
      const moved = addWorkingTime(calendar, deadline, { value: days, unit: 'working_days' });
      steps.push(
        {
          action: 'request_extension',
          at: askedAt,
          actor: cast.enterprise,
          note: '治理工程量大，申请延长整改期限',
          changes: { days },
          patch: { extensionDays: days },
        },
        {
          action: 'approve_extension',
          at: approvedAt,
          actor: cast.body,
          note: null,
          changes: { days, deadline: moved.toISOString() },
          patch: { deadline: moved, extensionDays: null },
        },
      );
      deadline = moved;
    }
  }
  const last = steps.at(-1)!.at;
  // nine in ten within the deadline; the rest days or weeks late
  const rectifiedAt =
    random.next() < 0.9
      ? between(last, deadline, 0.2 + 0.75 * random.next())
      : new Date(deadline.getTime() + random.int(1, 30) * DAY);
  const note = random.pick(RECTIFIED_NOTES);
  steps.push({
    action: 'rectify',
    at: rectifiedAt,
    actor: cast.enterprise,
    note,
    changes: { photos: 0 },
    patch: { resolutionNote: note },
  });
  let checkedAt = new Date(rectifiedAt.getTime() + random.int(4, 72) * HOUR);
  if (level === 'major') {
    steps.push({ action: 'accept_rectification', at: checkedAt, actor: cast.body, note: '现场验收合格' });
    checkedAt = new Date(checkedAt.getTime() + random.int(1, 24) * HOUR);
  }
  steps.push({
    action: 'close',
    at: checkedAt,
    actor: cast.body,
    note: null,
    patch: { closedAt: checkedAt },
  });
  return tell(steps, now);
}
