import { PERSONAL_NUMBER_SEARCH_PATTERN } from '@shanzhi/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database.js';
import { orgIdOf } from '../../test/api.js';
import { buildCase } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/setup.js';
import { cases } from './cases.tables.js';

let ctx: TestContext;
let centre: number;
beforeAll(async () => {
  ctx = await createTestContext({ seeded: true });
  centre = await orgIdOf(ctx, 'center.city');
});
afterAll(() => ctx?.dispose());

/** The search copy as the shared pattern defines it, starred in JavaScript. */
const starred = (text: string) => text.replace(new RegExp(PERSONAL_NUMBER_SEARCH_PATTERN, 'g'), '*');

describe('the search copies of title and content (finding 5)', () => {
  it('are generated from the shared pattern, so the two cannot drift apart (finding 5)', async () => {
    const columns = await queryRows<{ column_name: string; generation_expression: string }>(
      ctx.db,
      sql`select column_name, generation_expression from information_schema.columns
           where table_name = 'cases' and column_name in ('title_masked', 'description_masked')
           order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(['description_masked', 'title_masked']);
    for (const column of columns) {
      expect(column.generation_expression).toContain(`'${PERSONAL_NUMBER_SEARCH_PATTERN}'`);
    }
  });

  it.each([
    '我的电话13912345678，身份证150302199001011231',
    '电话+86 139-1234-5678，固话0473-3123456',
    '全角１３９１２３４５６７８，卡号6222 0212 3456 7890 128',
    '车牌蒙C·12345的车占道，车牌蒙CD12345也是',
    '身份证150302199001011234（校验位不对也打星）',
  ])('star in the database what the shared pattern stars in JavaScript: %s (finding 5)', async (text) => {
    const row = await buildCase(ctx.db, {
      currentOrgId: centre,
      title: text.slice(0, 20),
      description: text,
    });
    const [stored] = await ctx.db
      .select({ title: cases.titleMasked, description: cases.descriptionMasked })
      .from(cases)
      .where(eq(cases.id, row.id));
    expect(stored!.description).toBe(starred(text));
    expect(stored!.description).not.toMatch(/[0-9０-９]{4}/);
    expect(stored!.title).toBe(starred(text.slice(0, 20)));
  });

  it('are null for a text without personal numbers, so nothing is stored twice (finding 5)', async () => {
    const row = await buildCase(ctx.db, {
      currentOrgId: centre,
      title: '路灯不亮',
      description: '案件20261201-0001已办结，欠薪12000元，2026-12-01 10:30 现场核实',
    });
    expect(row).toMatchObject({ titleMasked: null, descriptionMasked: null });
  });
});
