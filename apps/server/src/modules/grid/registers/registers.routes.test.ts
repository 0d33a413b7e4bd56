import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/database.js';
import { auditEntries, expectError } from '../../../test/api.js';
import { createGridWorld, type GridWorld } from '../grid.test-support.js';
import {
  createHouseAs,
  createResidentAs,
  firstGridOf,
  houseBody,
  idNumberFor,
  withWrongCheckDigit,
} from './registers.test-support.js';

let w: GridWorld;
let houseId: number;
beforeAll(async () => {
  w = await createGridWorld();
  houseId = await createHouseAs(w, 'grid', houseBody(w.grid.id, '101'));
});
afterAll(() => w.api.close());

const FIRST_ID = idNumberFor(101);

describe('a resident’s ID number and phone', () => {
  let residentId: number;
  beforeAll(async () => {
    residentId = (await createResidentAs(w, 'grid', houseId, FIRST_ID)).id;
  });

  it('are unreadable in the database: a raw SELECT of his row shows none of their digits', async () => {
    const [row] = await queryRows<{ text: string }>(
      w.api.ctx.db,
      sql`select r::text as text from grid_residents r where r.id = ${residentId}`,
    );
    const text = row!.text;
    expect(text).toContain('王秀英');
    for (const secret of [FIRST_ID, FIRST_ID.slice(0, 17), FIRST_ID.slice(-8), '13947301234', '47301234']) {
      expect(text).not.toContain(secret);
    }
    // nothing else in the database holds them either (the audit trail names fields, never values)
    const [dump] = await queryRows<{ text: string }>(
      w.api.ctx.db,
      sql`select string_agg(t::text, '|') as text from (
            select r::text as t from grid_residents r union all select h::text from grid_houses h
            union all select a::text from audit_log a) all_rows`,
    );
    expect(dump!.text).not.toContain(FIRST_ID.slice(6, 14) + FIRST_ID.slice(14));
    expect(dump!.text).not.toContain('13947301234');
  });

  it('are masked for the leader, with his name and birth date', async () => {
    const view = (await w.get('leader', `/api/v1/grid/residents/${residentId}`)).json();
    expect(view.idNumber).toBe(`${FIRST_ID.slice(0, 6)}********${FIRST_ID.slice(-4)}`);
    expect(view.phone).toBe('139****1234');
    expect(view.name).toBe('王**');
    expect(view.birthDate).toBeNull();
    expect(view.age).toBe(70);
    expect(view.flags).toEqual(['elderly_alone']);
  });

  it('are masked in lists for the grid worker too, and read in full one resident at a time, audited', async () => {
    const list = (await w.get('grid', `/api/v1/grid/residents?houseId=${houseId}`)).json();
    expect(list.items[0]).toMatchObject({ name: '王秀英', idNumber: expect.stringContaining('********') });
    const full = await w.get('grid', `/api/v1/grid/residents/${residentId}/personal-data`);
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json()).toEqual({ id: residentId, idNumber: FIRST_ID, phone: '13947301234' });
    expect(full.headers['cache-control']).toBe('no-store');
    const [entry] = await auditEntries(w.api, 'grid_register.personal_data_read');
    expect(entry).toMatchObject({ actorUsername: 'grid', targetId: String(residentId) });
    expect(JSON.stringify(entry)).not.toContain(FIRST_ID);
  });

  it('are refused in full to the leader (no personal_data.read), and that refusal reads nothing', async () => {
    const before = (await auditEntries(w.api, 'grid_register.personal_data_read')).length;
    expectError(
      await w.get('leader', `/api/v1/grid/residents/${residentId}/personal-data`),
      403,
      'FORBIDDEN',
    );
    expect(await auditEntries(w.api, 'grid_register.personal_data_read')).toHaveLength(before);
  });

  it('find him by his whole ID number or phone through the blind index, for those who may read them', async () => {
    const byId = (await w.get('grid', `/api/v1/grid/residents?q=${FIRST_ID.toLowerCase()}`)).json();
    expect(byId.items.map((r: { id: number }) => r.id)).toEqual([residentId]);
    // no part of a number can be searched: it is sealed
    const byPart = (await w.get('grid', '/api/v1/grid/residents?q=47301234')).json();
    expect(byPart.total).toBe(0);
    const byWholePhone = (await w.get('grid', '/api/v1/grid/residents?q=13947301234')).json();
    expect(byWholePhone.items.map((r: { id: number }) => r.id)).toContain(residentId);
    expectError(await w.get('leader', `/api/v1/grid/residents?q=${FIRST_ID}`), 403, 'FORBIDDEN', 'q');
  });
});

describe('registering a resident', () => {
  it('refuses an ID number with a wrong check digit on the field idNumber', async () => {
    const response = await w.send('grid', 'POST', '/api/v1/grid/residents', {
      houseId,
      name: '李强',
      idNumber: withWrongCheckDigit(idNumberFor(102)),
      populationType: 'registered',
    });
    expectError(response, 400, 'VALIDATION_FAILED', 'idNumber');
    expect(response.json().error.fields[0].message).toContain('校验位');
  });

  it('refuses the same person twice, however his number is typed (409 ALREADY_REGISTERED)', async () => {
    const id = idNumberFor(103).replace(/X$/, 'x');
    await createResidentAs(w, 'grid', houseId, id);
    const again = await w.send('grid', 'POST', '/api/v1/grid/residents', {
      houseId,
      name: '另一人',
      idNumber: ` ${id.toUpperCase()} `,
      populationType: 'floating',
    });
    expectError(again, 409, 'ALREADY_REGISTERED', 'idNumber');
  });

  it('changes his phone at the version read, refuses a stale version, and keeps his ID number', async () => {
    const created = await createResidentAs(w, 'grid', houseId, idNumberFor(104));
    const body = {
      version: created.version,
      houseId,
      name: '王秀英',
      populationType: 'registered',
      phone: '0473-3123456',
    };
    const changed = await w.send('grid', 'PUT', `/api/v1/grid/residents/${created.id}`, body);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().phone).toBe('047*******56');
    expectError(
      await w.send('grid', 'PUT', `/api/v1/grid/residents/${created.id}`, body),
      409,
      'VERSION_CONFLICT',
    );
    const full = (await w.get('grid', `/api/v1/grid/residents/${created.id}/personal-data`)).json();
    expect(full).toMatchObject({ idNumber: idNumberFor(104), phone: '0473-3123456' });
  });
});

