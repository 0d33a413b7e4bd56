import {
  ANNUAL,
  beijingMidnightOfDate,
  type SafetyReportConfirmationInput,
  type SafetyReportConfirmationList,
  type SafetyReportConfirmationQuery,
  type SafetyReportConfirmationView,
  type SafetyReportPeriod,
  safetyReportDates,
  safetyReportDueDate,
} from '@shanzhi/shared';
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { users } from '../users/users.tables.js';
import { accountEnterpriseIdOf } from './enterprise-account.policy.js';
import { enterprises, safetyReportConfirmations } from './hazards.tables.js';
import { safetyScopeWhere } from './safety-scope.policy.js';

const DAY_MS = 86_400_000;

/** The instant a Beijing date ends (the next midnight). */
const endOf = (date: string): Date => new Date(beijingMidnightOfDate(date).getTime() + DAY_MS);

interface ConfirmationRow {
  enterpriseId: number;
  enterpriseName: string;
  principal: string | null;
  confirmedAt: Date | null;
  confirmedByName: string | null;
}

function present(row: ConfirmationRow, period: SafetyReportPeriod): SafetyReportConfirmationView {
  const dueDate = safetyReportDueDate(period);
  return {
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    year: period.year,
    quarter: period.quarter ?? null,
    confirmed: row.confirmedAt !== null,
    principal: row.principal,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmedByName: row.confirmedByName,
    dueDate,
    onTime: row.confirmedAt === null ? null : row.confirmedAt.getTime() < endOf(dueDate).getTime(),
  };
}

/** The signatures of a period for the enterprises matching `where`, by name (the unsigned with nulls). */
async function confirmationsOf(
  ctx: AppContext,
  where: SQL,
  period: SafetyReportPeriod,
): Promise<SafetyReportConfirmationView[]> {
  const rows = await ctx.db
    .select({
      enterpriseId: enterprises.id,
      enterpriseName: enterprises.name,
      principal: safetyReportConfirmations.principal,
      confirmedAt: safetyReportConfirmations.confirmedAt,
      confirmedByName: users.displayName,
    })
    .from(enterprises)
    .leftJoin(
      safetyReportConfirmations,
      and(
        eq(safetyReportConfirmations.enterpriseId, enterprises.id),
        eq(safetyReportConfirmations.year, period.year),
        eq(safetyReportConfirmations.quarter, period.quarter ?? ANNUAL),
      ),
    )
    .leftJoin(users, eq(users.id, safetyReportConfirmations.confirmedByUserId))
    .where(where)
    .orderBy(asc(enterprises.name), asc(enterprises.id));
  return rows.map((row) => present(row, period));
}

/**
 * 签字确认: an enterprise account records its principal's signature of its report of a quarter or year, once
 * the period has ended and once only; audited.
 */
export async function confirmSafetyReport(
  ctx: AppContext,
  actor: Actor,
  input: SafetyReportConfirmationInput,
): Promise<SafetyReportConfirmationView> {
  const enterpriseId = await accountEnterpriseIdOf(ctx.db, actor);
  if (enterpriseId === undefined)
    throw new AppError('REPORT_NOT_CONFIRMABLE', '您的账号未关联企业，无法签字确认');
  const period = { year: input.year, quarter: input.quarter };
  const now = ctx.clock.now();
  if (now.getTime() < endOf(safetyReportDates(period).to).getTime())
    throw new AppError('REPORT_NOT_CONFIRMABLE', '统计期尚未结束，期满后再签字确认');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(safetyReportConfirmations)
      .values({
        enterpriseId,
        year: period.year,
        quarter: period.quarter ?? ANNUAL,
        principal: input.principal,
        confirmedByUserId: actor.userId,
        confirmedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: safetyReportConfirmations.id });
    if (!row) throw new AppError('REPORT_ALREADY_CONFIRMED', '本期统计表已签字确认');
    await recordAudit(
      tx,
      {
        action: 'safety.report_confirmed',
        actorUserId: actor.userId,
        actorUsername: actor.username,
        targetType: 'enterprise',
        targetId: enterpriseId,
        ip: actor.ip,
        detail: { year: period.year, quarter: period.quarter ?? null, principal: input.principal },
      },
      now,
    );
  });
  const [view] = await confirmationsOf(ctx, eq(enterprises.id, enterpriseId), period);
  return view!;
}

/**
 * 已确认/未确认: each enterprise in the org's subtree (the caller's scope by default; an enterprise account its
 * own) with its signature of the period's report and whether it came by the due date.
 */
export async function listSafetyReportConfirmations(
  ctx: AppContext,
  actor: Actor,
  query: SafetyReportConfirmationQuery,
): Promise<SafetyReportConfirmationList> {
  const path =
    query.org === undefined ? actor.scopePath : (await loadOrgInScope(ctx.db, actor, query.org)).path;
  const own = await accountEnterpriseIdOf(ctx.db, actor);
  const inScope = safetyScopeWhere(path, enterprises);
  const where = own === undefined ? inScope : or(inScope, eq(enterprises.id, own))!;
  return { items: await confirmationsOf(ctx, where, { year: query.year, quarter: query.quarter }) };
}
