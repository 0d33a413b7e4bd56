import { checklistFor, type Industry, isHighRiskIndustry } from '@shanzhi/shared';
import { count, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { createDemoRandom, type DemoRandom } from '../../demo/demo-random.js';
import {
  chainTimeline,
  eventRows,
  headOf,
  insertAll,
  reserveIds,
} from '../../demo/grid-history/grid-history-writer.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import {
  enterprises,
  hazardEvents,
  hazards,
  safetyInspectionItems,
  safetyInspections,
} from '../hazards.tables.js';
import { type HazardCast, type HistoryActor, planHazardStory } from './safety-history-plan.js';

/**
 * The demo year's inspections: 海南区 alone did 3,375 in a year; the demo city's history is a tenth of the
 * real city's, and so is this. About one checklist item in fourteen fails, which makes some 800 hazards.
 */
export const DEFAULT_HISTORY_INSPECTIONS = 1_200;
const ITEM_FAILS = 0.07;
const DAY = 86_400_000;

const FINDINGS = [
  '现场检查不符合要求',
  '台账记录不完整',
  '设施损坏未及时维修',
  '制度未落实到岗位',
  '人员未按规定持证',
];
const CAMPAIGNS = ['重大事故隐患专项排查整治行动', '安全生产大检查', '岁末年初安全生产检查'];

/** Whether the register has no hazard yet (a demo database written before it, or a fresh one). */
export async function isSafetyHistoryDue(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(hazards);
  return (row?.n ?? 0) === 0;
}

/** An enterprise of the register with the people who act on its hazards. */
interface HistoryEnterprise {
  row: typeof enterprises.$inferSelect;
  cast: HazardCast;
  inspectorName: string;
}

/**
 * The register's enterprises, each with its cast: the demo `handler` inspects and acts for the 住建局 (his
 * own unit); the other bodies act by their 执法检查组 (the inspection's inspector account stays the handler's,
 * the only inspector account of the demo city); the demo `leader` lists major hazards for supervision.
 */
async function loadEnterprises(
  ctx: AppContext,
): Promise<{ inspectorUserId: number; list: HistoryEnterprise[] }> {
  const people = await ctx.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, orgId: users.orgId })
    .from(users)
    .where(inArray(users.username, ['handler', 'leader']));
  const handler = people.find((p) => p.username === 'handler');
  const leader = people.find((p) => p.username === 'leader');
  const rows = await ctx.db.select().from(enterprises);
  if (!handler || !leader || rows.length === 0) return { inspectorUserId: 0, list: [] };
  const bodies = await ctx.db
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, [...new Set(rows.map((r) => r.supervisingOrgId))]));
  const actorOf = (p: typeof handler): HistoryActor => ({
    actorUserId: p.id,
    actorName: p.displayName,
    actorOrgId: p.orgId,
  });
  const list = rows.map((row) => {
    const own = row.supervisingOrgId === handler.orgId;
    const bodyName = bodies.find((b) => b.id === row.supervisingOrgId)?.name ?? '监管部门';
    const group = `${bodyName}执法检查组`;
    const body = own
      ? actorOf(handler)
      : { actorUserId: null, actorName: group, actorOrgId: row.supervisingOrgId };
    return {
      row,
      inspectorName: own ? handler.displayName : group,
      cast: {
        inspector: body,
        body,
        enterprise: { actorUserId: null, actorName: row.name, actorOrgId: null },
        leader: actorOf(leader),
      },
    };
  });
  return { inspectorUserId: handler.id, list };
}

/** One inspection of the past before its ids: whom, when, how, and its checklist as checked. */
interface PlannedInspection {
  enterprise: HistoryEnterprise;
  inspectedAt: Date;
  campaign: string | null;
  items: { item: string; passed: boolean; finding: string | null; level: 'general' | 'major' }[];
}

/**
 * An inspection on a working-day morning or afternoon (Beijing) of the past year, of a high-risk enterprise
 * twice as often: planned in a campaign seven times in ten; each item of the industry's checklist fails now
 * and then, one failure in ten of a high-risk enterprise a major hazard.
 */
