import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../test/api.js';
import { createIotWorld, type IotWorld } from './iot.test-support.js';

let w: IotWorld;
beforeAll(async () => {
  w = await createIotWorld();
});
afterAll(() => w.api.close());

async function estate(name: string) {
  const page = (await w.get('dispatcher', '/api/v1/iot/estates?pageSize=50')).json();
  return page.items.find((e: { name: string }) => e.name === name);
}

/** Where an estate lies (the centre of its grid) and its community. */
async function placeOf(name: string) {
  const { communityId, lng, lat } = await estate(name);
  return { communityId: communityId as number, lng: lng as number, lat: lat as number };
}

describe('POST /api/v1/iot/estates', () => {
  it('registers an estate located to the grid of its point, with its buildings', async () => {
    const place = await placeOf('滨河花园');
    const body = {
      name: '测试新苑',
      address: '滨河路 8 号',
      propertyCompany: '乌海测试物业',
      buildings: ['1号楼', '2号楼'],
      ...place,
    };
    const created = await w.send('dispatcher', '/api/v1/iot/estates', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: '测试新苑',
      propertyCompany: '乌海测试物业',
      buildings: [{ name: '1号楼' }, { name: '2号楼' }],
      devices: 0,
      onlineShare: 0,
    });
    // within the grid worker's grid: he sees it
    expect((await w.get('grid', '/api/v1/iot/estates?q=测试新苑')).json().items).toHaveLength(1);
    expectError(await w.send('dispatcher', '/api/v1/iot/estates', body), 409, 'DUPLICATE_ESTATE_NAME');
  });

  it('refuses bad input with its fields, a community not of the point, and staff without the permission', async () => {
    const place = await placeOf('滨河花园');
    expectError(
      await w.send('dispatcher', '/api/v1/iot/estates', {
        ...place,
        name: 'x',
        buildings: ['1号楼', '1号楼'],
      }),
      400,
      'VALIDATION_FAILED',
      'name',
    );
    expectError(
      await w.send('dispatcher', '/api/v1/iot/estates', {
        ...place,
        name: '测试二苑',
        buildings: ['1号楼', '1号楼'],
      }),
      400,
      'VALIDATION_FAILED',
      'buildings',
    );
    const other = await placeOf('谱翔A区');
    expectError(
      await w.send('dispatcher', '/api/v1/iot/estates', {
        ...place,
        communityId: other.communityId,
        name: '测试二苑',
      }),
      400,
      'VALIDATION_FAILED',
      'communityId',
    );
    expectError(
      await w.send('dispatcher', '/api/v1/iot/estates', { ...place, lng: 10, lat: 10, name: '测试二苑' }),
      400,
      'VALIDATION_FAILED',
      'lng',
    );
    expectError(
      await w.send('grid', '/api/v1/iot/estates', { ...place, name: '测试二苑' }),
      403,
      'FORBIDDEN',
    );
  });
});

const HEADER = ['小区', '楼栋', '设备类型', '序列号', '厂商', '型号', '楼层', '点位', '心跳间隔（秒）'];

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('感知设备');
  s.addRow(HEADER);
  for (const row of rows) s.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(user: string, content: Buffer) {
  const boundary = '----shanzhi-iot-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="设备.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return w.api.app.inject({
    method: 'POST',
    url: '/api/v1/iot/device-imports',
    payload,
    headers: { ...(await w.api.as(user)), 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

async function devicesOf(name: string) {
  const e = await estate(name);
  return (await w.get('dispatcher', `/api/v1/iot/devices?estate=${e.id}&pageSize=100`)).json();
}

describe('device import from Excel', () => {
  it('offers the template', async () => {
    const template = await w.api.app.inject({
      method: 'GET',
      url: '/api/v1/iot/device-template',
      headers: await w.api.as('dispatcher'),
    });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as never);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEADER]);
  });

  it('imports nothing when a row is bad, naming the row, the column and why', async () => {
    const before = (await devicesOf('谱翔B区')).total;
    const result = await upload(
      'dispatcher',
      await sheet([
        ['谱翔B区', '1号楼', '烟感火情探测器', 'IMP-1', '海康威视', null, 3, '楼道', null],
        ['谱翔B区', '9号楼', '门禁', 'IMP-2', '大华', null, null, '东门', null],
        ['谱翔B区', null, '雷达', 'IMP-3', '大华', null, null, null, null],
        ['谱翔B区', null, '门禁', 'PX01-SMOKE-1-1', '大华', null, null, null, null],
      ]),
    );
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toEqual({
      created: [],
      errors: [
        { row: 3, field: '楼栋', message: '「谱翔B区」没有楼栋「9号楼」' },
        { row: 4, field: '设备类型', message: '设备类型无效' },
        { row: 5, field: '序列号', message: 'PX01-SMOKE-1-1 已登记' },
      ],
    });
    expect((await devicesOf('谱翔B区')).total).toBe(before);
  });

  it('imports every row of a good sheet, each with its secret shown once and its type’s heartbeat', async () => {
    const result = await upload(
      'dispatcher',
      await sheet([
        ['谱翔B区', '1号楼', '烟感火情探测器', 'IMP-1', '海康威视', 'NP-FY300', 3, '楼道', null],
        ['谱翔B区', null, '智能水表', 'IMP-2', '宁水', null, null, '水表井', 900],
      ]),
    );
    expect(result.statusCode, result.body).toBe(200);
    const { created, errors } = result.json();
    expect(errors).toEqual([]);
    expect(created).toHaveLength(2);
    expect(created[0]).toMatchObject({
      serial: 'IMP-1',
      buildingName: '1号楼',
      heartbeatSeconds: 600,
      floor: 3,
    });
    expect(created[1]).toMatchObject({ serial: 'IMP-2', buildingName: null, heartbeatSeconds: 900 });
    for (const d of created) expect(d.secret).toMatch(/^[0-9a-f]{64}$/);
    const listed = (await w.get('dispatcher', '/api/v1/iot/devices?serial=IMP')).json().items;
    expect(listed).toHaveLength(2);
    expect(listed[0]).not.toHaveProperty('secret');
  });

  it('refuses a file that is not a workbook, and staff without the permission', async () => {
    expectError(await upload('dispatcher', Buffer.from('not a workbook')), 400, 'VALIDATION_FAILED', 'file');
    expectError(await upload('grid', await sheet([])), 403, 'FORBIDDEN');
  });
});

