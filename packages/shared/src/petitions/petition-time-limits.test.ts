import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PETITION_TIME_LIMITS,
  extendDeadline,
  hearingDays,
  isWithin,
  legalDeadline,
  petitionSlaClock,
  runningPetitionClock,
} from './petition-time-limits.js';

describe('a legal period in calendar days', () => {
  it('starts the day after and ends at 24:00 Beijing time of its last day', () => {
    // 2026-03-01 10:00 Beijing
    const answered = new Date('2026-03-01T02:00:00.000Z');
    expect(legalDeadline(answered, 30).toISOString()).toBe('2026-03-31T15:59:59.999Z');
    expect(legalDeadline(answered, 60).toISOString()).toBe('2026-04-30T15:59:59.999Z');
  });

  it('lets a review be asked on the 30th day after the answer and not on the 31st', () => {
    const answered = new Date('2026-03-01T02:00:00.000Z');
    const window = legalDeadline(answered, DEFAULT_PETITION_TIME_LIMITS.reviewRequestDays);
    expect(isWithin(new Date('2026-03-31T09:00:00.000Z'), window)).toBe(true);
    expect(isWithin(new Date('2026-04-01T01:00:00.000Z'), window)).toBe(false);
  });

  it('counts a day that starts just before Beijing midnight in UTC as Beijing does', () => {
    // 2026-03-01 23:30 Beijing is still 1 March there
    expect(legalDeadline(new Date('2026-03-01T15:30:00.000Z'), 1).toISOString()).toBe(
      '2026-03-02T15:59:59.999Z',
    );
  });

  it('counts every Beijing day a hearing touched, both ends included', () => {
    // 2026-03-10 09:00 to 11:00 Beijing: one day
    expect(hearingDays(new Date('2026-03-10T01:00:00Z'), new Date('2026-03-10T03:00:00Z'))).toBe(1);
    // 2026-03-10 23:00 Beijing to 2026-03-12 00:30 Beijing: three days
    expect(hearingDays(new Date('2026-03-10T15:00:00Z'), new Date('2026-03-11T16:30:00Z'))).toBe(3);
  });

  it('moves an answer deadline by the days of an extension', () => {
    const deadline = new Date('2026-04-30T15:59:59.999Z');
    expect(extendDeadline(deadline, 30).toISOString()).toBe('2026-05-30T15:59:59.999Z');
  });
});

describe('the running clock of a petition', () => {
  const base = {
    createdAt: new Date('2026-03-01T02:00:00Z'),
    acceptDeadline: new Date('2026-03-16T15:59:59.999Z'),
    acceptedAt: new Date('2026-03-02T02:00:00Z'),
    answerDeadline: new Date('2026-05-01T15:59:59.999Z'),
    reviewRequestedAt: null,
    reviewDeadline: null,
    reReviewRequestedAt: null,
    reReviewDeadline: null,
  };

  it.each([
    ['registered', 'accept'],
    ['accepted', 'answer'],
    ['handling', 'answer'],
    ['answered', null],
    ['closed', null],
  ] as const)('in %s is the %s limit', (state, limit) => {
    expect(runningPetitionClock({ ...base, state })?.limit ?? null).toBe(limit);
  });

  it('stands still while a re-review holds its hearing', () => {
    const reReview = {
      ...base,
      reReviewRequestedAt: new Date('2026-06-01T02:00:00Z'),
      reReviewDeadline: new Date('2026-07-01T15:59:59.999Z'),
    };
    expect(petitionSlaClock({ ...reReview, state: 're_review_requested' })).toEqual({
      start: reReview.reReviewRequestedAt,
      deadline: reReview.reReviewDeadline,
      unit: 'calendar_days',
    });
    expect(petitionSlaClock({ ...reReview, state: 're_review_hearing' })).toBeNull();
  });
});
