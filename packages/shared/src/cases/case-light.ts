import type { TimeLimitUnit } from '../calendar/time-limit.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import {
  addWorkingTime,
  elapsedFraction,
  isWorkingTimeUnit,
  workingTimeBetween,
} from '../calendar/working-time.js';
import type { SlaLight } from './case-enums.js';

/** The share of a time limit used at which the light turns yellow (预警), DOMAIN.md §4. */
export const SLA_WARNING_FRACTION = 0.8;

/** A running time limit: where it started, when it runs out, and how its time is counted. */
export interface SlaClock {
  /** when the limit started (dispatch for the acceptance limit, acceptance or rework for the resolution) */
  start: Date;
  /** the deadline (截止时间) */
  deadline: Date;
  /** the unit of the limit: working units measure office minutes of working days, calendar units elapsed time */
  unit: TimeLimitUnit;
}

/**
 * The light of a running time limit at `now`: green before 80 % of the limit is used, yellow from 80 %,
 * red from the deadline on. Pure: the clock comes in as `now`.
 */
export function computeLight(calendar: WorkingCalendar, clock: SlaClock & { now: Date }): SlaLight {
  if (clock.now.getTime() >= clock.deadline.getTime()) return 'red';
  const used = elapsedFraction(calendar, clock);
  if (used >= 1) return 'red';
  return used >= SLA_WARNING_FRACTION ? 'yellow' : 'green';
}

/**
 * The instant at which the light of a running limit next changes after showing `light`: the 80 % instant for
 * green, the deadline for yellow, none for red. The SLA scan looks only at cases whose instant has come, so
 * it never recomputes the lights of the thousands of cases that cannot have changed.
 */
export function nextLightChangeAt(calendar: WorkingCalendar, clock: SlaClock, light: SlaLight): Date | null {
  if (light === 'red') return null;
  if (light === 'yellow') return clock.deadline;
  const startMs = clock.start.getTime();
  if (!isWorkingTimeUnit(clock.unit)) {
    const warnMs = startMs + SLA_WARNING_FRACTION * (clock.deadline.getTime() - startMs);
    return new Date(Math.ceil(warnMs / 1000) * 1000);
  }
  const warnMinutes = workingTimeBetween(calendar, clock.start, clock.deadline) * SLA_WARNING_FRACTION;
  if (!(warnMinutes > 0)) return clock.deadline;
  const warnAt = addWorkingTime(calendar, clock.start, { value: warnMinutes, unit: 'working_minutes' });
  // rounded up to the second, so that the light computed at that instant has surely reached 80 %
  return new Date(Math.ceil(warnAt.getTime() / 1000) * 1000);
}
