import { PERSONAL_NUMBER_SEARCH_PATTERN } from '@shanzhi/shared';
import { type SQL, sql } from 'drizzle-orm';

/** The shared pattern of every personal-number shape, as an SQL string literal. */
const PATTERN_LITERAL = `'${PERSONAL_NUMBER_SEARCH_PATTERN.replaceAll("'", "''")}'`;

/**
 * The generation expression of the search copy of a text column of `cases`: the text with every number of
 * a personal shape (phone, ID, bank card, plate — checked or not) replaced by `*`, or null when it holds
 * none, so that most cases store nothing twice. PostgreSQL writes it with the row (a stored generated
 * column), whichever way a case is written; the keyword search of a caller without `personal_data.read`
 * reads `coalesce(copy, text)`, which holds no digit of such a number to match.
 */
export function searchCopyOf(column: 'title' | 'description'): SQL {
  return sql.raw(`nullif(regexp_replace("${column}", ${PATTERN_LITERAL}, '*', 'g'), "${column}")`);
}
