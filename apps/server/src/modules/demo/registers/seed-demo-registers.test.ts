import { checkIdNumber } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../platform/clock.js';
import { queryRows } from '../../../platform/db/database.js';
import { createTestContext, type TestContext } from '../../../test/setup.js';
import { openSealed } from '../../grid/registers/register-sealing.js';
import { countVisitCoverage, coverageFigures } from '../../grid/visits/visit-coverage.js';
import { seedDemoRegisters } from './seed-demo-registers.js';
import { seedDemoVisits } from './seed-demo-visits.js';

const END_AT = new Date('2026-11-20T06:00:00.000Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seeded: true, clock: new ManualClock(END_AT.toISOString()) });
}, 120_000);
afterAll(() => ctx?.dispose());

const count = async (table: string) =>
  Number(
    (await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n,
  );

describe('the demo register', () => {
  it('holds some thousands of households with synthetic people over every grid, once', async () => {
    const houses = await count('grid_houses');
    expect(houses).toBeGreaterThan(5_000);
    expect(houses).toBeLessThan(10_000);
    expect(await count('grid_residents')).toBeGreaterThan(2 * houses);
    expect(await count('grid_organisations')).toBeGreaterThan(700);
    const [empty] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from orgs g
           where g.kind = 'grid' and not exists (select 1 from grid_houses h where h.grid_id = g.id)`,
    );
    expect(Number(empty!.n)).toBe(0);
    const [own] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from grid_houses h join users u on u.org_id = h.grid_id
           where u.username = 'grid'`,
    );
    expect(Number(own!.n)).toBe(36);
    expect((await seedDemoRegisters(ctx)).skipped).toBe(true);
    expect(await count('grid_houses')).toBe(houses);
  });

  it('seals each person’s ID number like any other: valid numbers that open only with the data key', async () => {
    const rows = await queryRows<{ id_number_sealed: Buffer; birth_date: string; gender: string }>(
      ctx.db,
      sql`select id_number_sealed, birth_date::text as birth_date, gender from grid_residents order by id limit 200`,
    );
    for (const row of rows) {
      const id = openSealed(ctx, 'resident.id_number', Buffer.from(row.id_number_sealed));
      expect(checkIdNumber(id)).toBe('ok');
      expect(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`).toBe(row.birth_date);
      expect(Number(id[16]) % 2 === 1 ? 'male' : 'female').toBe(row.gender);
    }
  });

  it('gets a year of visits near Wuhai’s 60,000, with a plausible coverage, written once', async () => {
    const report = await seedDemoVisits(ctx, { endAt: END_AT });
    expect(report.visits).toBeGreaterThan(55_000);
    expect(report.visits).toBeLessThan(72_000);
    expect(await count('grid_visits')).toBe(report.visits);
    const counts = await countVisitCoverage(ctx.db, '/', END_AT);
    const figures = coverageFigures(
      counts.reduce(
        (sum, c) => ({
          households: sum.households + c.households,
          visited30: sum.visited30 + c.visited30,
          visited90: sum.visited90 + c.visited90,
        }),
        { households: 0, visited30: 0, visited90: 0 },
      ),
    );
    expect(figures.share30).toBeGreaterThan(0.35);
    expect(figures.share30).toBeLessThan(0.7);
    expect(figures.share90).toBeGreaterThan(0.75);
    expect(figures.share90).toBeLessThan(0.97);
    const [late] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from grid_visits where visited_at > ${END_AT.toISOString()}::timestamptz`,
    );
    expect(Number(late!.n)).toBe(0);
    expect(await seedDemoVisits(ctx, { endAt: END_AT })).toMatchObject({ skipped: true });
    expect(await count('grid_visits')).toBe(report.visits);
  }, 120_000);
});
