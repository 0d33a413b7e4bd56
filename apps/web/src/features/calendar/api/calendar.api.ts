import type { HolidayCnYear, OfficeHours, TimeLimitUnit } from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

/** A loaded year of the working calendar. */
export interface CalendarYearSummary {
  year: number;
  source: string;
  papers: string[] | null;
  importedAt: string;
  offDays: number;
  workingDays: number;
}

/** A listed day: a holiday (休) or a make-up working day (班). */
export interface CalendarDay {
  date: string;
  isOffDay: boolean;
  name: string;
}

/** The loaded years, oldest first. */
export async function fetchYears(signal?: AbortSignal): Promise<CalendarYearSummary[]> {
  const answer = await apiRequest<{ items: CalendarYearSummary[] }>(
    '/api/v1/calendar/years',
    signal ? { signal } : {},
  );
  return answer.items;
}

/** The listed days of one year. */
export async function fetchYear(year: number, signal?: AbortSignal): Promise<CalendarDay[]> {
  const answer = await apiRequest<{ days: CalendarDay[] }>(
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
  const answer = await apiRequest<{ periods: OfficeHours }>(
    '/api/v1/calendar/office-hours',
    signal ? { signal } : {},
  );
  return answer.periods;
}

/** Replaces the office hours. */
export function saveOfficeHours(periods: OfficeHours): Promise<{ periods: OfficeHours }> {
  return apiRequest('/api/v1/calendar/office-hours', { method: 'PUT', body: { periods } });
}

/** When a limit of `value` `unit` started at `start` runs out, by the server's calendar. */
export async function computeDeadline(start: string, value: number, unit: TimeLimitUnit): Promise<string> {
  const answer = await apiRequest<{ deadline: string }>(
    withQuery('/api/v1/calendar/deadline', { start, value, unit }),
  );
  return answer.deadline;
}
