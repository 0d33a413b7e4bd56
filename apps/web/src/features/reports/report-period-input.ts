import { hasReportPeriodEnded, type ReportKind, reportDaysOf, reportPeriodOfDay } from '@shanzhi/shared';
import type { Dayjs } from 'dayjs';

/** The antd picker that chooses a period of each kind. */
export const PICKER_OF: Record<ReportKind, 'date' | 'week' | 'month'> = {
  daily: 'date',
  weekly: 'week',
  monthly: 'month',
};

/** The period (`YYYY-MM-DD`, ISO `YYYY-Www`, `YYYY-MM`) of `kind` that holds the picked day. */
export function periodOfPick(kind: ReportKind, picked: Dayjs): string {
  return reportPeriodOfDay(kind, picked.format('YYYY-MM-DD'));
}

/** Whether a picked day lies in a period that has not ended yet (the server refuses those). */
export function isUnfinishedPick(kind: ReportKind, picked: Dayjs, now: Date = new Date()): boolean {
  const days = reportDaysOf(kind, periodOfPick(kind, picked));
  return days === null || !hasReportPeriodEnded(days, now);
}
