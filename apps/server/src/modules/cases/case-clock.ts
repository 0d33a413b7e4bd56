import {
  addWorkingTime,
  type CaseType,
  computeLight,
  nextLightChangeAt,
  type Priority,
  type SlaLight,
  TIME_LIMIT_PROFILES,
  type TimeLimit,
  TimeLimitUnit,
  type WorkingCalendar,
} from '@shanzhi/shared';
import type { CaseRow, NewCaseRow } from './cases.repository.js';

/** The pair of limits a case runs under (签收时限, 办理时限). */
export interface CaseLimits {
  acceptLimit: TimeLimit;
  resolveLimit: TimeLimit;
}

/** The limits a category sets, when it sets both. */
interface CategoryLimits {
  acceptLimitValue: number | null;
  acceptLimitUnit: string | null;
  resolveLimitValue: number | null;
  resolveLimitUnit: string | null;
}

function limitOf(value: number | null, unit: string | null): TimeLimit | null {
  const parsed = TimeLimitUnit.safeParse(unit);
  return value !== null && value > 0 && parsed.success ? { value, unit: parsed.data } : null;
}

/**
 * The limits of a new case (DOMAIN.md §4): an emergency runs under the emergency profile whatever its
 * category; otherwise the category's own pair; without a category, an urgent case takes the utility-outage
 * profile, a consultation the consultation profile, anything else the normal one.
 */
export function limitsForIntake(
  category: CategoryLimits | undefined,
  priority: Priority,
  type: CaseType,
): CaseLimits {
  if (priority === 'emergency') return TIME_LIMIT_PROFILES.emergency;
  const accept = category && limitOf(category.acceptLimitValue, category.acceptLimitUnit);
  const resolve = category && limitOf(category.resolveLimitValue, category.resolveLimitUnit);
  if (accept && resolve) return { acceptLimit: accept, resolveLimit: resolve };
  if (priority === 'urgent') return TIME_LIMIT_PROFILES.utility_outage;
  return type === 'consultation' ? TIME_LIMIT_PROFILES.consultation : TIME_LIMIT_PROFILES.normal;
}

/** The acceptance limit stored on a case. */
export function acceptLimitOf(row: Pick<CaseRow, 'acceptLimitValue' | 'acceptLimitUnit'>): TimeLimit {
  return { value: row.acceptLimitValue, unit: TimeLimitUnit.parse(row.acceptLimitUnit) };
}

/** The resolution limit stored on a case. */
export function resolveLimitOf(row: Pick<CaseRow, 'resolveLimitValue' | 'resolveLimitUnit'>): TimeLimit {
  return { value: row.resolveLimitValue, unit: TimeLimitUnit.parse(row.resolveLimitUnit) };
}

/** The columns of a running clock: which limit, since when, its light now and when that light changes. */
function runningClock(
  calendar: WorkingCalendar,
  clock: 'accept' | 'resolve',
  start: Date,
  deadline: Date,
  unit: TimeLimit['unit'],
  now: Date,
): Partial<NewCaseRow> {
  const light: SlaLight = computeLight(calendar, { start, deadline, unit, now });
  return {
    slaClock: clock,
    slaStartedAt: start,
    light,
    slaNextCheckAt: nextLightChangeAt(calendar, { start, deadline, unit }, light),
  };
}

/** Starts the acceptance clock (dispatch, reopen): 签收截止 = now + the acceptance limit. */
export function startAcceptClock(calendar: WorkingCalendar, row: CaseRow, now: Date): Partial<NewCaseRow> {
  const limit = acceptLimitOf(row);
  const acceptDeadline = addWorkingTime(calendar, now, limit);
  return { acceptDeadline, ...runningClock(calendar, 'accept', now, acceptDeadline, limit.unit, now) };
}

/** Starts the resolution clock (accept; rework with its own limit): 办结截止 = now + the limit. */
export function startResolveClock(
  calendar: WorkingCalendar,
  now: Date,
  limit: TimeLimit,
): Partial<NewCaseRow> {
  const resolveDeadline = addWorkingTime(calendar, now, limit);
  return { resolveDeadline, ...runningClock(calendar, 'resolve', now, resolveDeadline, limit.unit, now) };
}

/** Moves the resolve deadline of a running resolution clock (an approved extension) and relights it. */
export function moveResolveDeadline(
  calendar: WorkingCalendar,
  row: CaseRow,
  deadline: Date,
  now: Date,
): Partial<NewCaseRow> {
  const start = row.slaStartedAt ?? now;
  const unit = resolveLimitOf(row).unit;
  return { resolveDeadline: deadline, ...runningClock(calendar, 'resolve', start, deadline, unit, now) };
}

/** Stops whatever clock runs (the unit is done, or the case left the units): the light stays as it was. */
export function stopClock(): Partial<NewCaseRow> {
  return { slaClock: null, slaNextCheckAt: null };
}

/** The running clock of a case, for the SLA scan: start, deadline and unit, or null when none runs. */
export function clockOf(row: CaseRow) {
  if (!row.slaClock || !row.slaStartedAt) return null;
  const accept = row.slaClock === 'accept';
  const deadline = accept ? row.acceptDeadline : row.resolveDeadline;
  if (!deadline) return null;
  const unit = accept ? acceptLimitOf(row).unit : resolveLimitOf(row).unit;
  return { start: row.slaStartedAt, deadline, unit };
}