describe('the data scope of the registers', () => {
  let wudaHouse: number;
  let wudaResident: number;
  beforeAll(async () => {
    const wuda = await firstGridOf(w, '150304');
    wudaHouse = await createHouseAs(w, 'dispatcher', houseBody(wuda.id, '201'));
    wudaResident = (await createResidentAs(w, 'dispatcher', wudaHouse, idNumberFor(201, '110106'))).id;
  });

  it('lets a grid worker see his own grid’s people and no one else', async () => {
    const mine = (await w.get('grid', '/api/v1/grid/residents?pageSize=200')).json();
    expect(mine.items.every((r: { gridId: number }) => r.gridId === w.grid.id)).toBe(true);
    expectError(await w.get('grid', `/api/v1/grid/residents/${wudaResident}`), 403, 'OUT_OF_SCOPE');
    expectError(await w.get('grid', `/api/v1/grid/houses/${wudaHouse}`), 403, 'OUT_OF_SCOPE');
  });

  it('lets a town see its grids’ people, and a unit’s handler none', async () => {
    const town = (await w.get('handler_wd', '/api/v1/grid/residents?pageSize=200')).json();
    expect(town.items.map((r: { id: number }) => r.id)).toContain(wudaResident);
    expectError(await w.get('handler_wd', `/api/v1/grid/houses/${houseId}`), 403, 'OUT_OF_SCOPE');
    expect((await w.get('handler', '/api/v1/grid/residents')).json().total).toBe(0);
  });

  it('refuses a house in a grid outside the caller’s scope, naming the field', async () => {
    const wuda = await firstGridOf(w, '150304');
    expectError(
      await w.send('grid', 'POST', '/api/v1/grid/houses', houseBody(wuda.id, '301')),
      403,
      'OUT_OF_SCOPE',
      'gridId',
    );
  });
});

describe('houses', () => {
  it('refuses the same address twice in a grid, written differently', async () => {
    await createHouseAs(w, 'grid', houseBody(w.grid.id, '502'));
    const again = await w.send('grid', 'POST', '/api/v1/grid/houses', {
      ...houseBody(w.grid.id, '502室'),
      building: '9栋',
      unit: '1',
    });
    expectError(again, 409, 'ALREADY_REGISTERED', 'address');
  });

  it('refuses an org that is not a grid on gridId', async () => {
    const [town] = await queryRows<{ id: number }>(
      w.api.ctx.db,
      sql`select id from orgs where kind = 'town' order by id limit 1`,
    );
    expectError(
      await w.send('admin', 'POST', '/api/v1/grid/houses', houseBody(town!.id, '1')),
      400,
      'VALIDATION_FAILED',
      'gridId',
    );
  });

  it('filters residents by group and age, and houses by keyword', async () => {
    const elderly = (
      await w.get('grid', `/api/v1/grid/residents?flag=elderly_alone&ageFrom=70&houseId=${houseId}`)
    ).json();
    expect(elderly.total).toBeGreaterThan(0);
    expect(
      elderly.items.every(
        (r: { age: number; flags: string[] }) => r.age >= 70 && r.flags.includes('elderly_alone'),
      ),
    ).toBe(true);
    const young = (await w.get('grid', `/api/v1/grid/residents?ageTo=30&houseId=${houseId}`)).json();
    expect(young.total).toBe(0);
    const found = (await w.get('grid', '/api/v1/grid/houses?q=测试小区')).json();
    expect(found.items.every((h: { label: string }) => h.label.startsWith('测试小区'))).toBe(true);
    expect(found.total).toBeGreaterThanOrEqual(2);
  });
});

describe('organisations', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    gridId: w.grid.id,
    name: '便民超市',
    kind: 'individual_business',
    creditCode: '91350100M000100Y43',
    address: '测试小区底商 3 号',
    contactName: '赵德明',
    contactPhone: '13804731111',
    tags: ['nine_small', 'food'],
    ...extra,
  });

  it('are registered with the credit code checked and the contact’s phone masked', async () => {
    expectError(
      await w.send('grid', 'POST', '/api/v1/grid/organisations', body({ creditCode: '91350100M000100Y44' })),
      400,
      'VALIDATION_FAILED',
      'creditCode',
    );
    const created = await w.send('grid', 'POST', '/api/v1/grid/organisations', body());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ contactPhone: '138****1111', contactName: '赵德明' });
    expect(
      (await w.get('leader', `/api/v1/grid/organisations/${created.json().id}`)).json().contactName,
    ).toBe('赵**');
    expectError(
      await w.send('grid', 'POST', '/api/v1/grid/organisations', body({ name: '另一家' })),
      409,
      'ALREADY_REGISTERED',
      'creditCode',
    );
    const full = (
      await w.get('grid', `/api/v1/grid/organisations/${created.json().id}/personal-data`)
    ).json();
    expect(full.contactPhone).toBe('13804731111');
  });
});
