import {
  type CreatePetitionInput,
  DEFAULT_ROLE_PERMISSIONS,
  type PetitionActionOnPetition,
  type Role,
} from '@shanzhi/shared';
import { count, eq } from 'drizzle-orm';
import { type Actor, scopePathOf } from '../../../platform/auth/actor.js';
import type { AppContext } from '../../../platform/context.js';
import { runTransition } from '../../../platform/lifecycle/transition.js';
import { createDemoRandom } from '../../demo/demo-random.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import { PETITION_DEFINITION, type PetitionEnvironment } from '../petition-lifecycle.js';
import { ownOrgOf, petitionEnvironment, writePetition } from '../petitions.service.js';
import { petitions } from '../petitions.tables.js';
import { writePetitionHistory } from './petition-history.js';
import { PETITION_STORIES } from './petition-stories.js';

const DAY = 86_400_000;

/** The demo petition agent (`petition`, at the police bureau) as an actor with his role's default rights. */
async function demoAgent(ctx: AppContext): Promise<Actor | null> {
  const [row] = await ctx.db
    .select({ user: users, org: orgs })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.username, 'petition'));
  if (!row) return null;
  const roles: Role[] = ['petition_agent'];
  return {
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    orgId: row.org.id,
    orgCode: row.org.code,
    orgName: row.org.name,
    orgKind: row.org.kind,
    orgPath: row.org.path,
    roles,
    permissions: new Set(roles.flatMap((r) => DEFAULT_ROLE_PERMISSIONS[r])),
    scopePath: scopePathOf(row.org),
    ip: '127.0.0.1',
  };
}

/** Petitions in the demo city's year before the stories (Wuhai's police handled 165 in their first months). */
export const DEFAULT_HISTORY_PETITIONS = 300;

/** The agency points of the year: the police bureau (the agent's org) and every town's (派出所 in each). */
async function agencyPoints(ctx: AppContext, actor: Actor) {
  const towns = await ctx.db.select({ id: orgs.id, path: orgs.path }).from(orgs).where(eq(orgs.kind, 'town'));
  return [ownOrgOf(actor), ...towns];
}

/**
 * The demo city's petitions (信访代办): a year of `history` petitions across the agency points written in bulk
 * (resolved near 99 %, a few repeats), then a few stories told through the real lifecycle at the days they
 * happened at the police bureau — registered, accepted, in hand, answered, reviewed, refused, closed and visited
 * back, one repeating an earlier one — so the list shows every state and light. Idempotent: nothing is written
 * when petitions exist.
 */
export async function seedDemoPetitions(
  ctx: AppContext,
  history = DEFAULT_HISTORY_PETITIONS,
): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(petitions);
  if ((existing?.n ?? 0) > 0) return 0;
  const actor = await demoAgent(ctx);
  if (!actor) return 0;
  const env = await petitionEnvironment(ctx);
  const points = await agencyPoints(ctx, actor);
  const written = await ctx.db.transaction((tx) =>
    writePetitionHistory(
      tx,
      ctx,
      { points, agent: { userId: actor.userId, name: actor.displayName }, limits: env.limits },
      createDemoRandom(18),
      history,
      ctx.clock.now(),
    ),
  );
  const today = ctx.clock.now().getTime();
  const envAt = (daysAgo: number): PetitionEnvironment => ({ ...env, now: new Date(today - daysAgo * DAY) });
  for (const story of PETITION_STORIES) {
    await ctx.db.transaction(async (tx) => {
      const input: CreatePetitionInput = { ...story.petition };
      const row = await writePetition(
        tx,
        ctx,
        actor,
        input,
        { source: 'agent', caseId: null, org: ownOrgOf(actor) },
        envAt(story.daysAgo),
      );
      let version = row.version;
      for (const step of story.steps) {
        const action = step.action as PetitionActionOnPetition;
        const after = await runTransition(
          tx,
          PETITION_DEFINITION,
          actor,
          { id: row.id, action, input: { version, ...step.input } },
          envAt(step.daysAgo),
        );
        version = after.version;
      }
    });
  }
  return written + PETITION_STORIES.length;
}
