import type { GeoPoint } from '@shanzhi/shared';

/** How many villages/communities and grids to generate in one district, and where to crowd them. */
export interface DemoDistrictConfig {
  /** 6-digit district code (行政区划代码); the outline and the towns are looked up by it */
  code: string;
  /** villages/communities (村/社区) to generate, shared out over the district's towns */
  communities: number;
  /** grids (网格) to generate, shared out over the communities; must be ≥ `communities` */
  grids: number;
  /** share of the grids crowded around the district's seat (urban grids are smaller), 0..1 */
  urbanShare: number;
  /** spread (1 σ) of the urban grids around the seat, in km */
  urbanSpreadKm: number;
  /** relative weight of a town (by 9-digit code) when communities are shared out; a town not listed weighs 1 */
  townWeights?: Readonly<Record<string, number>>;
  /**
   * Communities the seeds name, by their position in the district's draw (0 is the first community of the
   * first town): the stem given there in place of the drawn one, so the rest of the city stays as drawn
   */
  namedStems?: Readonly<Record<number, string>>;
}

/** What the demo city is made of. The counts come from here, never from the generator's code. */
export interface DemoCityConfig {
  /** 6-digit city code */
  code: string;
  name: string;
  /** the city government's seat */
  center: GeoPoint;
  districts: readonly DemoDistrictConfig[];
  /** part-time grid workers (兼职网格员) per grid, both bounds included (一格一长一警一专多兼) */
  partTimersPerGrid: { min: number; max: number };
}

/**
 * Wuhai as published: 3 districts, 83 villages/communities and 786 grids (乌海市 2022). The split of
 * communities and grids between the districts is the demo's own, roughly by population.
 */
export const WUHAI_DEMO_CITY_CONFIG: DemoCityConfig = {
  code: '150300',
  name: '乌海市',
  center: { lng: 106.825563, lat: 39.673734 },
  districts: [
    // 育红社区 of 凤凰岭街道, home of the seeds' 董大姐平安工作室 (mediation)
    {
      code: '150302',
      communities: 40,
      grids: 400,
      urbanShare: 0.7,
      urbanSpreadKm: 4,
      namedStems: { 1: '育红' },
    },
    { code: '150303', communities: 18, grids: 170, urbanShare: 0.6, urbanSpreadKm: 4 },
    { code: '150304', communities: 25, grids: 216, urbanShare: 0.7, urbanSpreadKm: 3 },
  ],
  partTimersPerGrid: { min: 1, max: 3 },
};
