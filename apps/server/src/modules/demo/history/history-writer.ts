import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import { type ChainedEvent, chainEvent } from '../../../platform/lifecycle/event-chain.js';
import { caseEvents } from '../../cases/case-events.tables.js';
import { caseHandlers, cases } from '../../cases/cases.tables.js';
import { formatCaseNumber } from '../../cases/register-case.js';
import type { GeneratedCase } from './history-case.js';

/** Events per INSERT statement: one JSON parameter each, well within what both drivers take at once. */
const EVENTS_PER_STATEMENT = 5_000;

/** Values of the NOT NULL columns with defaults, so that every record of the bulk insert is complete. */
const CASE_DEFAULTS = {
  policeMatter: false,
  fireLinkage: false,
  anonymous: false,
  keepPrivate: false,
  light: 'green',
  returns: 0,
  reworks: 0,
  reopens: 0,
  extensionRequests: 0,
  supervisions: 0,
  // the bulk insert names every column, so a column's own default never applies: the chain's length is
  // set by setChainHeads once the timeline is written
  eventCount: 0,
  chainLegacyEvents: 0,
  version: 0,
};

type Columns = Record<string, PgColumn>;

/**
 * `insert into <table> (<cols>) select <cols> from jsonb_to_recordset($1)`: many rows in one statement
 * and one parameter, whatever the driver's limit on parameters. Keys of `records` are property names.
 * Identity ids are the database's to fill, unless `withIds` (ids drawn beforehand from the sequence).
 */
export function bulkInsert(
  table: PgTable,
  records: readonly Record<string, unknown>[],
  returning?: SQL,
  options: { withIds?: boolean } = {},
): SQL {
  const columns = Object.entries(getTableColumns(table) as Columns).filter(
    // generated columns (the masked search copies) are always the database's
    ([, c]) => !(c.primary && c.generatedIdentity && !options.withIds) && c.generated === undefined,
  );
  const json = JSON.stringify(
    records.map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, r[key] ?? null]))),
  );
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const typed = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  return sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as x(${typed})${returning ?? sql``}`;
}

/**
 * 工单编号 for the batch from the live numbering (`case_number_sequences`): one statement reserves, for
 * each Beijing day, a block as long as the day's cases, so historic and live numbers never collide.
 */
async function reserveNumbers(tx: DbOrTx, batch: readonly GeneratedCase[]): Promise<string[]> {
  const perDay = new Map<string, number>();
  for (const c of batch) perDay.set(c.day, (perDay.get(c.day) ?? 0) + 1);
  const json = JSON.stringify([...perDay].map(([day, n]) => ({ day, n })));
  const rows = await queryRows<{ day: string; last: number }>(
    tx,
    sql`insert into case_number_sequences (day, last)
        select day, n from jsonb_to_recordset(${json}::jsonb) as x(day text, n int)
        on conflict (day) do update set last = case_number_sequences.last + excluded.last
        returning day, last`,
  );
  const next = new Map(rows.map((r) => [r.day, r.last - perDay.get(r.day)! + 1]));
  return batch.map((c) => {
    const sequence = next.get(c.day)!;
    next.set(c.day, sequence + 1);
    return formatCaseNumber(c.day, sequence);
  });
}

/** The keyed, chained timeline of one case, chained by the case module's own function. */
function chainEvents(key: Buffer, caseId: number, generated: GeneratedCase): ChainedEvent<'caseId'>[] {
  const chained: ChainedEvent<'caseId'>[] = [];
  for (const event of generated.events)
    chained.push(chainEvent(key, { key: 'caseId', id: caseId }, event, chained.at(-1) ?? null));
  return chained;
}

/** Sets each case's chain head and event count to the end of the timeline just written for it. */
async function setChainHeads(tx: DbOrTx, timelines: readonly ChainedEvent<'caseId'>[][]): Promise<void> {
  const heads = JSON.stringify(
    timelines.flatMap((t) => {
      const last = t.at(-1);
      return last ? [{ id: last.caseId, head: last.hash, n: last.seq }] : [];
    }),
  );
  await tx.execute(
    sql`update cases c set chain_head = x.head, event_count = x.n
          from jsonb_to_recordset(${heads}::jsonb) as x(id int, head text, n int) where c.id = x.id`,
  );
}

/** Points a merged duplicate's row and `merge` event at its master, now that the master has an id. */
function linkDuplicate(generated: GeneratedCase, master: { id: number; number: string }): void {
  generated.row.masterCaseId = master.id;
  const merge = generated.events.find((e) => e.action === 'merge');
  if (merge) merge.changes = { masterCaseId: master.id, masterCaseNumber: master.number };
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * Writes a batch of generated cases inside the caller's transaction: numbers, cases, handling units and
 * timelines chained under `chainKey`, in a handful of multi-row statements. Answers the ids given, in batch
 * order.
 */
export async function writeHistoryBatch(
  tx: DbOrTx,
  chainKey: Buffer,
  batch: readonly GeneratedCase[],
): Promise<number[]> {
  const numbers = await reserveNumbers(tx, batch);
  const records = batch.map((c, i) => {
    const row = Object.fromEntries(
      Object.entries({ ...CASE_DEFAULTS, ...c.row }).map(([k, v]) => [k, iso(v)]),
    );
    return { ...row, number: numbers[i], masterCaseId: null };
  });
  const inserted = await queryRows<{ id: number; number: string }>(
    tx,
    bulkInsert(cases, records, sql` returning id, number`),
  );
  const idOf = new Map(inserted.map((r) => [r.number, r.id]));
  const ids = numbers.map((n) => idOf.get(n)!);
  const duplicates = batch.flatMap((c, i) => (c.masterIndex === null ? [] : [i]));
  for (const i of duplicates) {
    const m = batch[i]!.masterIndex!;
    linkDuplicate(batch[i]!, { id: ids[m]!, number: numbers[m]! });
  }
  if (duplicates.length > 0) {
    const links = JSON.stringify(
      duplicates.map((i) => ({ id: ids[i], master: ids[batch[i]!.masterIndex!] })),
    );
    await tx.execute(
      sql`update cases c set master_case_id = x.master
            from jsonb_to_recordset(${links}::jsonb) as x(id int, master int) where c.id = x.id`,
    );
  }
  const handlers = batch.flatMap((c, i) => c.handlers.map((h) => ({ caseId: ids[i], ...h })));
  if (handlers.length > 0) await tx.execute(bulkInsert(caseHandlers, handlers));
  const timelines = batch.map((c, i) => chainEvents(chainKey, ids[i]!, c));
  const events = timelines.flat().map((e) => ({ ...e, at: e.at.toISOString() }));
  for (let i = 0; i < events.length; i += EVENTS_PER_STATEMENT) {
    await tx.execute(bulkInsert(caseEvents, events.slice(i, i + EVENTS_PER_STATEMENT)));
  }
  await setChainHeads(tx, timelines);
  return ids;
}
