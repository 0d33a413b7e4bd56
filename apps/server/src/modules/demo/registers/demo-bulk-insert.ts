import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.js';

/**
 * A column of a bulk insert: its values travel as one array parameter of `type`; `as` reads each element
 * into the column's own type where an array of it cannot be sent (an array of arrays, JSON, bytes in hex).
 */
export interface BulkColumn {
  name: string;
  type: 'int' | 'text' | 'timestamptz' | 'double precision' | 'date';
  values: readonly unknown[];
  as?: 'int[]' | 'text[]' | 'jsonb' | 'bytea';
}

const ROWS_PER_STATEMENT = 10_000;

function read(column: BulkColumn, alias: string): SQL {
  const value = sql.raw(`x.${alias}`);
  if (column.as === 'bytea') return sql`decode(${value}, 'hex')`;
  if (column.as) return sql`${value}::${sql.raw(column.as)}`;
  return value;
}

/**
 * Inserts many rows as columns of arrays (`insert … select from unnest(…)`): a few statements of ten thousand
 * rows, where a multi-row VALUES of as many parameters would take the embedded database several times longer.
 * For the demo city's bulk data only; the platform's own writes go through Drizzle row by row.
 */
export async function insertByColumns(
  db: DbOrTx,
  table: string,
  columns: readonly BulkColumn[],
): Promise<void> {
  const count = columns[0]?.values.length ?? 0;
  for (let start = 0; start < count; start += ROWS_PER_STATEMENT) {
    const end = Math.min(count, start + ROWS_PER_STATEMENT);
    const aliases = columns.map((_, i) => `c${i}`);
    const arrays = columns.map(
      (column) => sql`${sql.param(column.values.slice(start, end))}::${sql.raw(column.type)}[]`,
    );
    await db.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(columns.map((c) => c.name).join(', '))})
          select ${sql.join(
            columns.map((column, i) => read(column, aliases[i]!)),
            sql`, `,
          )}
            from unnest(${sql.join(arrays, sql`, `)}) as x(${sql.raw(aliases.join(', '))})`,
    );
  }
}
