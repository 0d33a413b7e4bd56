import { z } from 'zod';
import { SlaLight } from '../cases/case-enums.js';
import { CaseState } from '../cases/case-states.js';
import { BoundaryGeometry } from '../geo/geo.schemas.js';
import { KpiOrgView } from '../kpis/kpis.schemas.js';
import { PetitionRiskKind } from '../petitions/petition-enums.js';

/** `?org=`: the org subtree the wall shows (in the caller's scope); his scope root when left out. */
export const DashboardQuery = z.strictObject({
  org: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** A count against the same count of the period before (yesterday, the same days of last month). */
const CountWithPrevious = z.object({ value: z.number().int(), previous: z.number().int() });

/** One of the three rates (响应率/解决率/满意率) or the composite score, with last month's value. */
export const DashboardRate = z.object({
  key: z.enum(['responseRate', 'solvingRate', 'satisfactionRate', 'compositeScore']),
  label: z.string(),
  /** this month so far, 0–1; null without a denominator */
  value: z.number().nullable(),
  /** the same days of last month */
  previous: z.number().nullable(),
});
export type DashboardRate = z.infer<typeof DashboardRate>;

const HotCategory = z.object({ id: z.number().int(), name: z.string(), count: z.number().int() });
const HotWord = z.object({ word: z.string(), count: z.number().int() });
/** Hot categories or words over the last 24 hours and the last 7 days, most frequent first. */
const Hot = <T extends z.ZodType>(item: T) => z.object({ last24h: z.array(item), last7d: z.array(item) });

/** A case as the wall's ticker and a grid's list show it: its content masked as the viewer must read it. */
export const DashboardCase = z.object({
  id: z.number().int(),
  number: z.string(),
  title: z.string(),
  categoryName: z.string().nullable(),
  /** the district (or town) where it happened */
  placeName: z.string().nullable(),
  state: CaseState,
  light: SlaLight,
  createdAt: z.string(),
});
export type DashboardCase = z.infer<typeof DashboardCase>;

/** A case of today as a point of the map (GCJ-02). */
export const DashboardPoint = z.object({
  id: z.number().int(),
  lng: z.number(),
  lat: z.number(),
  categoryName: z.string().nullable(),
  light: SlaLight,
});
export type DashboardPoint = z.infer<typeof DashboardPoint>;

/** An open early warning (激增, 新苗头). */
export const DashboardWarning = z.object({
  id: z.number().int(),
  kind: z.enum(['surge', 'emerging_topic']),
  kindLabel: z.string(),
  title: z.string(),
  orgName: z.string().nullable(),
  observed: z.number().int(),
  baseline: z.number(),
  lastSeenAt: z.string(),
});

/** A unit's overdue cases this month (考核 `overdue`) and its open red-light cases now. */
export const DashboardUnitAlert = z.object({
  org: KpiOrgView,
  overdue: z.number().int(),
  red: z.number().int(),
});

/** A place of a ranking, best composite score first; `flagged` under the 通报 line. */
export const DashboardRankItem = z.object({
  org: KpiOrgView,
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  flagged: z.boolean(),
});

/** A petition flagged for a risk of escalation (风险预警) as the wall shows it: personal data masked. */
export const DashboardFlaggedPetition = z.object({
  id: z.number().int(),
  /** 信访编号 `XF-12` */
  number: z.string(),
  riskKind: PetitionRiskKind,
  /** 民转刑风险 / 极端事件苗头 */
  riskKindLabel: z.string(),
  /** the first petitioner (`韩**`, in full with `personal_data.read`), `等 N 人` when several */
  petitioner: z.string(),
  /** the matter, its personal numbers masked without `personal_data.read` */
  matter: z.string(),
  /** the agency point */
  orgName: z.string(),
  flaggedAt: z.string(),
});
export type DashboardFlaggedPetition = z.infer<typeof DashboardFlaggedPetition>;

/** The flagged petitions of the wall's org: how many, and the latest flagged first. */
export const DashboardPetitionRisks = z.object({
  total: z.number().int(),
  items: z.array(DashboardFlaggedPetition),
});
export type DashboardPetitionRisks = z.infer<typeof DashboardPetitionRisks>;

/** What changes with every new case: today's cases as points and the latest cases (cheap to reload). */
export const DashboardLive = z.object({
  org: KpiOrgView,
  generatedAt: z.string(),
  points: z.array(DashboardPoint),
  ticker: z.array(DashboardCase),
});
export type DashboardLive = z.output<typeof DashboardLive>;

/** `GET /api/v1/dashboard/overview`: everything the wall shows of an org subtree. */
export const DashboardOverview = DashboardLive.extend({
  /** registered today (Beijing) against yesterday */
  today: CountWithPrevious,
  /** registered this month so far against the same days of last month */
  month: CountWithPrevious.extend({ from: z.string(), to: z.string() }),
  rates: z.array(DashboardRate),
  hotCategories: Hot(HotCategory),
  hotWords: Hot(HotWord),
  warnings: z.array(DashboardWarning),
  unitAlerts: z.array(DashboardUnitAlert),
  /** units, and the districts of a city or the towns of a district or town */
  ranking: z.object({ units: z.array(DashboardRankItem), areas: z.array(DashboardRankItem) }),
  /** the petitions flagged for a risk of escalation (信访风险预警); null for a viewer without `petition.read` */
  petitionRisks: DashboardPetitionRisks.nullable(),
});
export type DashboardOverview = z.output<typeof DashboardOverview>;

/** An area drawn on the wall's map, with its open cases. */
export const DashboardArea = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  boundary: BoundaryGeometry.nullable(),
  center: z.tuple([z.number(), z.number()]).nullable(),
  openCases: z.number().int(),
});
export type DashboardArea = z.infer<typeof DashboardArea>;

/** A grid's staff as the wall shows them (phones masked without `personal_data.read`). */
export const DashboardStaff = z.object({
  id: z.number().int(),
  role: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
});

/**
 * `GET /api/v1/dashboard/map`: an org and what the wall draws inside it — the districts of a city, the towns
 * and grids of a district or town — and, for a grid, its staff and open cases.
 */
export const DashboardMap = z.object({
  org: DashboardArea,
  /** the parent to go back to, when it is in the caller's scope */
  parentId: z.number().int().nullable(),
  areas: z.array(DashboardArea),
  grids: z.array(DashboardArea),
  staff: z.array(DashboardStaff),
  openCases: z.array(DashboardCase),
});
export type DashboardMap = z.output<typeof DashboardMap>;
