import { z } from 'zod';
import { beijingMidnight, DAY_MS, toBeijingDayNumber } from '../calendar/beijing-time.js';
import type { SlaClock } from '../cases/case-light.js';

const limitDays = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数天`)
    .min(1, `${label}至少 1 天`)
    .max(365, `${label}不能超过 365 天`);

/**
 * The legal time limits of 信访工作条例 in calendar days, configurable because regulations change. Each period
 * starts the day after the event that opens it and ends at the close of its last day (Beijing time).
 */
export const PetitionTimeLimits = z.strictObject({
  /** 受理告知: whether it is accepted is decided and the petitioner told within these days of registration */
  acceptDays: limitDays('受理期限'),
  /** 办理答复: the answer (处理意见) is given within these days of acceptance */
  answerDays: limitDays('答复期限'),
  /** 延期: the answer limit may be extended by at most these days in all, with the head's approval */
  maxExtensionDays: limitDays('延期上限'),
  /** 申请复查: the petitioner may ask for a review within these days of the answer */
  reviewRequestDays: limitDays('申请复查期限'),
  /** 复查答复: the review answers within these days of the request */
  reviewAnswerDays: limitDays('复查答复期限'),
  /** 申请复核: a re-review may be asked within these days of the review's answer */
  reReviewRequestDays: limitDays('申请复核期限'),
  /** 复核答复: the re-review answers within these days of the request */
  reReviewAnswerDays: limitDays('复核答复期限'),
});
export type PetitionTimeLimits = z.infer<typeof PetitionTimeLimits>;

/** The limits of 信访工作条例 (2022) arts. 24, 32, 35. */
export const DEFAULT_PETITION_TIME_LIMITS: PetitionTimeLimits = {
  acceptDays: 15,
  answerDays: 60,
  maxExtensionDays: 30,
  reviewRequestDays: 30,
  reviewAnswerDays: 30,
  reReviewRequestDays: 30,
  reReviewAnswerDays: 30,
};

/**
 * The last instant of a period of `days` calendar days opened at `from`: the day of `from` does not count
 * (期间开始的日不计算在内), the period ends at 24:00 Beijing time of its last day. Pure.
 */
export function legalDeadline(from: Date, days: number): Date {
  return new Date(beijingMidnight(toBeijingDayNumber(from.getTime()) + days + 1) - 1);
}

/** An answer deadline moved by `days` calendar days of an approved extension. */
export function extendDeadline(deadline: Date, days: number): Date {
  return new Date(deadline.getTime() + days * DAY_MS);
}

/**
 * The calendar days a re-review's hearing took (听证所需时间不计算在复核期限内): every day it touched, from the
 * day it started to the day it ended, both counted (Beijing time). Pure.
 */
export function hearingDays(startedAt: Date, endedAt: Date): number {
  return toBeijingDayNumber(endedAt.getTime()) - toBeijingDayNumber(startedAt.getTime()) + 1;
}

/** Whether `at` is still within a period ending at `deadline`. */
export function isWithin(at: Date, deadline: Date): boolean {
  return at.getTime() <= deadline.getTime();
}

/** The dates of a petition its clocks read (null until the event happened). */
export interface PetitionClockDates {
  state: string;
  createdAt: Date;
  acceptDeadline: Date;
  acceptedAt: Date | null;
  answerDeadline: Date | null;
  reviewRequestedAt: Date | null;
  reviewDeadline: Date | null;
  reReviewRequestedAt: Date | null;
  reReviewDeadline: Date | null;
}

/** A running legal limit: which one, from when to when. */
export interface PetitionClock {
  limit: 'accept' | 'answer' | 'review' | 're_review';
  start: Date;
  deadline: Date;
}

/**
 * The limit running on a petition in its state (受理、答复、复查、复核), or null when none runs: an answered
 * petition waits for the petitioner, who alone decides whether to ask for a review, and a re-review's clock
 * stands still while its hearing is held.
 */
export function runningPetitionClock(p: PetitionClockDates): PetitionClock | null {
  switch (p.state) {
    case 'registered':
      return { limit: 'accept', start: p.createdAt, deadline: p.acceptDeadline };
    case 'accepted':
    case 'handling':
      return p.acceptedAt && p.answerDeadline
        ? { limit: 'answer', start: p.acceptedAt, deadline: p.answerDeadline }
        : null;
    case 'review_requested':
      return p.reviewRequestedAt && p.reviewDeadline
        ? { limit: 'review', start: p.reviewRequestedAt, deadline: p.reviewDeadline }
        : null;
    case 're_review_requested':
      return p.reReviewRequestedAt && p.reReviewDeadline
        ? { limit: 're_review', start: p.reReviewRequestedAt, deadline: p.reReviewDeadline }
        : null;
    default:
      return null;
  }
}

/** The running limit as the lights read it (限时办理 in calendar days), or null when none runs. */
export function petitionSlaClock(p: PetitionClockDates): SlaClock | null {
  const clock = runningPetitionClock(p);
  return clock && { start: clock.start, deadline: clock.deadline, unit: 'calendar_days' };
}
