import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AuditListQuery } from '../audit/audit.schemas.js';
import { CaseListQuery, CasesByPhoneQuery } from '../cases/case-list.schemas.js';
import { WarningListQuery } from '../intelligence/warnings.schemas.js';
import { KnowledgeListQuery } from '../knowledge/knowledge.schemas.js';
import { ReplyTemplateListQuery } from '../knowledge/reply-template.schemas.js';
import { MarketOrderListQuery } from '../marketplace/market-orders.schemas.js';
import { NotificationListQuery } from '../notifications/notification.schemas.js';
import { OrgListQuery } from '../orgs/org.schemas.js';
import { ReportListQuery } from '../reports/reports.schemas.js';
import { UserListQuery } from '../users/user.schemas.js';
import { MAX_PAGE_SIZE } from './list.schemas.js';

// every list of the API and what its query needs besides its page
const PAGED: [string, z.ZodType, Record<string, string>][] = [
  ['users', UserListQuery, {}],
  ['orgs', OrgListQuery, {}],
  ['knowledge', KnowledgeListQuery, {}],
  ['reply templates', ReplyTemplateListQuery, {}],
  ['warnings', WarningListQuery, {}],
  ['reports', ReportListQuery, {}],
];
const KEYSET: [string, z.ZodType, Record<string, string>][] = [
  ['cases', CaseListQuery, {}],
  ['a caller’s cases', CasesByPhoneQuery, { phone: '13912345678' }],
  ['notifications', NotificationListQuery, {}],
  ['audit', AuditListQuery, {}],
  ['service orders', MarketOrderListQuery, {}],
];

describe('the two list conventions', () => {
  it.each(PAGED)('pages the %s list with page and pageSize, at most 200 a page', (_name, query, base) => {
    expect(query.safeParse({ ...base, page: '3', pageSize: String(MAX_PAGE_SIZE) }).success).toBe(true);
    expect(query.safeParse({ ...base, pageSize: String(MAX_PAGE_SIZE + 1) }).success).toBe(false);
    expect(query.safeParse({ ...base, page: '0' }).success).toBe(false);
    expect(query.safeParse({ ...base, cursor: 'abc' }).success).toBe(false);
    expect(query.safeParse({ ...base, limit: '10' }).success).toBe(false);
  });

  it.each(KEYSET)('walks the %s list with cursor and limit, at most 200 a page', (_name, query, base) => {
    expect(query.safeParse({ ...base, cursor: 'WzFd', limit: String(MAX_PAGE_SIZE) }).success).toBe(true);
    expect(query.safeParse({ ...base, limit: String(MAX_PAGE_SIZE + 1) }).success).toBe(false);
    expect(query.safeParse({ ...base, limit: '0' }).success).toBe(false);
    expect(query.safeParse({ ...base, page: '2' }).success).toBe(false);
    expect(query.safeParse({ ...base, beforeId: '12' }).success).toBe(false);
  });

  it.each([...PAGED, ...KEYSET])('refuses an unknown key in the %s query', (_name, query, base) => {
    expect(query.safeParse({ ...base, nonsense: '1' }).success).toBe(false);
  });

  it('keeps each list’s own default page size', () => {
    expect(CaseListQuery.parse({}).limit).toBe(50);
    expect(CasesByPhoneQuery.parse({ phone: '13912345678' }).limit).toBe(10);
    expect(NotificationListQuery.parse({}).limit).toBe(20);
    expect(OrgListQuery.parse({}).pageSize).toBe(50);
    expect(UserListQuery.parse({}).pageSize).toBe(20);
  });
});
