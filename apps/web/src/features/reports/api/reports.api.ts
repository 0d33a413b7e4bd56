import type {
  CreateReportInput,
  ReportItem,
  ReportKind,
  ReportListQuery,
  ReportPage,
  ReportRequested,
  ReportSchedule,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

export type { ReportItem, ReportKind, ReportPage, ReportSchedule };

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** A page of the reports of the caller's scope, filtered by kind and org. */
export function fetchReports(query: Partial<ReportListQuery>, signal?: AbortSignal): Promise<ReportPage> {
  return apiRequest(withQuery('/api/v1/reports', query), opts(signal));
}

/** One report: its status and progress. */
export function fetchReport(id: number, signal?: AbortSignal): Promise<ReportItem> {
  return apiRequest(`/api/v1/reports/${id}`, opts(signal));
}

/** Asks for a report (answers the one already kept for that kind, org and period). */
export function requestReport(input: CreateReportInput): Promise<ReportRequested> {
  return apiRequest('/api/v1/reports', { method: 'POST', body: input });
}

/** Where a ready report's Word document (研判专刊) or Excel tables download from. */
export function reportFileUrl(id: number, file: 'document' | 'tables'): string {
  return `/api/v1/reports/${id}/${file === 'document' ? 'document.docx' : 'tables.xlsx'}`;
}

/** The reports the platform produces by itself (定时报告). */
export function fetchReportSchedule(signal?: AbortSignal): Promise<ReportSchedule> {
  return apiRequest('/api/v1/reports/schedule', opts(signal));
}

/** Replaces the schedule of reports; answers it as saved. */
export function saveReportSchedule(schedule: ReportSchedule): Promise<ReportSchedule> {
  return apiRequest('/api/v1/reports/schedule', { method: 'PUT', body: schedule });
}
