import type { CaseSource, CaseType } from '@shanzhi/shared';
import type { DemoRandom } from '../demo-random.js';

/** One choice with its weight. */
export type Weighted<T> = readonly (readonly [T, number])[];

/** Draws one value of a weighted list (weights need not add up to 1). */
export function drawWeighted<T>(random: DemoRandom, items: Weighted<T>): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = random.next() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r < 0) return value;
  }
  return items[items.length - 1]![0];
}

/**
 * 来源 of a Wuhai 12345 year: the phone line carries about 60 %, the 22 online channels most of the rest,
 * then 110 transfers and the smaller sources. Grid workers' reports (网格上报) are not drawn here: the grid
 * history registers them, each from the finding it was reported up from.
 */
export const SOURCE_MIX: Weighted<CaseSource> = [
  ['hotline_12345', 60],
  ['online', 24],
  ['transfer_110', 2],
  ['iot_alert', 1],
  ['leader_assignment', 0.6],
  ['petition', 0.7],
  ['mediation_escalation', 0.4],
  ['supervisor_finding', 0.3],
];

/** 渠道 of the online requests (channels are data: these are the demo's codes). */
export const CHANNEL_MIX: Weighted<string> = [
  ['wechat_mini', 34],
  ['mobile_h5', 22],
  ['web_portal', 16],
  ['message_board', 12],
  ['app', 9],
  ['sms', 4],
  ['email', 3],
];

/** 诉求类型: mostly complaints and requests for help; praise is rare. */
export const TYPE_MIX: Weighted<CaseType> = [
  ['complaint', 38],
  ['help', 27],
  ['consultation', 20],
  ['report', 8],
  ['suggestion', 5],
  ['praise', 2],
];

/** Districts by population: 海勃湾区 (≈ 31 万) > 乌达区 (≈ 13 万) > 海南区 (≈ 10 万). */
export const DISTRICT_MIX: Weighted<string> = [
  ['150302', 56],
  ['150304', 25],
  ['150303', 19],
];

/**
 * Weight of each 大类 of the catalog (by name, so both the Teddy and the demo catalog fit); any other area
 * weighs 1. 水电气暖 is multiplied in the heating season (see `areaWeightOn`).
 */
export const AREA_WEIGHTS: Readonly<Record<string, number>> = {
  城乡建设: 24,
  劳动和社会保障: 12,
  环境保护: 9,
  交通运输: 8,
  水电气暖: 6,
  民政: 5,
  教育文体: 5,
  卫生计生: 5,
  商贸旅游: 4,
  便民服务: 4,
  经济管理: 3,
  政法: 2.5,
  农村农业: 2,
  国土资源: 2,
  党务政务: 1.5,
  社会治安: 1.5,
  科技与信息产业: 1,
  纪检监察: 0.3,
};

/** Calls per hour of the day (Beijing), relative: an office-hours peak, a lunch dip, few at night. */
export const HOUR_PROFILE: readonly number[] = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.5, 1.4, 3.2, 4.6, 4.8, 4.2, 2.4, 2.0, 3.4, 4.2, 4.4, 3.8, 2.4, 1.8,
  1.5, 1.2, 0.8, 0.45,
];

/** Relative volume of a working day, a weekend day and a public holiday. */
export const DAY_KIND_WEIGHTS = { working: 1, weekend: 0.55, holiday: 0.4 } as const;

/** Whether a Beijing date (`YYYY-MM-DD`) lies in Wuhai's heating season (15 Oct – 15 Apr). */
export function inHeatingSeason(date: string): boolean {
  const md = date.slice(5);
  return md >= '10-15' || md <= '04-15';
}

/** The weight of a catalog area on a date: 水电气暖 is 2.5× as frequent in the heating season. */
export function areaWeightOn(area: string, date: string): number {
  const base = AREA_WEIGHTS[area] ?? 1;
  return area === '水电气暖' && inHeatingSeason(date) ? base * 2.5 : base;
}

/**
 * How the lifecycle branches, as probabilities. Tuned so that the measures land near Wuhai's published
 * figures: closing ≈ 99 %, satisfaction ≈ 97–98 % (满意 + 0.9 × 基本满意 over valid callbacks).
 */
export const LIFECYCLE_ODDS = {
  /** a consultation answered at once from the knowledge base (直接办结) */
  resolveOnCallOfConsultation: 0.55,
  /** spam, test calls */
  invalidate: 0.004,
  /** a police matter passed to 110 */
  transferTo110: 0.006,
  /** a duplicate merged into an earlier open case (重复件) */
  duplicate: 0.015,
  /** 直派 to the town where it happened instead of the category's bureau */
  directToTown: 0.35,
  /** a co-handler (协办) beside the lead unit */
  coHandler: 0.06,
  /** 退单: the unit sends it back as mis-routed */
  returned: 0.03,
  /** signed for after the acceptance limit */
  lateAcceptance: 0.02,
  /** a progress note while handling */
  progress: 0.35,
  /** an approved extension (延期) */
  extension: 0.02,
  /** replied after the resolve deadline (超期) */
  lateReply: 0.009,
  /** a hard case: runs past its deadline unreplied until the supervisor urges it, then is replied late */
  overrun: 0.008,
  /** the reviewer sends the reply back (返工) */
  rework: 0.04,
  /** the first callback did not reach the citizen */
  callbackMissed: 0.03,
  /** of valid callbacks: the unit contacted the citizen / the matter is solved */
  contacted: 0.985,
  solved: 0.955,
  /** satisfaction of a first callback */
  satisfaction: [
    ['satisfied', 90],
    ['basically_satisfied', 6.8],
    ['unsatisfied', 3.2],
  ] as Weighted<'satisfied' | 'basically_satisfied' | 'unsatisfied'>,
  /** an unsatisfied citizen's case is reopened (重办) rather than closed */
  reopenWhenUnsatisfied: 0.6,
  /** a supervision (督办) of a case that ran late */
  superviseWhenLate: 0.5,
} as const;
