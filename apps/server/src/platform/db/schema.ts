// Every table of the platform, for Drizzle's typed queries and for drizzle-kit's migration generator.
export * from '../../modules/audit/audit.tables.js';
export * from '../../modules/auth/sessions.tables.js';
export * from '../../modules/calendar/calendar.tables.js';
export * from '../../modules/cases/attachments/case-attachments.tables.js';
export * from '../../modules/cases/case-events.tables.js';
export * from '../../modules/cases/cases.tables.js';
export * from '../../modules/catalog/catalog.tables.js';
export * from '../../modules/intelligence/duplicates/case-fingerprints.tables.js';
export * from '../../modules/intelligence/intelligence.tables.js';
export * from '../../modules/intelligence/warnings/warnings.tables.js';
export * from '../../modules/knowledge/knowledge.tables.js';
export * from '../../modules/notifications/notifications.tables.js';
export * from '../../modules/orgs/orgs.tables.js';
export * from '../../modules/portal/portal.tables.js';
export * from '../../modules/settings/settings.tables.js';
export * from '../../modules/users/users.tables.js';
