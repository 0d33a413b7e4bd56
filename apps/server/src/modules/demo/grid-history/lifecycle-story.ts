import { assertLifecycleTransition, type Lifecycle } from '@shanzhi/shared';
import type { NewEvent } from '../../../platform/lifecycle/event-chain.js';
import type { StoryActor } from '../history/case-story.js';

/** One step of a story: when, who, which action, and what its event records. */
export interface LifecycleStep<A extends string> {
  at: Date;
  action: A;
  actor: StoryActor;
  note?: string | null;
  changes?: Record<string, unknown>;
}

/**
 * The life of one historic record on a lifecycle of the shared mechanism (a grid finding, a grid task), told
 * forwards in time and cut off at `endAt`. Every step is asserted against the lifecycle table in
 * `packages/shared` — the same check the live transition makes — so the history can only tell lives the
 * platform allows; its events are those the live action would append, and the version counts the actions
 * after the creating one, as the live row's does.
 */
export class LifecycleStory<S extends string, A extends string> {
  readonly events: NewEvent[] = [];
  state: S | null = null;
  version = 0;
  /** the story reached `endAt`: later steps are ignored */
  cut = false;
  private last = 0;

  constructor(
    private readonly lifecycle: Lifecycle<S, A>,
    private readonly endAt: Date,
  ) {}

  /** The time of the latest event. */
  get lastAt(): Date {
    return new Date(this.last);
  }

  /**
   * Appends a step (never before the previous one); false, with nothing recorded, when it lies after the
   * end of the history. Throws `TransitionError` for a step the lifecycle table does not allow.
   */
  act(step: LifecycleStep<A>): boolean {
    if (this.cut) return false;
    const atMs = Math.max(step.at.getTime(), this.last);
    if (atMs > this.endAt.getTime()) {
      this.cut = true;
      return false;
    }
    const to = assertLifecycleTransition(this.lifecycle, this.state, step.action);
    this.events.push({
      action: step.action,
      event: this.lifecycle.events[step.action],
      ...step.actor,
      at: new Date(atMs),
      fromState: this.state,
      toState: to,
      note: step.note ?? null,
      // as the JSON column reads it back: what the chain's hash covers
      changes: JSON.parse(JSON.stringify(step.changes ?? {})) as Record<string, unknown>,
      attachments: [],
    });
    if (this.state !== null) this.version++;
    this.state = to;
    this.last = atMs;
    return true;
  }
}
