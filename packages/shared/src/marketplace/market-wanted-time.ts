/** 预约: how far ahead a citizen may book a service. */
export const MARKET_WANTED_WINDOW_MS = 7 * 86_400_000;
/** Slack for the citizen's clock and the time he took to fill in the form. */
export const MARKET_WANTED_GRACE_MS = 5 * 60_000;

/** Why a 期望时间 is refused: already past, or beyond the 7 days a booking may reach. */
export type MarketWantedTimeProblem = 'past' | 'too_far';

/** Chinese message of each refusal. */
export const MARKET_WANTED_TIME_MESSAGES: Record<MarketWantedTimeProblem, string> = {
  past: '期望时间不能早于现在',
  too_far: '期望时间须在 7 天之内',
};

/** Whether 期望时间 `wantedAt` may be booked at `now` (null), or why not. */
export function wantedTimeProblem(wantedAt: Date, now: Date): MarketWantedTimeProblem | null {
  const ahead = wantedAt.getTime() - now.getTime();
  if (ahead < -MARKET_WANTED_GRACE_MS) return 'past';
  if (ahead > MARKET_WANTED_WINDOW_MS) return 'too_far';
  return null;
}
