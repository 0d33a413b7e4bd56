import type { KpiCounts } from '@shanzhi/shared';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database.js';
import { buildCase, type CaseOverrides } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/setup.js';
import { caseHandlers, cases } from '../cases/cases.tables.js';
import { readKpis, readKpisBy, readKpisPerBucket } from './kpi-aggregates.repository.js';
import {
  historyCase,
  historyStep,
  type KpiWorld,
  kpiQuestion,
  ORIGIN,
  readKpiWorld,
} from './kpi-aggregates.test-support.js';
import { countKpis, countKpisBy, countKpisPerBucket, type KpiGrouping } from './kpi-counts.repository.js';

/**
 * The counters of migration 0028, kept by triggers on `cases` and `case_handlers`, answer what the raw
 * definitions answer over the cases: after random histories (cases written, changed, moved, handed to other
 * units, deleted), for random org subtrees, periods, trends, groupings and `now`. At the end a rebuild from
 * the cases gives the very counters the triggers kept.
 */

let ctx: TestContext;
let world: KpiWorld;

beforeAll(async () => {
  ctx = await createTestContext({ seeded: true });
  const [centre] = await queryRows<{ id: number }>(
    ctx.db,
    sql`select id from orgs where kind = 'center' limit 1`,
  );
  const master = await buildCase(ctx.db, { currentOrgId: centre!.id, createdAt: ORIGIN });
  world = await readKpiWorld(ctx.db, master.id);
});
afterAll(() => ctx?.dispose());

const GROUPINGS: KpiGrouping[] = ['lead_unit_id', 'district_id', 'town_id'];

/** The groups of a grouping with something counted (a group the raw query lists for a zero row is no answer). */
function counted(groups: Map<number, KpiCounts>): Map<number, KpiCounts> {
  return new Map([...groups].filter(([, c]) => Object.values(c).some((n) => n !== 0)));
}

type Place = { place: KpiWorld['places'][number] | null; currentOrgId: number };

async function writeCase(input: {
  columns: Omit<CaseOverrides, 'currentOrgId'>;
  where: Place;
  handlers: number[];
}): Promise<number> {
  const row = await buildCase(ctx.db, { ...input.columns, ...placeColumns(input.where) });
  await setHandlers(row.id, input.handlers);
  return row.id;
}

function placeColumns(where: Place) {
  return {
    currentOrgId: where.currentOrgId,
    areaPath: where.place?.path ?? null,
    townId: where.place?.townId ?? null,
    districtId: where.place?.districtId ?? null,
  };
}

/** Replaces the handling units, as a dispatch does. */
async function setHandlers(caseId: number, units: number[]) {
  await ctx.db.delete(caseHandlers).where(eq(caseHandlers.caseId, caseId));
  if (units.length > 0) {
    await ctx.db
      .insert(caseHandlers)
      .values(units.map((orgId, i) => ({ caseId, orgId, role: i === 0 ? 'lead' : 'co' })));
  }
}

it('answers what the raw counts answer, over random histories', async () => {
  let live: number[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.array(historyCase(world), { minLength: 1, maxLength: 8 }),
      fc.array(historyStep(world), { maxLength: 8 }),
      fc.array(kpiQuestion(world), { minLength: 1, maxLength: 3 }),
      async (written, steps, questions) => {
        for (const input of written) live.push(await writeCase(input));
        for (const step of steps) {
          if (live.length === 0) break;
          const id = live[step.target % live.length]!;
          const change = step.change;
          if (change.kind === 'columns')
            await ctx.db.update(cases).set(change.columns).where(eq(cases.id, id));
          if (change.kind === 'place') {
            await ctx.db.update(cases).set(placeColumns(change.where)).where(eq(cases.id, id));
          }
          if (change.kind === 'handlers') await setHandlers(id, change.handlers);
          if (change.kind === 'delete') {
            await setHandlers(id, []);
            await ctx.db.delete(cases).where(eq(cases.id, id));
            live = live.filter((x) => x !== id);
          }
        }
        for (const { scope: path, bounds, now } of questions) {
          const period = { path, from: bounds[0]!, to: bounds.at(-1)!, now };
          expect(await readKpis(ctx.db, period)).toEqual(await countKpis(ctx.db, period));
          expect(await readKpisPerBucket(ctx.db, path, bounds, now)).toEqual(
            await countKpisPerBucket(ctx.db, path, bounds, now),
          );
          for (const grouping of GROUPINGS) {
            expect(await readKpisBy(ctx.db, period, grouping)).toEqual(
              counted(await countKpisBy(ctx.db, period, grouping)),
            );
          }
        }
      },
    ),
    { numRuns: 40 },
  );
  // the counters the triggers kept are the counters a rebuild computes from the cases
  const snapshot = async () => [
    await queryRows(
      ctx.db,
      sql`select * from kpi_day_counts
          where total <> 0 or dispatched <> 0 or replied <> 0 or valid_callbacks <> 0 or closed_due <> 0
             or deadline_due <> 0
          order by org_id, dim, day, dim_id`,
    ),
    await queryRows(
      ctx.db,
      sql`select * from kpi_due_spans where cases <> 0 order by org_id, dim, closed_day, deadline_day, dim_id`,
    ),
  ];
  const kept = await snapshot();
  await ctx.db.execute(sql`select kpi_rebuild()`);
  expect(await snapshot()).toEqual(kept);
});
