import { z } from 'zod';
import { HouseView } from './grid-house.schemas.js';
import { ResidentView } from './grid-resident.schemas.js';
import { VisitView } from './grid-visit.schemas.js';

/** Visits a household's page shows; the whole list is `GET /api/v1/grid/visits?houseId=`. */
export const HOUSEHOLD_PAGE_VISITS = 20;

/** `GET /api/v1/grid/houses/:id`: a household's page — the house, its residents and its latest visits. */
export const HouseDetail = HouseView.extend({
  residents: z.array(ResidentView),
  /** the latest visits, newest first */
  visits: z.array(VisitView),
});
export type HouseDetail = z.infer<typeof HouseDetail>;
