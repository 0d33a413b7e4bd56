// Every table of the platform, for Drizzle's typed queries and for drizzle-kit's migration generator.
export * from '../../modules/audit/audit.tables.js';
export * from '../../modules/auth/sessions.tables.js';
export * from '../../modules/calendar/calendar.tables.js';
export * from '../../modules/cases/case-events.tables.js';
export * from '../../modules/cases/cases.tables.js';
export * from '../../modules/catalog/catalog.tables.js';
export * from '../../modules/knowledge/knowledge.tables.js';
export * from '../../modules/orgs/orgs.tables.js';
export * from '../../modules/settings/settings.tables.js';
export * from '../../modules/users/users.tables.js';
