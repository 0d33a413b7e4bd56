import {
  addWorkingTime,
  CONFIRMATION_EXCLUDED_FIELDS,
  CONFIRMATION_WINDOW_DAYS,
  type ConfirmationStage,
  computeLight,
  type DisputeField,
  nextLightChangeAt,
  type SlaClock,
  type SlaLight,
  type TimeLimit,
  type WorkingCalendar,
} from '@shanzhi/shared';

const DAY_MS = 86_400_000;

/** The states in which the mediation limit runs (from acceptance until an outcome). */
const RUNNING_STATES = ['accepted', 'awaiting_consent', 'mediating', 'escalated'];

/** 调解期限: the limit counted from acceptance by the working calendar. */
export function mediationDeadline(calendar: WorkingCalendar, acceptedAt: Date, limit: TimeLimit): Date {
  return addWorkingTime(calendar, acceptedAt, limit);
}

/** The deadline moved by `days` working days the parties agreed to. */
export function extendedDeadline(calendar: WorkingCalendar, deadline: Date, days: number): Date {
  return addWorkingTime(calendar, deadline, { value: days, unit: 'working_days' });
}

/** What of a dispute its clock reads. */
type ClockedDispute = { state: string; acceptedAt: Date | null; deadline: Date | null };

/** The running clock of a dispute's limit (from acceptance to its deadline), or null when none runs. */
export function disputeClockOf(row: ClockedDispute, limit: TimeLimit): SlaClock | null {
  if (!row.acceptedAt || !row.deadline || !RUNNING_STATES.includes(row.state)) return null;
  return { start: row.acceptedAt, deadline: row.deadline, unit: limit.unit };
}

/** The light of a dispute's limit at `now`, as for cases; null when no limit runs. */
export function disputeLight(
  calendar: WorkingCalendar,
  row: ClockedDispute,
  limit: TimeLimit,
  now: Date,
): SlaLight | null {
  const clock = disputeClockOf(row, limit);
  return clock && computeLight(calendar, { ...clock, now });
}

/**
 * The light columns of a limit that starts or moves at `now` (acceptance, an agreed extension): its light now
 * and when the lights' scan looks next — so a moved deadline is warned of again as it nears.
 */
export function lightColumnsOf(
  calendar: WorkingCalendar,
  clock: SlaClock,
  now: Date,
): { light: SlaLight; lightNextCheckAt: Date | null } {
  const light = computeLight(calendar, { ...clock, now });
  return { light, lightNextCheckAt: nextLightChangeAt(calendar, clock, light) };
}

/** The 30-day window for judicial confirmation (人民调解法 art. 33), from the agreement taking effect. */
export interface ConfirmationWindow {
  opensAt: Date;
  closesAt: Date;
  open: boolean;
  daysLeft: number;
  available: boolean;
}

/** The confirmation window of an agreement reached at `agreedAt`, seen at `now`. */
export function confirmationWindow(agreedAt: Date, field: DisputeField, now: Date): ConfirmationWindow {
  const closesAt = new Date(agreedAt.getTime() + CONFIRMATION_WINDOW_DAYS * DAY_MS);
  const available = !CONFIRMATION_EXCLUDED_FIELDS.includes(field);
  return {
    opensAt: agreedAt,
    closesAt,
    open: available && now.getTime() <= closesAt.getTime(),
    daysLeft: Math.floor((closesAt.getTime() - now.getTime()) / DAY_MS),
    available,
  };
}

/** Which rulings may follow which stage: the court accepts (or not) an application, then rules on it. */
export const NEXT_CONFIRMATION_STAGES: Record<ConfirmationStage, readonly ConfirmationStage[]> = {
  applied: ['accepted', 'not_accepted'],
  accepted: ['confirmed', 'rejected'],
  not_accepted: [],
  confirmed: [],
  rejected: [],
};
