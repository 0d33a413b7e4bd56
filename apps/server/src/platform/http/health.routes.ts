import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { migrationStatus } from '../db/migrate.js';
import type { ApiInstance } from './types.js';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: database up, migrations current). */
export function registerHealthRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    { config: { public: true }, schema: { tags: ['operations'] } },
    async (_request, reply) => {
      try {
        await ctx.db.execute(sql`select 1`);
        const migrations = await migrationStatus(ctx.database);
        const ready = migrations.applied >= migrations.expected;
        return reply
          .status(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'migrations_pending', database: ctx.database.kind, migrations });
      } catch (error) {
        ctx.logger.warn({ err: error }, 'readiness check failed');
        return reply.status(503).send({ status: 'database_unreachable', database: ctx.database.kind });
      }
    },
  );
}
