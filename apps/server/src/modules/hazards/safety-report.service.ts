import {
  type SafetyReportPeriod,
  type SafetyStatsView,
  safetyReportDates,
  safetyReportTitle,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { accountEnterpriseIdOf } from './enterprise-account.policy.js';
import { type EnterpriseNumbers, safetyStats, safetyStatsPerEnterprise } from './stats.service.js';

/**
 * 隐患排查治理统计表 of an org (an enterprise account: of its enterprise) for a quarter or a year: the stats of
 * the period and each enterprise's.
 */
export interface SafetyReport {
  org: { id: number; name: string };
  period: SafetyReportPeriod;
  /** 2026年第3季度 / 2026年度 */
  periodTitle: string;
  stats: SafetyStatsView;
  enterprises: EnterpriseNumbers[];
}

/**
 * The statistical table the rule asks every quarter and year (令第16号 art. 14): the numbers of
 * `GET /api/v1/safety/stats` for the org and period, with the same numbers per enterprise in its scope.
 */
export async function safetyReport(
  ctx: AppContext,
  actor: Actor,
  query: SafetyReportPeriod & { org?: number | undefined },
): Promise<SafetyReport> {
  const period = { year: query.year, quarter: query.quarter };
  const statsQuery = { org: query.org, ...safetyReportDates(period) };
  const [stats, perEnterprise] = await Promise.all([
    safetyStats(ctx, actor, statsQuery),
    safetyStatsPerEnterprise(ctx, actor, statsQuery),
  ]);
  const [org, own] = await Promise.all([findOrg(ctx.db, stats.orgId), accountEnterpriseIdOf(ctx.db, actor)]);
  // an enterprise account's table is of its own enterprise, the one row of its numbers
  const name = own === undefined ? org?.name : perEnterprise.find((e) => e.id === own)?.name;
  return {
    org: { id: stats.orgId, name: name ?? '' },
    period,
    periodTitle: safetyReportTitle(period),
    stats,
    enterprises: perEnterprise,
  };
}
