import type { TestProject } from 'vitest/node';
import { buildPgliteTemplates, buildPostgresTemplates } from './database-templates.js';

/**
 * Global setup of the server tests: builds the run's template databases (migrated; migrated and seeded with
 * the demo city) once, for the database of this project, and removes them after the run.
 */
export default async function setup(project: TestProject) {
  const started = Date.now();
  const postgres = project.config.env?.SHANZHI_TEST_DB === 'postgres';
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (postgres && !adminUrl) throw new Error('the postgres project needs TEST_DATABASE_URL');
  const built = postgres && adminUrl ? await buildPostgresTemplates(adminUrl) : await buildPgliteTemplates();
  project.provide('testTemplates', built.templates);
  console.info(
    `[${built.templates.kind}] template databases ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return async () => {
    await built.remove();
  };
}
