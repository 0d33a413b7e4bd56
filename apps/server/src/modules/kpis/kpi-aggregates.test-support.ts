import { DAY_MS } from '@shanzhi/shared';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { type DbOrTx, queryRows } from '../../platform/db/database.js';
import type { CaseOverrides } from '../../test/factories.js';

/**
 * Random case histories for the property test of the KPI counters: cases with any mix of the columns the
 * counts read, anywhere in the seeded org tree, with handling units, then updated and deleted at random.
 */

/** Beijing midnight starting 2026-11-01: the histories lie in the 20 days from here (close enough for deadlines to fall on the day of `now`). */
export const ORIGIN = new Date('2026-10-31T16:00:00Z');
export const SPAN_DAYS = 20;
const HOUR_MS = 3_600_000;

/** The orgs the histories and the queries use, read from the seeded tree. */
export interface KpiWorld {
  /** grids, towns and districts with their path and their own town / district */
  places: { id: number; path: string; townId: number | null; districtId: number | null }[];
  units: number[];
  owners: number[];
  categories: number[];
  /** every org a query may ask about: the root, districts, towns, grids, units, the centre */
  scopes: string[];
  masterCaseId: number;
}

export async function readKpiWorld(db: DbOrTx, masterCaseId: number): Promise<KpiWorld> {
  const orgRows = await queryRows<{ id: number; kind: string; path: string }>(
    db,
    sql`select id, kind, path from orgs order by id`,
  );
  const byId = new Map(orgRows.map((o) => [o.id, o]));
  const ancestorOfKind = (path: string, kind: string) =>
    path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(Number(id)))
      .find((o) => o?.kind === kind)?.id ?? null;
  const pick = <T>(rows: T[], n: number) => rows.filter((_, i) => i % Math.ceil(rows.length / n) === 0);
  const places = pick(
    orgRows.filter((o) => ['grid', 'town', 'district'].includes(o.kind)),
    12,
  ).map((o) => ({
    id: o.id,
    path: o.path,
    townId: ancestorOfKind(o.path, 'town'),
    districtId: ancestorOfKind(o.path, 'district'),
  }));
  const units = pick(
    orgRows.filter((o) => o.kind === 'unit'),
    5,
  ).map((o) => o.id);
  const owners = orgRows.filter((o) => o.kind === 'center' || o.kind === 'district').map((o) => o.id);
  const categories = (
    await queryRows<{ id: number }>(db, sql`select id from catalog_categories order by id limit 8`)
  ).map((r) => r.id);
  const scopes = [
    ...orgRows.filter((o) => o.kind === 'city').map((o) => o.path),
    ...places.map((p) => p.path),
    ...orgRows.filter((o) => units.includes(o.id) || owners.includes(o.id)).map((o) => o.path),
  ];
  return { places, units, owners, categories, scopes, masterCaseId };
}

/** An instant of the histories: a whole hour (midnights included) from ORIGIN. */
const instant = fc
  .integer({ min: 0, max: SPAN_DAYS * 24 })
  .map((h) => new Date(ORIGIN.getTime() + h * HOUR_MS));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const STATES = [
  'registered',
  'dispatched',
  'accepted',
  'replied',
  'reviewed',
  'called_back',
  'closed',
  'invalidated',
  'merged',
  'transferred_110',
];

/** The columns of a case the counts read, at random. */
export function caseColumns(world: KpiWorld): fc.Arbitrary<Omit<CaseOverrides, 'currentOrgId'>> {
  return fc.record({
    state: fc.constantFrom(...STATES),
    createdAt: instant,
    dispatchedAt: maybe(instant),
    acceptedAt: maybe(instant),
    acceptDeadline: maybe(instant),
    resolveDeadline: maybe(instant),
    repliedAt: maybe(instant),
    calledBackAt: maybe(instant),
    closedAt: maybe(instant),
    returns: fc.integer({ min: 0, max: 2 }),
    reworks: fc.integer({ min: 0, max: 2 }),
    extensionStatus: maybe(fc.constantFrom('approved', 'pending', 'refused')),
    callbackReached: maybe(fc.boolean()),
    callbackContacted: maybe(fc.boolean()),
    callbackSolved: maybe(fc.boolean()),
    satisfaction: maybe(fc.constantFrom('satisfied', 'basically_satisfied', 'dissatisfied')),
    masterCaseId: maybe(fc.constant(world.masterCaseId)),
    categoryId: maybe(fc.constantFrom(...world.categories)),
    leadUnitId: maybe(fc.constantFrom(...world.units)),
    firstReceiverOrgId: maybe(fc.constantFrom(...world.units)),
  });
}

/** Where a case lies and who owns it: the place sets area path, town and district together. */
export function casePlace(world: KpiWorld) {
  return fc.record({
    place: maybe(fc.constantFrom(...world.places)),
    currentOrgId: fc.constantFrom(...world.owners),
  });
}

/** A case of a history: its columns, its place and its handling units. */
export function historyCase(world: KpiWorld) {
  return fc.record({
    columns: caseColumns(world),
    where: casePlace(world),
    handlers: fc.uniqueArray(fc.constantFrom(...world.units), { maxLength: 2 }),
  });
}

/** What happens to a case of the history after it is written. */
export function historyStep(world: KpiWorld) {
  return fc.record({
    target: fc.nat(),
    change: fc.oneof(
      { arbitrary: caseColumns(world).map((columns) => ({ kind: 'columns' as const, columns })), weight: 3 },
      { arbitrary: casePlace(world).map((where) => ({ kind: 'place' as const, where })), weight: 1 },
      {
        arbitrary: fc
          .uniqueArray(fc.constantFrom(...world.units), { maxLength: 2 })
          .map((handlers) => ({ kind: 'handlers' as const, handlers })),
        weight: 1,
      },
      { arbitrary: fc.constant({ kind: 'delete' as const }), weight: 1 },
    ),
  });
}

/** A question to ask both ways: an org subtree, a period of whole days, buckets inside it, and `now`. */
export function kpiQuestion(world: KpiWorld) {
  return fc
    .record({
      scope: fc.constantFrom(...world.scopes),
      days: fc.uniqueArray(fc.integer({ min: -2, max: SPAN_DAYS + 2 }), { minLength: 2, maxLength: 5 }),
      nowHours: fc.integer({ min: -48, max: (SPAN_DAYS + 4) * 24 }),
    })
    .map(({ scope, days, nowHours }) => ({
      scope,
      bounds: [...days].sort((a, b) => a - b).map((d) => new Date(ORIGIN.getTime() + d * DAY_MS)),
      now: new Date(ORIGIN.getTime() + nowHours * HOUR_MS),
    }));
}