describe('GET /api/v1/iot/estates/map', () => {
  it('pins every estate of the caller’s scope, beyond a page of the list, with its numbers and state', async () => {
    const answer = await w.get('dispatcher', '/api/v1/iot/estates/map');
    expect(answer.statusCode, answer.body).toBe(200);
    const pins = answer.json().items;
    const page = (await w.get('dispatcher', '/api/v1/iot/estates?pageSize=5')).json();
    expect(page.items).toHaveLength(5);
    expect(pins).toHaveLength(page.total);
    expect(pins.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['谱翔A区', '公乌素家园']),
    );
    const listed = await estate('谱翔A区');
    expect(pins.find((p: { id: number }) => p.id === listed.id)).toEqual({
      id: listed.id,
      name: '谱翔A区',
      lng: listed.lng,
      lat: listed.lat,
      devices: listed.devices,
      onlineShare: listed.onlineShare,
      activeAlerts: listed.activeAlerts,
      state: listed.activeAlerts > 0 ? 'alerting' : expect.stringMatching(/^(offline|normal)$/),
    });
  });

  it('turns an estate red once it has an active alert', async () => {
    const e = await estate('凤凰岭小区');
    const raised = await w.alert('PX05-SMOKE-1-1', {
      alertId: 'map-1',
      type: 'smoke',
      severity: 'CRITICAL',
      raisedAt: w.clock.now().toISOString(),
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const pins = (await w.get('dispatcher', '/api/v1/iot/estates/map')).json().items;
    expect(pins.find((p: { id: number }) => p.id === e.id)).toMatchObject({ state: 'alerting' });
  });

  it('shows a district’s staff only the estates of his district, and refuses those without the permission', async () => {
    const pins = (await w.get('dispatcher_hbw', '/api/v1/iot/estates/map')).json().items;
    expect(pins.map((p: { name: string }) => p.name).sort()).toEqual(
      ['千里山花苑', '凤凰岭小区', '新华东小区', '海北家园', '滨河花园', '测试新苑'].sort(),
    );
    expectError(await w.get('citizen', '/api/v1/iot/estates/map'), 403, 'FORBIDDEN');
  });
});

describe('GET /api/v1/iot/estates/:id/stats', () => {
  it('counts the estate’s alerts by type, its false alarms per device type, the time to acknowledge and the cases', async () => {
    const e = await estate('滨河花园');
    const empty = (await w.get('grid', `/api/v1/iot/estates/${e.id}/stats`)).json();
    expect(empty).toMatchObject({
      alerts: 0,
      casesOpened: 0,
      medianMinutesToAcknowledge: null,
      alertsByType: [],
    });

    const raise = (alertId: string, type: string, serial = 'PX04-GARB-0-5') =>
      w.alert(serial, { alertId, type, severity: 'MINOR', raisedAt: w.clock.now().toISOString() });
    const a = (await raise('s-1', 'garbage_misplaced')).json();
    const b = (await raise('s-2', 'bin_overflow')).json();
    const c = (await raise('s-3', 'smoke', 'PX04-SMOKE-1-1')).json();
    expect(c.state).toBe('case_opened');
    w.clock.advance(4 * 60_000);
    await w.send('grid', `/api/v1/iot/alerts/${a.alertId}/actions/dismiss`, {
      version: 0,
      reason: '误报，已核实',
    });
    w.clock.advance(4 * 60_000);
    await w.send('grid', `/api/v1/iot/alerts/${b.alertId}/actions/acknowledge`, { version: 0 });

    const stats = await w.get('grid', `/api/v1/iot/estates/${e.id}/stats`);
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json()).toMatchObject({
      estate: { id: e.id, name: '滨河花园' },
      alerts: 3,
      casesOpened: 1,
      // a person acted after 4 and after 8 minutes; the case the rule opened is the platform's
      medianMinutesToAcknowledge: 6,
      falseAlarms: [
        { deviceType: 'garbage_camera', alerts: 2, dismissed: 1, rate: 0.5 },
        { deviceType: 'smoke_detector', alerts: 1, dismissed: 0, rate: 0 },
      ],
    });
    expect(stats.json().alertsByType).toHaveLength(3);
  });

  it('answers 404 for an unknown estate, 403 out of scope or without the permission, 400 for a bad id', async () => {
    expectError(await w.get('dispatcher', '/api/v1/iot/estates/999999/stats'), 404, 'IOT_ESTATE_NOT_FOUND');
    const px = await estate('谱翔A区');
    expectError(await w.get('grid', `/api/v1/iot/estates/${px.id}/stats`), 403, 'OUT_OF_SCOPE');
    expectError(await w.get('citizen', `/api/v1/iot/estates/${px.id}/stats`), 403, 'FORBIDDEN');
    expectError(
      await w.get('dispatcher', '/api/v1/iot/estates/abc/stats'),
      400,
      'VALIDATION_FAILED',
      'params.id',
    );
  });
});
