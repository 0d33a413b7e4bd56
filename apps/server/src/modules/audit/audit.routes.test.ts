import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { recordAudit } from './audit.repository.js';

let api: SeededApi;
const ACTION = 'test.page_walked';

beforeAll(async () => {
  api = await createSeededApi();
  for (let i = 0; i < 6; i++) {
    await recordAudit(api.ctx.db, { action: ACTION, targetId: i }, new Date(Date.UTC(2026, 8, 1, i)));
  }
});
afterAll(() => api.close());

interface AuditPage {
  items: { id: number; targetId: string }[];
  nextCursor: string | null;
}

async function page(query: string): Promise<AuditPage> {
  const response = await api.get(`/api/v1/audit?action=${ACTION}&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('GET /api/v1/audit, a keyset list', () => {
  it('walks the trail newest first, and ends on a full last page without an empty one after it', async () => {
    const first = await page('limit=3');
    expect(first.items.map((e) => e.targetId)).toEqual(['5', '4', '3']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await page(`limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.targetId)).toEqual(['2', '1', '0']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a cursor that is not one of its own, and unknown keys, with 400', async () => {
    expectError(await api.get('/api/v1/audit?cursor=abc'), 400, 'VALIDATION_FAILED', 'cursor');
    expectError(await api.get('/api/v1/audit?beforeId=3'), 400, 'VALIDATION_FAILED');
    expectError(await api.get('/api/v1/audit?limit=201'), 400, 'VALIDATION_FAILED', 'query.limit');
  });
});
