import { wantedTimeProblem } from '@shanzhi/shared';
import dayjs, { type Dayjs } from 'dayjs';

/** 期望时间 on the order form: 立即 (now), or 预约 at a chosen time. */
export type WantedChoice = 'now' | 'booked';

/** The `wantedAt` the order sends: none for 立即 (the server takes now), the chosen instant for 预约. */
export function wantedAtOf(
  choice: WantedChoice | undefined,
  at: Dayjs | null | undefined,
): string | undefined {
  return choice === 'booked' && at ? at.toISOString() : undefined;
}

/** Whether the picker offers `day`: today through the seventh day ahead, never a day already past. */
export function isBookableDay(day: Dayjs, now: Dayjs): boolean {
  return !day.isBefore(now, 'day') && !day.isAfter(now.add(7, 'day'), 'day');
}

/** Whether `at` may be booked at `now`, as the server will judge it. */
export function isBookableTime(at: Dayjs, now: Dayjs): boolean {
  return wantedTimeProblem(at.toDate(), now.toDate()) === null;
}

/** 期望时间 as a person reads it: the booked time, or 立即 (`now`, the reader's word for it). */
export function wantedTimeText(wantedAt: string | null, now: string): string {
  return wantedAt ? dayjs(wantedAt).format('MM-DD HH:mm') : now;
}
