import { z } from 'zod';
import { BoundaryGeometry } from '../geo/geo.schemas.js';
import { PortalCaseNumber } from './portal.schemas.js';

/**
 * What the portal shows of a case: public parts only, personal data masked — the citizen's fields and the
 * personal numbers in its title and answer, since whoever knows the number and the phone may not be the
 * citizen — no staff, no internal notes.
 */
export const PortalCaseView = z
  .object({
    number: z.string(),
    type: z.string(),
    typeLabel: z.string(),
    category: z.string().nullable(),
    title: z.string(),
    /** the coarse status a citizen sees (`PortalStatus`) */
    status: z.string(),
    statusLabel: z.string(),
    citizenName: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    submittedAt: z.string(),
    closedAt: z.string().nullable(),
    /** the approved answer to the citizen, once it went out */
    answer: z.string().nullable(),
    timeline: z.array(
      z.object({ step: z.string(), label: z.string(), at: z.string(), unit: z.string().nullable() }),
    ),
    /** whether the citizen may rate it now, and the rating given */
    canRate: z.boolean(),
    rating: z.object({ satisfaction: z.string(), label: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: 'PortalCaseView' });
export type PortalCaseView = z.output<typeof PortalCaseView>;

/** `POST /api/v1/portal/cases`: the number a citizen tracks his new case by. */
export const PortalSubmitted = z.object({ number: z.string() });
export type PortalSubmitted = z.output<typeof PortalSubmitted>;

/** `POST /api/v1/portal/suggest`: likely categories for the citizen's text, and whether it looks like 110's. */
export const PortalSuggestion = z.object({
  categories: z.array(z.object({ id: z.number().int(), name: z.string(), probability: z.number() })),
  police: z.boolean(),
});
export type PortalSuggestion = z.output<typeof PortalSuggestion>;

/** A case's number in a portal path. */
export const PortalCaseParams = z.strictObject({ number: PortalCaseNumber });
export type PortalCaseParams = z.output<typeof PortalCaseParams>;

/** An area the public map draws: a district, town, community or grid, with its outline. */
export const PublicArea = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  /** GeoJSON Polygon / MultiPolygon (GCJ-02) */
  boundary: BoundaryGeometry.nullable(),
});
export type PublicArea = z.output<typeof PublicArea>;

/** `GET /api/v1/portal/areas`: an area and the areas directly below it. */
export const PublicAreas = z.object({ area: PublicArea, children: z.array(PublicArea) });
export type PublicAreas = z.output<typeof PublicAreas>;

/** `GET /api/v1/portal/areas` query: the area below which to draw (the city without it). */
export const PublicAreasQuery = z.strictObject({ parentId: z.coerce.number().int().positive().optional() });
export type PublicAreasQuery = z.output<typeof PublicAreasQuery>;
