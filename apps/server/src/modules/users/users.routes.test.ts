import { DEFAULT_ROLE_PERMISSIONS } from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEntries,
  createSeededApi,
  DEMO_PASSWORD,
  expectError,
  expectOk,
  orgIdOf,
  type SeededApi,
  userIdOf,
} from '../../test/api.js';
import { signIn } from '../../test/setup.js';
import { users } from './users.tables.js';

let api: SeededApi;
const ids: Record<string, number> = {};

beforeAll(async () => {
  api = await createSeededApi();
  for (const code of ['150300', '150302', '150303', '150304', 'center.150302']) {
    ids[code] = await orgIdOf(api.ctx, code);
  }
});
afterAll(async () => {
  await api?.close();
});

function login(username: string, password: string) {
  return api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
}

async function firstTownOf(district: string): Promise<number> {
  const body = await expectOk(api.get(`/api/v1/orgs?parentId=${ids[district]}&kind=town&pageSize=1`));
  return body.items[0].id;
}

async function usernamesOf(url: string, user = 'admin'): Promise<string[]> {
  const body = await expectOk(api.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=200`, user));
  expect(body.items.length).toBe(body.total);
  return body.items.map((u: { username: string }) => u.username).sort();
}

describe('creating users', () => {
  let townId: number;
  beforeAll(async () => {
    townId = await firstTownOf('150302');
  });

  it('creates a user whose password is stored as an argon2id hash and who can then sign in', async () => {
    const created = await expectOk(
      api.send('POST', '/api/v1/users', {
        username: 'T_Wang',
        displayName: '王测试',
        orgId: townId,
        password: 'Street-Lamp-2026#',
        roles: ['handler'],
        phone: '13800000001',
      }),
      201,
    );
    expect(created).toMatchObject({
      username: 't_wang',
      displayName: '王测试',
      orgId: townId,
      roles: ['handler'],
      phone: '13800000001',
      active: true,
      locked: false,
      lastLoginAt: null,
      version: 0,
    });
    expect(created).not.toHaveProperty('passwordHash');
    const [row] = await api.ctx.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, created.id));
    expect(row!.hash.startsWith('$argon2id$')).toBe(true);
    expect(row!.hash).not.toContain('Street-Lamp-2026#');

    const session = await login('t_wang', 'Street-Lamp-2026#');
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json().me).toMatchObject({ roles: ['handler'], org: { id: townId } });

    const audit = await auditEntries(api, 'user.created');
    expect(audit.map((e) => e.targetId)).toContain(String(created.id));
  });

  it('refuses a username already taken, whatever its case, with 409 DUPLICATE_USERNAME', async () => {
    for (const username of ['t_wang', 'T_WANG', 'admin']) {
      const response = await api.send('POST', '/api/v1/users', {
        username,
        displayName: '重名',
        orgId: townId,
        password: 'Street-Lamp-2026#',
        roles: ['handler'],
      });
      expectError(response, 409, 'DUPLICATE_USERNAME', 'username');
    }
  });

  it.each([
    ['too short', 'Ab1'],
    ['without a digit', 'OnlyLetters'],
    ['without a letter', '1234567890'],
    ['too long', `A1${'x'.repeat(200)}`],
  ])('refuses a password %s with 400 on the field password', async (_why, password) => {
    const before = await expectOk(api.get('/api/v1/users?pageSize=1'));
    expectError(
      await api.send('POST', '/api/v1/users', {
        username: 't_weak',
        displayName: '弱密码',
        orgId: townId,
        password,
        roles: ['handler'],
      }),
      400,
      'VALIDATION_FAILED',
      'password',
    );
    expect((await expectOk(api.get('/api/v1/users?pageSize=1'))).total).toBe(before.total);
  });

  it('refuses a bad username, phone, role list or org with 400 naming each field', async () => {
    const response = await api.send('POST', '/api/v1/users', {
      username: 'has space',
      displayName: '',
      orgId: townId,
      password: 'Street-Lamp-2026#',
      roles: [],
      phone: '12345',
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'roles', 'phone']));
    expectError(
      await api.send('POST', '/api/v1/users', {
        username: 't_role',
        displayName: '未知角色',
        orgId: townId,
        password: 'Street-Lamp-2026#',
        roles: ['emperor'],
      }),
      400,
      'VALIDATION_FAILED',
      /^roles/,
    );
    expectError(
      await api.send('POST', '/api/v1/users', {
        username: 't_noorg',
        displayName: '无组织',
        orgId: 999999,
        password: 'Street-Lamp-2026#',
        roles: ['handler'],
      }),
      404,
      'ORG_NOT_FOUND',
    );
  });

  it('refuses user writes to a role without user.write with 403 FORBIDDEN', async () => {
    expectError(
      await api.send(
        'POST',
        '/api/v1/users',
        {
          username: 't_x',
          displayName: '越权',
          orgId: townId,
          password: 'Street-Lamp-2026#',
          roles: ['handler'],
        },
        'dispatcher',
      ),
      403,
      'FORBIDDEN',
    );
    const id = await userIdOf(api.ctx, 'agent');
    expectError(await api.send('POST', `/api/v1/users/${id}/unlock`, undefined, 'leader'), 403, 'FORBIDDEN');
    expectError(
      await api.send('PUT', `/api/v1/users/${id}/roles`, { roles: ['admin'] }, 'dispatcher'),
      403,
      'FORBIDDEN',
    );
  });
});

describe('roles and permissions', () => {
  it('replaces a user’s roles and audits the change with from and to', async () => {
    const id = await userIdOf(api.ctx, 't_wang');
    const changed = await expectOk(
      api.send('PUT', `/api/v1/users/${id}/roles`, { roles: ['mediator', 'handler'] }),
    );
    expect(changed.roles).toEqual(['handler', 'mediator']);
    const [entry] = (await auditEntries(api, 'user.roles_changed')).filter((e) => e.targetId === String(id));
    expect(entry).toMatchObject({
      actorUsername: 'admin',
      detail: { from: ['handler'], to: ['mediator', 'handler'] },
    });
    const session = await login('t_wang', 'Street-Lamp-2026#');
    expect(session.json().me.roles).toEqual(['handler', 'mediator']);
  });

  it('lists every role with its permissions', async () => {
    const body = await expectOk(api.get('/api/v1/roles'));
    const leader = body.roles.find((r: { role: string }) => r.role === 'leader');
    expect(leader.permissions.sort()).toEqual([...DEFAULT_ROLE_PERMISSIONS.leader].sort());
    expect(body.permissions).toContain('personal_data.read');
  });

  it('applies a changed grant on the very next request of a user with that role, and audits it', async () => {
    const leader = await api.as('leader');
    expectError(await api.get('/api/v1/audit', 'leader'), 403, 'FORBIDDEN');
    const granted = [...DEFAULT_ROLE_PERMISSIONS.leader, 'audit.read', 'personal_data.read'];
    const body = await expectOk(
      api.send('PUT', '/api/v1/roles/leader/permissions', { permissions: granted }),
    );
    expect(body.permissions).toEqual([...granted].sort());

    const next = await api.app.inject({ method: 'GET', url: '/api/v1/audit', headers: leader });
    expect(next.statusCode, next.body).toBe(200);
    const [entry] = next
      .json()
      .items.filter((e: { action: string }) => e.action === 'role.permissions_changed');
    expect(entry).toMatchObject({
      actorUsername: 'admin',
      targetId: 'leader',
      detail: { from: [...DEFAULT_ROLE_PERMISSIONS.leader].sort(), to: [...granted].sort() },
    });
    const hbw = await expectOk(api.get('/api/v1/users?q=dispatcher_hbw', 'leader'));
    expect(hbw.items[0].phone).toBe('13904730011');

    await expectOk(
      api.send('PUT', '/api/v1/roles/leader/permissions', {
        permissions: [...DEFAULT_ROLE_PERMISSIONS.leader],
      }),
    );
    expectError(await api.get('/api/v1/audit', 'leader'), 403, 'FORBIDDEN');
    const masked = await expectOk(api.get('/api/v1/users?q=dispatcher_hbw', 'leader'));
    expect(masked.items[0].phone).toBe('139****0011');
  });

  it('refuses a role or permission that does not exist with 400', async () => {
    expectError(
      await api.send('PUT', '/api/v1/roles/emperor/permissions', { permissions: [] }),
      400,
      'VALIDATION_FAILED',
      /^params/,
    );
    expectError(
      await api.send('PUT', '/api/v1/roles/leader/permissions', { permissions: ['rule.world'] }),
      400,
      'VALIDATION_FAILED',
      /^permissions/,
    );
    const body = await expectOk(api.get('/api/v1/roles'));
    const leader = body.roles.find((r: { role: string }) => r.role === 'leader');
    expect(leader.permissions.sort()).toEqual([...DEFAULT_ROLE_PERMISSIONS.leader].sort());
  });

  it('lets a district manager given user.write create users only in his district and only with his roles', async () => {
    const withWrite = [...DEFAULT_ROLE_PERMISSIONS.dispatcher, 'user.write'];
    await expectOk(api.send('PUT', '/api/v1/roles/dispatcher/permissions', { permissions: withWrite }));
    const input = { displayName: '区用户', password: 'Street-Lamp-2026#' };
    const wudaTown = await firstTownOf('150304');
    expectError(
      await api.send(
        'POST',
        '/api/v1/users',
        { ...input, username: 't_wd', orgId: wudaTown, roles: ['dispatcher'] },
        'dispatcher_hbw',
      ),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await api.send(
        'POST',
        '/api/v1/users',
        { ...input, username: 't_boss', orgId: ids['center.150302'], roles: ['admin'] },
        'dispatcher_hbw',
      ),
      403,
      'FORBIDDEN',
    );
    const made = await expectOk(
      api.send(
        'POST',
        '/api/v1/users',
        { ...input, username: 't_hbw', orgId: ids['center.150302'], roles: ['dispatcher'] },
        'dispatcher_hbw',
      ),
      201,
    );
    const handlerWd = await userIdOf(api.ctx, 'handler_wd');
    expectError(
      await api.send(
        'PATCH',
        `/api/v1/users/${handlerWd}`,
        { version: 0, displayName: '改' },
        'dispatcher_hbw',
      ),
      403,
      'OUT_OF_SCOPE',
    );
    expectError(
      await api.send(
        'PATCH',
        `/api/v1/users/${made.id}`,
        { version: made.version, orgId: wudaTown },
        'dispatcher_hbw',
      ),
      403,
      'OUT_OF_SCOPE',
    );
    await expectOk(
      api.send('PUT', '/api/v1/roles/dispatcher/permissions', {
        permissions: [...DEFAULT_ROLE_PERMISSIONS.dispatcher],
      }),
    );
    expectError(
      await api.send(
        'PATCH',
        `/api/v1/users/${made.id}`,
        { version: made.version, displayName: '改' },
        'dispatcher_hbw',
      ),
      403,
      'FORBIDDEN',
    );
    expect((await expectOk(api.get(`/api/v1/users/${made.id}`))).displayName).toBe('区用户');
  });
});

describe('passwords and lock-outs', () => {
  it('resets a password: the old sessions end, the old password fails, the new one works', async () => {
    const id = await userIdOf(api.ctx, 't_wang');
    const session = await signIn(api.app, 't_wang', 'Street-Lamp-2026#');
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/me', headers: session })).statusCode).toBe(
      200,
    );
    const reset = await api.send('POST', `/api/v1/users/${id}/password`, { password: 'Renewed-Kite-2027' });
    expect(reset.statusCode, reset.body).toBe(204);
    expectError(
      await api.app.inject({ method: 'GET', url: '/api/v1/me', headers: session }),
      401,
      'SESSION_EXPIRED',
    );
    expectError(await login('t_wang', 'Street-Lamp-2026#'), 401, 'INVALID_CREDENTIALS');
    expect((await login('t_wang', 'Renewed-Kite-2027')).statusCode).toBe(200);
    expect((await auditEntries(api, 'user.password_reset')).map((e) => e.targetId)).toContain(String(id));
  });

  it('refuses a weak new password with 400 on the field password, keeping the old one', async () => {
    const id = await userIdOf(api.ctx, 't_wang');
    expectError(
      await api.send('POST', `/api/v1/users/${id}/password`, { password: 'weak' }),
      400,
      'VALIDATION_FAILED',
      'password',
    );
    expect((await login('t_wang', 'Renewed-Kite-2027')).statusCode).toBe(200);
  });

  it('unlocks a locked-out account before its 15 minutes are up', async () => {
    const id = await userIdOf(api.ctx, 't_wang');
    for (let i = 0; i < 5; i++) await login('t_wang', `Wrong${i}xx`);
    expectError(await login('t_wang', 'Renewed-Kite-2027'), 423, 'ACCOUNT_LOCKED');
    expect((await expectOk(api.get(`/api/v1/users/${id}`))).locked).toBe(true);
    const unlocked = await expectOk(api.send('POST', `/api/v1/users/${id}/unlock`, undefined));
    expect(unlocked).toMatchObject({ locked: false, lockedUntil: null });
    expect((await login('t_wang', 'Renewed-Kite-2027')).statusCode).toBe(200);
    expect((await auditEntries(api, 'user.unlocked')).map((e) => e.targetId)).toContain(String(id));
  });

  it('answers 404 USER_NOT_FOUND for a user that does not exist', async () => {
    expectError(await api.send('POST', '/api/v1/users/999999/unlock', undefined), 404, 'USER_NOT_FOUND');
    expectError(await api.get('/api/v1/users/999999'), 404, 'USER_NOT_FOUND');
  });

  it('refuses a change on a stale version with 409 VERSION_CONFLICT', async () => {
    const id = await userIdOf(api.ctx, 't_wang');
    const current = await expectOk(api.get(`/api/v1/users/${id}`));
    await expectOk(
      api.send('PATCH', `/api/v1/users/${id}`, { version: current.version, displayName: '王测试二' }),
    );
    expectError(
      await api.send('PATCH', `/api/v1/users/${id}`, { version: current.version, displayName: '王测试三' }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await expectOk(api.get(`/api/v1/users/${id}`))).displayName).toBe('王测试二');
  });
});

describe('data scope of users', () => {
  it('lists to the district dispatcher only the users inside 海勃湾区', async () => {
    const seen = await usernamesOf('/api/v1/users', 'dispatcher_hbw');
    const ofDistrict = await usernamesOf(`/api/v1/users?orgId=${ids['150302']}`);
    expect(seen).toEqual(ofDistrict);
    expect(seen).toEqual(expect.arrayContaining(['dispatcher_hbw', 'grid', 't_wang']));
    for (const outsider of ['admin', 'handler_wd', 'dispatcher', 'leader'])
      expect(seen).not.toContain(outsider);
    const all = await usernamesOf('/api/v1/users');
    expect(all.length).toBeGreaterThan(seen.length);
  });

  it('refuses the district dispatcher users of another district with 403 OUT_OF_SCOPE', async () => {
    const handlerWd = await userIdOf(api.ctx, 'handler_wd');
    expectError(await api.get(`/api/v1/users/${handlerWd}`, 'dispatcher_hbw'), 403, 'OUT_OF_SCOPE');
    expectError(
      await api.get(`/api/v1/users/${await userIdOf(api.ctx, 'admin')}`, 'dispatcher_hbw'),
      403,
      'OUT_OF_SCOPE',
    );
    for (const district of ['150303', '150304', '150300']) {
      expectError(
        await api.get(`/api/v1/users?orgId=${ids[district]}`, 'dispatcher_hbw'),
        403,
        'OUT_OF_SCOPE',
      );
    }
    const own = await expectOk(api.get(`/api/v1/users/${await userIdOf(api.ctx, 'grid')}`, 'dispatcher_hbw'));
    expect(own.username).toBe('grid');
  });

  it('shows the city dispatcher every user of the city', async () => {
    expect(await usernamesOf('/api/v1/users', 'dispatcher')).toEqual(await usernamesOf('/api/v1/users'));
    const handlerWd = await expectOk(
      api.get(`/api/v1/users/${await userIdOf(api.ctx, 'handler_wd')}`, 'dispatcher'),
    );
    expect(handlerWd.phone).toBe('13904730012');
  });

  it('filters users by role and by name', async () => {
    expect(await usernamesOf('/api/v1/users?role=dispatcher')).toEqual([
      'dispatcher',
      'dispatcher_hbw',
      't_hbw',
    ]);
    expect(await usernamesOf(`/api/v1/users?q=${encodeURIComponent('乌达区')}`)).toEqual(['handler_wd']);
  });

  it('refuses user reads to roles without user.read', async () => {
    for (const user of ['agent', 'handler', 'citizen'])
      expectError(await api.get('/api/v1/users', user), 403, 'FORBIDDEN');
  });

  it('still signs in every demo account with the demo password', async () => {
    expect((await login('handler_wd', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});
