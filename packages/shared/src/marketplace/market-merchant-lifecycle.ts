import { z } from 'zod';
import { defineLifecycle, type Transition } from '../lifecycle/lifecycle-table.js';

/**
 * Statuses of a merchant (民需我应 商户):
 * - `applied`   — 待审核: applied on the portal (商户入驻), waiting for the centre
 * - `approved`  — 已入驻: takes offers; only approved merchants are chosen by dispatch
 * - `refused`   — 未通过: the application was refused, with a reason
 * - `suspended` — 已暂停: taken off dispatch for a while, with a reason; may be reinstated
 * - `removed`   — 已清退: removed for cause, for good
 */
export const MARKET_MERCHANT_STATUSES = ['applied', 'approved', 'refused', 'suspended', 'removed'] as const;
export const MarketMerchantStatus = z.enum(MARKET_MERCHANT_STATUSES);
export type MarketMerchantStatus = z.infer<typeof MarketMerchantStatus>;

/** Chinese label of each status. */
export const MARKET_MERCHANT_STATUS_LABELS: Record<MarketMerchantStatus, string> = {
  applied: '待审核',
  approved: '已入驻',
  refused: '未通过',
  suspended: '已暂停',
  removed: '已清退',
};

/** The centre's review actions on a merchant, in order. */
export const MARKET_MERCHANT_ACTIONS = ['approve', 'refuse', 'suspend', 'reinstate', 'remove'] as const;
export const MarketMerchantAction = z.enum(MARKET_MERCHANT_ACTIONS);
export type MarketMerchantAction = z.infer<typeof MarketMerchantAction>;

/** The review of merchants as data: the centre's dispatchers (and the administrator) take every action. */
export const MARKET_MERCHANT_TRANSITIONS = {
  approve: { from: ['applied'], to: 'approved', roles: ['dispatcher', 'admin'], label: '通过' },
  refuse: { from: ['applied'], to: 'refused', roles: ['dispatcher', 'admin'], label: '拒绝' },
  suspend: { from: ['approved'], to: 'suspended', roles: ['dispatcher', 'admin'], label: '暂停' },
  reinstate: { from: ['suspended'], to: 'approved', roles: ['dispatcher', 'admin'], label: '恢复' },
  remove: { from: ['approved', 'suspended'], to: 'removed', roles: ['dispatcher', 'admin'], label: '清退' },
} as const satisfies Record<MarketMerchantAction, Transition<MarketMerchantStatus>>;

/** The merchant review for the shared mechanism; each event is also the action of its audit entry. */
export const MARKET_MERCHANT_LIFECYCLE = defineLifecycle<MarketMerchantStatus, MarketMerchantAction>({
  noun: '商户',
  stateLabels: MARKET_MERCHANT_STATUS_LABELS,
  actions: MARKET_MERCHANT_ACTIONS,
  transitions: MARKET_MERCHANT_TRANSITIONS,
  events: {
    approve: 'market_merchant.approved',
    refuse: 'market_merchant.refused',
    suspend: 'market_merchant.suspended',
    reinstate: 'market_merchant.reinstated',
    remove: 'market_merchant.removed',
  },
});

/** 待复核: a merchant whose score (1–5, from ratings, response times and let-downs: `merchantScoreOf`) is below this is flagged for review. */
export const MERCHANT_REVIEW_SCORE_THRESHOLD = 3.5;

/** Whether a merchant at `score` is flagged 待复核 (below `MERCHANT_REVIEW_SCORE_THRESHOLD`). */
export function needsScoreReview(score: number): boolean {
  return score < MERCHANT_REVIEW_SCORE_THRESHOLD;
}
