import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, TEST_DB, type TestContext } from '../../test/setup.js';

let ctx: TestContext;
let built: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  ctx = await createTestContext();
  built = await createTestApp(ctx);
});
afterAll(async () => {
  await built?.app.close();
  await ctx?.dispose();
});

describe('health', () => {
  it('answers /healthz with 200 without a session', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when the database is up and every migration is applied', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'ready', database: TEST_DB });
    expect(body.migrations.expected).toBeGreaterThan(0);
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it('answers /readyz with 503 while a migration is missing', async () => {
    // a plain table, not a temporary one: on PostgreSQL the next statement may run on another connection
    await ctx.db.execute(sql`create table saved_migration as
      select * from drizzle.__drizzle_migrations order by id desc limit 1`);
    await ctx.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );
    try {
      const response = await built.app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json().status).toBe('migrations_pending');
    } finally {
      await ctx.db.execute(sql`insert into drizzle.__drizzle_migrations select * from saved_migration`);
      await ctx.db.execute(sql`drop table saved_migration`);
    }
    expect((await built.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
  });

  it('answers /readyz with 503 when the database does not answer, while /healthz still answers', async () => {
    const down = new Proxy(ctx.db, {
      get: (target, key, receiver) =>
        key === 'execute'
          ? () => Promise.reject(new Error('connection refused'))
          : Reflect.get(target, key, receiver),
    });
    const app = await createTestApp({ ...ctx, db: down });
    try {
      const response = await app.app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json().status).toBe('database_unreachable');
      expect((await app.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.app.close();
    }
  });
});
