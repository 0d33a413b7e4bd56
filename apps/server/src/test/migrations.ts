import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { expect } from 'vitest';
import { MIGRATIONS_FOLDER } from '../platform/db/migrate.js';

/** The SQL statements of the migration tagged `tag`, to run again on a database a test shaped. */
export function migrationStatements(tag: string): string[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { tag: string }[];
  };
  const index = journal.entries.findIndex((e) => e.tag === tag);
  expect(index, tag).toBeGreaterThanOrEqual(0);
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER })[index]!.sql;
}
