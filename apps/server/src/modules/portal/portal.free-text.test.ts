import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../cases/cases.test-support.js';

let w: CaseWorld;
beforeAll(async () => {
  w = await createCaseWorld();
});
afterAll(() => w.api.close());

describe('the portal’s view of free text (finding 5)', () => {
  it('masks the personal numbers in the title and the answer for whoever tracks the case (finding 5)', async () => {
    const c = await w.newCase('agent', {
      content: '蒙C12345的车堵住大门，车主电话13987654321',
      citizenPhone: '13947300002',
      location: await w.pointIn('150302'),
    });
    await w.step('agent', c.id, 'resolve_on_call', {
      answer: '已联系车主13987654321挪车，可拨打0473-3123456反馈',
    });
    const response = await w.api.app.inject({
      method: 'GET',
      url: `/api/v1/portal/cases/${c.number}?phone=13947300002`,
      remoteAddress: '10.9.0.1',
    });
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.title).toBe('蒙C***45的车堵住大门，车主电话139****4321');
    expect(view.answer).toBe('已联系车主139****4321挪车，可拨打047*******56反馈');
    expect(response.body).not.toContain('13987654321');
  });
});
