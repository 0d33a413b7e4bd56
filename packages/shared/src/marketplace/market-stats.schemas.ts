import { z } from 'zod';
import { isRealIsoDate } from '../calendar/beijing-time.js';

const int = z.number().int();
const day = (label: string) =>
  z
    .string({ error: `${label}必须是日期` })
    .regex(/^20\d{2}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD（2000–2099 年）`)
    .refine(isRealIsoDate, `${label}不是有效日期`);

/** `GET /api/v1/market/stats?from=&to=`: a period of Beijing days (the last 365 days by default). */
export const MarketStatsQuery = z.strictObject({
  /** first Beijing day (inclusive) */
  from: day('开始日期').optional(),
  /** last Beijing day (inclusive) */
  to: day('结束日期').optional(),
});
export type MarketStatsQuery = z.infer<typeof MarketStatsQuery>;

/** 民需我应 in numbers: the orders placed in the period and how they went. */
export const MarketStats = z.object({
  from: z.string(),
  to: z.string(),
  /** orders placed */
  orders: int,
  /** completed (rated ones included) */
  completed: int,
  cancelled: int,
  /** 完成率 = completed / orders; null without orders */
  completionRate: z.number().nullable(),
  /** 满意率 = ratings of 4 or 5 stars / ratings; null without ratings */
  satisfactionRate: z.number().nullable(),
  averageStars: z.number().nullable(),
  /** 接单用时 in seconds, from ordering to acceptance: median and 90th percentile */
  acceptSeconds: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
  byItem: z.array(z.object({ itemId: int, name: z.string(), orders: int, completed: int })),
  byDistrict: z.array(z.object({ districtId: int.nullable(), name: z.string().nullable(), orders: int })),
  /** orders by Beijing month (`YYYY-MM`) */
  byMonth: z.array(z.object({ month: z.string(), orders: int })),
  /** merchants ranked by completed orders, then rating (the first 20) */
  merchants: z.array(
    z.object({
      merchantId: int,
      name: z.string(),
      completed: int,
      averageStars: z.number().nullable(),
      score: z.number(),
    }),
  ),
});
export type MarketStats = z.infer<typeof MarketStats>;
