import { z } from 'zod';
import { isRealIsoDate } from './beijing-time.js';

/** A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(isRealIsoDate, '不存在的日期');

/** One listed day of the holiday-cn format. */
export const HolidayCnDay = z
  .object({
    /** name of the holiday the day belongs to, e.g. 国庆节 */
    name: z.string().min(1, '请填写节日名称'),
    /** the day, `YYYY-MM-DD` */
    date: IsoDate,
    /** true: a statutory day off; false: a 调休 make-up working day */
    isOffDay: z.boolean('isOffDay 应为 true 或 false'),
  })
  .strict();
export type HolidayCnDay = z.infer<typeof HolidayCnDay>;

/**
 * Whether a listed date may appear in the file of `year`: a date of that year, or of the December before it,
 * because a notice can start the New Year (元旦) block in the old year (2023.json lists 2022-12-31 off,
 * 2019.json lists 2018-12-29 as a make-up working day).
 */
function belongsToYear(date: string, year: number): boolean {
  return date.startsWith(`${year}-`) || date.startsWith(`${year - 1}-12-`);
}

/**
 * One year of public holidays and make-up working days in the format of NateScarlet/holiday-cn
 * (`packages/shared/data/holidays/`). Every date lies in `year` (or the December before it) and is listed
 * once. Unknown keys are refused so that a misspelt field does not pass silently.
 */
export const HolidayCnYear = z
  .object({
    $schema: z.string().optional(),
    $id: z.string().optional(),
    /** the year of the State Council notice the file follows */
    year: z.number('年份应为数字').int('年份应为整数').min(2000, '年份超出范围').max(2100, '年份超出范围'),
    /** URLs of the State Council notices the days come from */
    papers: z.array(z.string()).optional(),
    /** the listed days; a date not listed follows the weekday rule */
    days: z.array(HolidayCnDay),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.days.forEach((day, index) => {
      // a malformed date already has its own issue
      if (typeof day?.date !== 'string' || !isRealIsoDate(day.date)) return;
      const path = ['days', index, 'date'];
      if (!belongsToYear(day.date, file.year)) {
        ctx.addIssue({ code: 'custom', path, message: `日期 ${day.date} 不在 ${file.year} 年内` });
      }
      if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path, message: `日期 ${day.date} 重复` });
      seen.add(day.date);
    });
  })
  .meta({ id: 'HolidayCnYear' });
export type HolidayCnYear = z.infer<typeof HolidayCnYear>;
