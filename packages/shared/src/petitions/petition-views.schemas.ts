import { z } from 'zod';
import { Satisfaction, SlaLight } from '../cases/case-enums.js';
import { PetitionMode, PetitionRiskKind, PetitionSource } from './petition-enums.js';
import { PetitionAction, PetitionState } from './petition-lifecycle.js';

const at = z.string().nullable();

/** A petitioner as the API shows him: ID number and phone masked always, his name without `personal_data.read`. */
export const PetitionerView = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type PetitionerView = z.infer<typeof PetitionerView>;

/** A timeline event of a petition: who did what when (谁帮办、谁代办、谁反馈、谁回访). */
export const PetitionEventView = z.object({
  seq: z.number().int(),
  action: z.string(),
  event: z.string(),
  actorName: z.string(),
  at: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  note: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
});
export type PetitionEventView = z.infer<typeof PetitionEventView>;

/** A petition as the API shows it, with its legal deadlines and the actions the caller may take. */
export const PetitionView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  state: PetitionState,
  mode: PetitionMode,
  source: PetitionSource,
  matter: z.string(),
  responsibleBody: z.string().nullable(),
  /** the agency point (代办点): the agent's org */
  orgId: z.number().int(),
  orgName: z.string(),
  /** 谁帮办: the agent who took it in; null while a portal petition waits for one (待认领) */
  agentName: z.string().nullable(),
  caseId: z.number().int().nullable(),
  petitioners: z.array(PetitionerView),
  /** 受理期限 */
  acceptDeadline: z.string(),
  /** 答复期限, once accepted (moved by extensions) */
  answerDeadline: at,
  /** calendar days the answer limit was extended by */
  extensionDays: z.number().int(),
  /** 申请复查 may be asked until */
  reviewRequestDeadline: at,
  /** 复查答复期限 */
  reviewDeadline: at,
  /** 申请复核 may be asked until */
  reReviewRequestDeadline: at,
  /** 复核答复期限 (moved by the days its hearings took) */
  reReviewDeadline: at,
  /** calendar days the re-review's hearings took (听证), not counted in its limit */
  hearingDays: z.number().int(),
  /** which limit runs now, and its light; null when none runs */
  runningLimit: z.enum(['accept', 'answer', 'review', 're_review']).nullable(),
  light: SlaLight.nullable(),
  /** the first petition of the same petitioner on the same matter, when this one repeats it */
  repeatOfId: z.number().int().nullable(),
  /** how many petitions of his on the same matter came before this one */
  repeatCount: z.number().int(),
  resolved: z.boolean().nullable(),
  satisfaction: Satisfaction.nullable(),
  /** 风险预警: flagged for a risk of escalation since; null when not flagged */
  riskFlaggedAt: at,
  riskKind: PetitionRiskKind.nullable(),
  riskReason: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: at,
  closedAt: at,
  actions: z.array(PetitionAction),
});
export type PetitionView = z.infer<typeof PetitionView>;

/** The 委托代办书 of an entrusted petition. */
export const PetitionEntrustmentView = z.object({
  scope: z.string(),
  agentName: z.string(),
  createdAt: z.string(),
  /** the generated 委托代办书 (.docx) to print and sign */
  documentUrl: z.string(),
  /** 已签署: when the scan of the signed document was uploaded; null while unsigned */
  signedAt: at,
  /** the scan of the signed document (PDF or picture), once uploaded */
  signedScanUrl: z.string().nullable(),
});
export type PetitionEntrustmentView = z.infer<typeof PetitionEntrustmentView>;

/** A petition with its timeline and entrustment. */
export const PetitionDetail = PetitionView.extend({
  timeline: z.array(PetitionEventView),
  entrustment: PetitionEntrustmentView.nullable(),
});
export type PetitionDetail = z.infer<typeof PetitionDetail>;

/** The numbers of an org's petitions over a period (registered in it). */
export const PetitionStats = z.object({
  total: z.number().int(),
  accepted: z.number().int(),
  closed: z.number().int(),
  /** closed and resolved (化解) */
  resolved: z.number().int(),
  /** resolved / closed; null when none closed */
  resolutionRate: z.number().nullable(),
  visited: z.number().int(),
  /** satisfied or basically satisfied at the visit back */
  satisfied: z.number().int(),
  satisfactionRate: z.number().nullable(),
  /** petitions repeating an earlier one of the same petitioner on the same matter */
  repeats: z.number().int(),
  repeatRate: z.number().nullable(),
  overdue: z.number().int(),
});
export type PetitionStats = z.infer<typeof PetitionStats>;

/** The repeat rate of the same period a year earlier (同期) and the change since (重复访同比). */
export const PetitionRepeatsLastYear = z.object({
  total: z.number().int(),
  repeats: z.number().int(),
  repeatRate: z.number().nullable(),
  /** this period's repeat rate against last year's, relative to it: −0.29 reads 同比下降 29 %; null without both */
  repeatRateChange: z.number().nullable(),
});
export type PetitionRepeatsLastYear = z.infer<typeof PetitionRepeatsLastYear>;

/** The numbers of one agency point (代办点: the org of the registering agents) with its repeats of last year. */
export const PetitionAgencyStats = PetitionStats.extend({
  org: z.object({ id: z.number().int(), name: z.string() }),
  lastYear: PetitionRepeatsLastYear.nullable(),
});
export type PetitionAgencyStats = z.infer<typeof PetitionAgencyStats>;

/** The numbers of the petitions registered in one calendar month of the period. */
export const PetitionMonthStats = PetitionStats.extend({
  /** the month in Beijing time: `2026-03` */
  month: z.string(),
});
export type PetitionMonthStats = z.infer<typeof PetitionMonthStats>;

/**
 * `GET /api/v1/petitions/stats`: the numbers of an org's subtree over a period (registered in it) in all, the
 * repeats of the same period a year earlier (when the period has a start), per agency point (most petitions
 * first) and per month.
 */
export const PetitionStatsReport = PetitionStats.extend({
  org: z.object({ id: z.number().int(), name: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  lastYear: PetitionRepeatsLastYear.nullable(),
  byAgency: z.array(PetitionAgencyStats),
  byMonth: z.array(PetitionMonthStats),
});
export type PetitionStatsReport = z.infer<typeof PetitionStatsReport>;
