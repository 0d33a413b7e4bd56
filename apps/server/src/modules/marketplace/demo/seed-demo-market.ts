import { and, count, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import { marketItems, marketMerchantStaff, marketMerchants } from '../marketplace.tables.js';

/** The demo city's districts, by code. */
const DISTRICTS = ['150302', '150303', '150304'] as const;
/** 海勃湾区: where the demo `merchant` works. */
const DEMO_MERCHANT_DISTRICT = '150302';
const BRANDS = ['顺达', '安心', '好帮手', '万家', '邻里', '速修', '诚信', '乐家', '金牌', '惠民'];
/** How many synthetic merchants, spread over the districts. */
const SYNTHETIC_MERCHANTS = 320;

/**
 * The marketplace of the demo city: the demo `merchant`'s 便民家政服务部 (家电维修 and 开锁 in 海勃湾区, open
 * day and night, the only one offering 开锁 there so its offers are predictable), and synthetic merchants
 * spread over the districts, each with three of the items, open 08:00–20:00 or all day. Idempotent: nothing
 * is written once merchants exist.
 */
export async function seedDemoMarket(ctx: AppContext): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(marketMerchants);
  if ((existing?.n ?? 0) > 0) return 0;
  const items = await ctx.db
    .select({ id: marketItems.id, code: marketItems.code, name: marketItems.name })
    .from(marketItems);
  const district = await ctx.db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(and(eq(orgs.kind, 'district'), inArray(orgs.code, [...DISTRICTS])));
  const [merchantUser] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, 'merchant'));
  if (district.length === 0 || !merchantUser) return 0;
  const itemId = (code: string) => items.find((i) => i.code === code)!.id;
  const now = ctx.clock.now();
  const common = {
    status: 'approved',
    createdAt: now,
    updatedAt: now,
    reviewNote: null,
    lastOfferedAt: null,
  };
  const hbw = district.find((d) => d.code === DEMO_MERCHANT_DISTRICT)!;
  await ctx.db.transaction(async (tx) => {
    const [demo] = await tx
      .insert(marketMerchants)
      .values({
        ...common,
        name: '便民家政服务部',
        licenceNo: '91150302MA0DEMO001',
        contactPhone: '13904730009',
        areaOrgIds: [hbw.id],
        itemIds: [itemId('appliance_repair'), itemId('unlock')],
        opensMinute: 0,
        closesMinute: 1440,
        score: 5,
      })
      .returning({ id: marketMerchants.id });
    await tx.insert(marketMerchantStaff).values({ merchantId: demo!.id, userId: merchantUser.id });
    const offerable = items.filter((i) => i.code !== 'move_car');
    const rows = Array.from({ length: SYNTHETIC_MERCHANTS }, (_, n) => {
      const area = district[n % district.length]!;
      const picked = [0, 7, 13].map((step) => offerable[(n + step) % offerable.length]!);
      // 开锁 in 海勃湾区 stays the demo merchant's alone
      const own = picked.filter((i) => !(i.code === 'unlock' && area.id === hbw.id));
      const allDay = n % 4 === 0;
      return {
        ...common,
        name: `${area.name.replace('区', '')}${BRANDS[n % BRANDS.length]}${own[0]!.name}服务部${Math.floor(n / BRANDS.length) + 1}号`,
        licenceNo: `91${area.code}MA0${String(n + 100).padStart(5, '0')}`,
        contactPhone: `1390473${String(1000 + n).padStart(4, '0')}`,
        areaOrgIds: [area.id],
        itemIds: own.map((i) => i.id),
        opensMinute: allDay ? 0 : 8 * 60,
        closesMinute: allDay ? 1440 : 20 * 60,
        score: 4 + ((n * 7) % 10) / 10,
      };
    });
    await tx.insert(marketMerchants).values(rows);
  });
  return SYNTHETIC_MERCHANTS + 1;
}
