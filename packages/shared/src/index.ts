export * from './auth/auth.schemas.js';
export * from './auth/permissions.js';
export * from './auth/roles.js';
export * from './calendar/time-limit.js';
export * from './catalog/priority.js';
export * from './errors/error-codes.js';
export * from './orgs/org-kinds.js';
