import { z } from 'zod';

const weight = (label: string) =>
  z
    .number({ error: `${label}权重必须是数字` })
    .min(0, `${label}权重不能为负`)
    .max(1, `${label}权重不能大于 1`);

/** Weights of the three rates of 接诉即办 in the composite score; they must add up to 1. */
export const KpiWeights = z
  .strictObject({
    /** w1: weight of 响应率 */
    response: weight('响应率'),
    /** w2: weight of 解决率 */
    solving: weight('解决率'),
    /** w3: weight of 满意率 */
    satisfaction: weight('满意率'),
  })
  // a tolerance, because weights such as 0.1 + 0.2 + 0.7 do not add up to 1 exactly in binary floating point
  .refine((w) => Math.abs(w.response + w.solving + w.satisfaction - 1) < 1e-9, '三率权重之和必须等于 1');
export type KpiWeights = z.infer<typeof KpiWeights>;

/**
 * How a city computes its measures (DOMAIN.md §6). Everything has the published default, so `{}` is a valid
 * configuration.
 */
export const KpiConfig = z.strictObject({
  /** k in 满意率 = (满意 + k × 基本满意) / 有效回访; 0.9 by default */
  basicSatisfactionFactor: z
    .number({ error: '基本满意折算系数必须是数字' })
    .min(0, '基本满意折算系数不能为负')
    .max(1, '基本满意折算系数不能大于 1')
    .default(0.9),
  /** weights of 响应率 / 解决率 / 满意率 in the composite score; 10 % / 50 % / 40 % by default */
  weights: KpiWeights.default({ response: 0.1, solving: 0.5, satisfaction: 0.4 }),
});
export type KpiConfig = z.infer<typeof KpiConfig>;
/** A configuration as written (fields may be left out to take the defaults). */
export type KpiConfigInput = z.input<typeof KpiConfig>;

/** The published defaults: k = 0.9, weights 0.1 / 0.5 / 0.4. */
export const DEFAULT_KPI_CONFIG: KpiConfig = KpiConfig.parse({});
