import {
  beijingMidnightOfDate,
  DIFFICULTIES,
  DISPUTE_FIELDS,
  type Difficulty,
  type DisputeField,
  type SetSubsidyTableInput,
  type SubsidyStatement,
  type SubsidyStatementQuery,
  type SubsidyTable,
} from '@shanzhi/shared';
import { and, eq, gte, like, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { disputes, mediationCommittees, mediationSubsidyRates, mediators } from './mediation.tables.js';

/** Yuan per agreed dispute until the city sets its table: by difficulty, more for the specialised fields. */
const DEFAULT_BY_DIFFICULTY: Record<Difficulty, number> = {
  simple: 100,
  ordinary: 200,
  difficult: 400,
  major: 800,
};
const SPECIALISED_FACTOR: Partial<Record<DisputeField, number>> = { medical: 2, traffic: 1.5, labour: 1.5 };

/** The subsidy table in force: the city's rows, the defaults for the rest. */
export async function subsidyTable(ctx: AppContext): Promise<SubsidyTable> {
  const stored = await ctx.db.select().from(mediationSubsidyRates);
  const set = new Map(stored.map((r) => [`${r.field}/${r.difficulty}`, Number(r.amountYuan)]));
  return {
    items: DISPUTE_FIELDS.flatMap((field) =>
      DIFFICULTIES.map((difficulty) => ({
        field,
        difficulty,
        amountYuan:
          set.get(`${field}/${difficulty}`) ??
          DEFAULT_BY_DIFFICULTY[difficulty] * (SPECIALISED_FACTOR[field] ?? 1),
      })),
    ),
  };
}

/** 以调定补: the city sets its table (audited with the rows before and after). */
export async function setSubsidyTable(
  ctx: AppContext,
  actor: Actor,
  input: SetSubsidyTableInput,
): Promise<SubsidyTable> {
  const before = await subsidyTable(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(mediationSubsidyRates);
    if (input.items.length > 0) {
      await tx.insert(mediationSubsidyRates).values(input.items.map((i) => ({ ...i, updatedAt: now })));
    }
    await recordActorAudit(tx, actor, now, {
      action: 'mediation.subsidies_changed',
      targetType: 'setting',
      targetId: 'mediation.subsidies',
      detail: { from: before.items.length, to: input.items },
    });
  });
  return subsidyTable(ctx);
}

/**
 * The month's statement: each mediator of each committee (in the caller's scope), the disputes agreed under
 * him in the month, and the subsidy they earn by field and difficulty.
 */
export async function subsidyStatement(
  ctx: AppContext,
  actor: Actor,
  query: SubsidyStatementQuery,
): Promise<SubsidyStatement> {
  const from = beijingMidnightOfDate(`${query.month}-01`);
  const [y, m] = query.month.split('-').map(Number) as [number, number];
  const to = beijingMidnightOfDate(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`);
  const rates = new Map(
    (await subsidyTable(ctx)).items.map((r) => [`${r.field}/${r.difficulty}`, r.amountYuan]),
  );
  const conditions = [
    eq(disputes.outcome, 'agreed'),
    gte(disputes.endedAt, from),
    lt(disputes.endedAt, to),
    like(mediationCommittees.orgPath, `${actor.scopePath}%`),
  ];
  if (query.committee) conditions.push(eq(mediationCommittees.id, query.committee));
  const rows = await ctx.db
    .select({
      committeeId: mediationCommittees.id,
      committeeName: mediationCommittees.name,
      mediatorId: mediators.id,
      mediatorName: mediators.name,
      field: disputes.field,
      difficulty: disputes.difficulty,
      n: sql<number>`count(*)::int`,
    })
    .from(disputes)
    .innerJoin(mediators, eq(mediators.id, disputes.mediatorId))
    .innerJoin(mediationCommittees, eq(mediationCommittees.id, mediators.committeeId))
    .where(and(...conditions))
    .groupBy(
      mediationCommittees.id,
      mediationCommittees.name,
      mediators.id,
      mediators.name,
      disputes.field,
      disputes.difficulty,
    );
  const lines = new Map<number, SubsidyStatement['lines'][number]>();
  for (const r of rows) {
    const line = lines.get(r.mediatorId) ?? { ...r, disputes: 0, amountYuan: 0 };
    line.disputes += r.n;
    line.amountYuan += r.n * (rates.get(`${r.field}/${r.difficulty}`) ?? 0);
    lines.set(r.mediatorId, line);
  }
  const sorted = [...lines.values()]
    .map(({ committeeId, committeeName, mediatorId, mediatorName, disputes: n, amountYuan }) => ({
      committeeId,
      committeeName,
      mediatorId,
      mediatorName,
      disputes: n,
      amountYuan,
    }))
    .sort((a, b) => a.committeeId - b.committeeId || b.amountYuan - a.amountYuan);
  return { month: query.month, lines: sorted, totalYuan: sorted.reduce((s, l) => s + l.amountYuan, 0) };
}

/** The statement as an .xlsx workbook: one row per mediator, a total per committee and overall. */
export async function subsidyWorkbook(statement: SubsidyStatement): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`以调定补 ${statement.month}`);
  sheet.columns = [
    { header: '调委会', key: 'committeeName', width: 36 },
    { header: '调解员', key: 'mediatorName', width: 14 },
    { header: '调解成功件数', key: 'disputes', width: 14 },
    { header: '补贴金额（元）', key: 'amountYuan', width: 16 },
  ];
  for (const line of statement.lines) sheet.addRow(line);
  sheet.addRow({
    committeeName: '合计',
    disputes: statement.lines.reduce((s, l) => s + l.disputes, 0),
    amountYuan: statement.totalYuan,
  });
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
