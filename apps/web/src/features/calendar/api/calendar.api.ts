import type {
  CalendarDay,
  CalendarYearDays,
  CalendarYearList,
  CalendarYearSummary,
  DeadlineAnswer,
  HolidayCnYear,
  OfficeHours,
  OfficeHoursAnswer,
  TimeLimitUnit,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

export type { CalendarDay, CalendarYearSummary };

/** The loaded years, oldest first. */
export async function fetchYears(signal?: AbortSignal): Promise<CalendarYearSummary[]> {
  const answer = await apiRequest<CalendarYearList>('/api/v1/calendar/years', signal ? { signal } : {});
  return answer.items;
}

/** The listed days of one year. */
export async function fetchYear(year: number, signal?: AbortSignal): Promise<CalendarDay[]> {
  const answer = await apiRequest<CalendarYearDays>(
    `/api/v1/calendar/years/${year}`,
    signal ? { signal } : {},
  );
  return answer.days;
}

/** Imports (or replaces) a year from a holiday-cn file. */
export function importYear(file: HolidayCnYear): Promise<void> {
  return apiRequest(`/api/v1/calendar/years/${file.year}`, { method: 'PUT', body: file });
}

/** The office hours of a working day. */
export async function fetchOfficeHours(signal?: AbortSignal): Promise<OfficeHours> {
  const answer = await apiRequest<OfficeHoursAnswer>(
    '/api/v1/calendar/office-hours',
    signal ? { signal } : {},
  );
  return answer.periods;
}

/** Replaces the office hours. */
export function saveOfficeHours(periods: OfficeHours): Promise<OfficeHoursAnswer> {
  return apiRequest('/api/v1/calendar/office-hours', { method: 'PUT', body: { periods } });
}

/** When a limit of `value` `unit` started at `start` runs out, by the server's calendar. */
export async function computeDeadline(start: string, value: number, unit: TimeLimitUnit): Promise<string> {
  const answer = await apiRequest<DeadlineAnswer>(
    withQuery('/api/v1/calendar/deadline', { start, value, unit }),
  );
  return answer.deadline;
}
