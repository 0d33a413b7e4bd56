import { z } from 'zod';
import { HouseListQuery } from './grid-house.schemas.js';
import { OrganisationListQuery } from './grid-organisation.schemas.js';
import { ResidentListQuery } from './grid-resident.schemas.js';

/** The three registers of a grid (基础信息): 房屋, 实有人口, 单位/组织/场所. */
export const RegisterKind = z.enum(['houses', 'residents', 'organisations']);
export type RegisterKind = z.infer<typeof RegisterKind>;

/** Rows one import file may hold (a town's whole register is a few files of this size). */
export const MAX_IMPORT_ROWS = 10_000;
/** The row errors an import answer lists at most; the message says how many rows failed in all. */
export const MAX_IMPORT_ERRORS = 500;

/**
 * One line of the answer of `POST /api/v1/grid/register-imports/:kind` (`application/x-ndjson`), sent once the
 * file passed its checks (otherwise the answer is 400 `IMPORT_ROWS_INVALID` naming each bad row, and nothing is
 * written). The rows are then written in one transaction: `writing` lines tell the progress, the last line is
 * `done` or, if the transaction failed (a record registered meanwhile by someone else …), `failed` — and then
 * nothing was imported either.
 */
export const RegisterImportEvent = z.discriminatedUnion('phase', [
  z.object({
    phase: z.literal('writing'),
    /** rows written so far (not yet committed) */
    done: z.number().int(),
    total: z.number().int(),
  }),
  z.object({
    phase: z.literal('done'),
    /** rows imported */
    rows: z.number().int(),
    /** what was created: houses (a resident's row may create his house), residents, organisations */
    created: z.object({
      houses: z.number().int(),
      residents: z.number().int(),
      organisations: z.number().int(),
    }),
  }),
  z.object({
    phase: z.literal('failed'),
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    }),
  }),
]);
export type RegisterImportEvent = z.infer<typeof RegisterImportEvent>;

/** `GET /api/v1/grid/houses/export`: the filters of the house list, without its page. */
export const HouseExportQuery = HouseListQuery.omit({ page: true, pageSize: true });
export type HouseExportQuery = z.infer<typeof HouseExportQuery>;
/** `GET /api/v1/grid/residents/export`. */
export const ResidentExportQuery = ResidentListQuery.omit({ page: true, pageSize: true });
export type ResidentExportQuery = z.infer<typeof ResidentExportQuery>;
/** `GET /api/v1/grid/organisations/export`. */
export const OrganisationExportQuery = OrganisationListQuery.omit({ page: true, pageSize: true });
export type OrganisationExportQuery = z.infer<typeof OrganisationExportQuery>;
