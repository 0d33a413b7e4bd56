import {
  addWorkingTime,
  assertTransition,
  CASE_ACTION_EVENTS,
  CASE_SLA_EVENTS,
  type CaseAction,
  type CaseState,
  computeLight,
  isWorkingTimeUnit,
  measureTimeLimit,
  nextLightChangeAt,
  type SlaLight,
  type TimeLimit,
  type TimeLimitUnit,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { NewEvent } from '../../../platform/lifecycle/event-chain.js';
import type { NewCaseRow } from '../../cases/cases.repository.js';

/** Who acts in an event. */
export interface StoryActor {
  actorUserId: number | null;
  actorName: string;
  actorOrgId: number | null;
}

interface RunningClock {
  kind: 'accept' | 'resolve';
  start: Date;
  deadline: Date;
  unit: TimeLimitUnit;
}

/** One action of a story: when, who, what it changes on the case and what its event records. */
export interface StoryStep {
  at: Date;
  action: Exclude<CaseAction, 'register'> | 'register';
  actor: StoryActor;
  /** the state after the action; the state before when it only records */
  to: CaseState;
  patch?: Partial<NewCaseRow>;
  changes?: Record<string, unknown>;
  note?: string | null;
}

/**
 * The life of one historic case, told forwards in time and cut off at `endAt`: each step is the event the
 * case service would have appended and the change it would have made, and the SLA scan's warnings and
 * breaches are added where the running limit passed 80 % or its deadline before the next step. Steps after
 * `endAt` are dropped, so a case of the last days stands wherever its story had got to.
 */
export class CaseStory {
  readonly events: NewEvent[] = [];
  row: Partial<NewCaseRow> = {};
  state: CaseState | null = null;
  /** bumped by each action after `register`, as the case service does; the clock's events leave it */
  version = 0;
  /** the story reached `endAt`: later steps are ignored */
  cut = false;
  private clock: RunningClock | null = null;
  private light: SlaLight = 'green';
  private last = 0;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly endAt: Date,
  ) {}

  /** The time of the latest event (or the start of the story). */
  get lastAt(): Date {
    return new Date(this.last);
  }

  /** `limit × fraction` after `start`, counted as the limit is (working or calendar minutes). */
  after(start: Date, limit: TimeLimit, fraction: number): Date {
    const minutes = Math.max(1, Math.round(measureTimeLimit(this.calendar, limit) * fraction));
    const unit = isWorkingTimeUnit(limit.unit) ? 'working_minutes' : 'calendar_minutes';
    return addWorkingTime(this.calendar, start, { value: minutes, unit });
  }

  /** `minutes` working minutes after `start`. */
  workAfter(start: Date, minutes: number): Date {
    return addWorkingTime(this.calendar, start, { value: Math.max(1, minutes), unit: 'working_minutes' });
  }

  /** Appends a step; false (and nothing recorded) when it lies after the end of the history. */
  act(step: StoryStep): boolean {
    if (this.cut) return false;
    // one case's events never go back in time
    const atMs = Math.max(step.at.getTime(), this.last);
    if (atMs > this.endAt.getTime()) {
      this.finish();
      return false;
    }
    this.assertStep(step);
    const at = new Date(atMs);
    this.catchUp(atMs);
    this.events.push({
      action: step.action,
      event: CASE_ACTION_EVENTS[step.action],
      ...step.actor,
      at,
      fromState: this.state,
      toState: step.to,
      note: step.note ?? null,
      changes: normalise(step.changes ?? {}),
      attachments: [],
    });
    if (this.state !== null) this.version++;
    this.state = step.to;
    this.row = { ...this.row, ...step.patch, state: step.to, updatedAt: at };
    this.last = atMs;
    return true;
  }

  /**
   * Checks a step against the case lifecycle table the platform runs (`assertTransition` of the shared
   * package): the history replays only what the case service would have allowed, and says so where not.
   */
  private assertStep(step: StoryStep): void {
    const to = assertTransition(this.state, step.action);
    if (to !== step.to) {
      throw new Error(`demo history: ${step.action} from ${this.state} leads to ${to}, not to ${step.to}`);
    }
  }

  /** Starts a limit (签收 at dispatch, 办理 at acceptance or rework) from `start`; answers its deadline. */
  startClock(kind: 'accept' | 'resolve', start: Date, limit: TimeLimit): Partial<NewCaseRow> {
    const deadline = addWorkingTime(this.calendar, start, limit);
    this.clock = { kind, start, deadline, unit: limit.unit };
    this.light = 'green';
    const column = kind === 'accept' ? 'acceptDeadline' : 'resolveDeadline';
    return { [column]: deadline, slaClock: kind, slaStartedAt: start, light: 'green', slaNextCheckAt: null };
  }

  /** Moves the deadline of the running limit (an approved extension) and relights it at `now`. */
  moveDeadline(deadline: Date, now: Date): Partial<NewCaseRow> {
    if (!this.clock) return { resolveDeadline: deadline };
    this.clock = { ...this.clock, deadline };
    this.light = computeLight(this.calendar, { ...this.clock, now });
    return { resolveDeadline: deadline, light: this.light };
  }

  /** Stops the running limit; the light stays as it was. */
  stopClock(): Partial<NewCaseRow> {
    this.clock = null;
    return { slaClock: null, slaNextCheckAt: null };
  }

  /** The running limit's deadline, if one runs. */
  get deadline(): Date | null {
    return this.clock?.deadline ?? null;
  }

  /** Ends the story at `endAt`: the running limit's light as the SLA scan would show it then. */
  finish(): void {
    if (this.cut) return;
    this.cut = true;
    if (!this.clock) return;
    this.catchUp(this.endAt.getTime() + 1);
    this.row.slaNextCheckAt = nextLightChangeAt(this.calendar, this.clock, this.light);
  }

  /** The SLA scan's events for a running limit whose 80 % instant or deadline came before `untilMs`. */
  private catchUp(untilMs: number): void {
    const clock = this.clock;
    if (!clock || this.light === 'red' || this.state === null) return;
    if (this.light === 'green') {
      const warnAt = nextLightChangeAt(this.calendar, clock, 'green');
      if (!warnAt || warnAt.getTime() >= untilMs) return;
      this.lightEvent(warnAt, 'yellow', clock);
    }
    if (clock.deadline.getTime() < untilMs) this.lightEvent(clock.deadline, 'red', clock);
  }

  private lightEvent(at: Date, light: 'yellow' | 'red', clock: RunningClock): void {
    const atMs = Math.max(at.getTime(), this.last);
    this.events.push({
      action: 'sla',
      event: CASE_SLA_EVENTS[light],
      actorUserId: null,
      actorName: '系统',
      actorOrgId: null,
      at: new Date(atMs),
      fromState: this.state,
      toState: this.state!,
      note: null,
      changes: normalise({
        light: { from: this.light, to: light },
        clock: clock.kind,
        deadline: clock.deadline,
      }),
      attachments: [],
    });
    this.light = light;
    this.row.light = light;
    this.last = atMs;
  }
}

/** JSON as it will read back from the database (dates as ISO strings, no undefined): what the hash covers. */
function normalise(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
