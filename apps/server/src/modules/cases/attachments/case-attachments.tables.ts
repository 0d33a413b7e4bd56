import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from '../../orgs/orgs.tables.js';
import { cases } from '../cases.tables.js';

/**
 * 附件: a photo, document or recording attached to a case. The bytes live once per content under the data
 * directory (`attachments/<sha256 prefix>/<sha256>`), so the same photo sent twice is stored once; this row
 * records who attached what to which case, under which name.
 */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    /** hex SHA-256 of the content: also its file name in the store */
    sha256: text('sha256').notNull(),
    /** the file name as uploaded (shown and offered on download) */
    name: text('name').notNull(),
    /** the type found from the content's magic bytes, never the one the client declared */
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedByUserId: integer('uploaded_by_user_id'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedByOrgId: integer('uploaded_by_org_id').references(() => orgs.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('case_attachments_case_idx').on(t.caseId, t.id),
    index('case_attachments_sha_idx').on(t.sha256),
  ],
);