function planInspection(
  random: DemoRandom,
  list: readonly HistoryEnterprise[],
  now: number,
): PlannedInspection {
  let enterprise = random.pick(list);
  if (!enterprise.row.highRisk) enterprise = random.pick(list);
  const day = Math.floor(now / DAY) * DAY - random.int(1, 364) * DAY;
  const inspectedAt = new Date(day - 8 * 3_600_000 + random.int(9 * 60, 17 * 60) * 60_000);
  const industry = enterprise.row.industry as Industry;
  const items = checklistFor(industry).map((item) => {
    const passed = random.next() >= ITEM_FAILS;
    const major = !passed && isHighRiskIndustry(industry) && random.next() < 0.1;
    return {
      item,
      passed,
      finding: passed ? null : random.pick(FINDINGS),
      level: major ? ('major' as const) : ('general' as const),
    };
  });
  return { enterprise, inspectedAt, campaign: random.next() < 0.7 ? random.pick(CAMPAIGNS) : null, items };
}

/**
 * Writes a year of inspections up to now (deterministic) with their checklists, and the hazards their failed
 * items became, each with its keyed timeline, chain head and version as the lifecycle would have left them,
 * in a few statements. Nothing when the register has hazards already. Answers how many inspections were
 * written.
 */
export async function seedSafetyHistory(
  ctx: AppContext,
  inspections = DEFAULT_HISTORY_INSPECTIONS,
): Promise<number> {
  if (!(await isSafetyHistoryDue(ctx))) return 0;
  const { inspectorUserId, list } = await loadEnterprises(ctx);
  if (list.length === 0) return 0;
  // read before the transaction: the embedded database has one connection
  const calendar = await loadWorkingCalendar(ctx);
  const random = createDemoRandom(8_506);
  const now = ctx.clock.now();
  const plans = Array.from({ length: inspections }, () => planInspection(random, list, now.getTime())).sort(
    (a, b) => a.inspectedAt.getTime() - b.inspectedAt.getTime(),
  );
  const failures = plans.flatMap((p) => p.items.filter((i) => !i.passed).map(() => p));
  await ctx.db.transaction(async (tx) => {
    const inspectionIds = await reserveIds(tx, 'safety_inspections', plans.length);
    const hazardIds = await reserveIds(tx, 'hazards', failures.length);
    const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
    const hazardRows: Record<string, unknown>[] = [];
    const timelines: ReturnType<typeof chainTimeline<'hazardId'>>[] = [];
    const itemRows = plans.flatMap((p, n) =>
      p.items.map((item, i) => {
        if (item.passed) return { inspectionId: inspectionIds[n], seq: i + 1, ...item, hazardId: null };
        const id = hazardIds[hazardRows.length]!;
        const { row, cast } = p.enterprise;
        const description = `${item.item}：${item.finding}`;
        const foundAt = p.inspectedAt;
        const story = planHazardStory(
          random,
          calendar,
          { level: item.level, description, foundAt, inspectionId: inspectionIds[n]! },
          cast,
          now,
        );
        const timeline = chainTimeline(ctx.chainKey, 'hazardId', id, story.events);
        timelines.push(timeline);
        hazardRows.push({
          id,
          enterpriseId: row.id,
          orgPath: row.orgPath,
          supervisingOrgPath: row.supervisingOrgPath,
          level: item.level,
          source: 'inspection',
          description,
          place: null,
          inspectionId: inspectionIds[n],
          caseId: null,
          reporterUserId: cast.inspector.actorUserId ?? inspectorUserId,
          reporterName: cast.inspector.actorName,
          ...story.row,
          assignedAt: iso(story.row.assignedAt),
          deadline: iso(story.row.deadline),
          closedAt: iso(story.row.closedAt),
          state: story.state,
          version: story.version,
          createdAt: iso(foundAt),
          ...headOf(timeline),
        });
        return { inspectionId: inspectionIds[n], seq: i + 1, ...item, hazardId: id };
      }),
    );
    const inspectionRows = plans.map((p, n) => ({
      id: inspectionIds[n],
      enterpriseId: p.enterprise.row.id,
      kind: p.campaign ? 'planned' : 'ad_hoc',
      campaign: p.campaign,
      inspectorUserId,
      inspectorName: p.enterprise.inspectorName,
      inspectedAt: iso(p.inspectedAt),
      lng: p.enterprise.row.lng,
      lat: p.enterprise.row.lat,
      note: null,
      itemCount: p.items.length,
      failedCount: p.items.filter((i) => !i.passed).length,
      createdAt: iso(p.inspectedAt),
    }));
    await insertAll(tx, safetyInspections, inspectionRows, true);
    await insertAll(tx, hazards, hazardRows, true);
    await insertAll(tx, hazardEvents, timelines.flatMap(eventRows));
    await insertAll(tx, safetyInspectionItems, itemRows);
  });
  return plans.length;
}
