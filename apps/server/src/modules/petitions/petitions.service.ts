import {
  type CreatePetitionInput,
  type KeysetPage,
  legalDeadline,
  type PetitionActionInput,
  type PetitionActionOnPetition,
  type PetitionDetail,
  type PetitionListQuery,
  type PetitionSource,
  type PetitionView,
  petitionMatterKey,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { freeTextMaskingFor, readsPersonalData } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { decodeCursor, isInstantIdPosition, keysetPage } from '../../platform/http/lists.js';
import {
  availableLifecycleActions,
  runCreation,
  runTransition,
} from '../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import {
  assertPetitionInScope,
  PETITION_DEFINITION,
  type PetitionEnvironment,
} from './petition-lifecycle.js';
import { freshLightColumns } from './petition-light.js';
import { readPetitionTimeLimits } from './petition-settings.js';
import { petitionerIdIndexOf, petitionerValues } from './petitioners.js';
import { presentPetition, presentPetitionDetail } from './petitions.presenter.js';
import {
  findEarlierOnMatter,
  findEntrustment,
  findPetition,
  findPetitionEvents,
  findPetitionersOf,
  insertEntrustment,
  insertPetition,
  insertPetitioners,
  listPetitions,
  type PetitionListRow,
  type PetitionRow,
} from './petitions.repository.js';
import { scanOf } from './signed-entrustment-scan.js';

/** The environment of a petition action now: the time limits in force and the calendar, read before its transaction. */
export async function petitionEnvironment(
  ctx: AppContext,
  now = ctx.clock.now(),
): Promise<PetitionEnvironment> {
  const [limits, calendar] = await Promise.all([readPetitionTimeLimits(ctx), loadWorkingCalendar(ctx)]);
  return { now, chainKey: ctx.chainKey, limits, calendar };
}

/** Petitions as one actor sees them: petitioners masked for him, deadlines, lights and his actions. */
async function present(
  ctx: AppContext,
  actor: Actor,
  rows: readonly PetitionListRow[],
): Promise<PetitionView[]> {
  const [petitioners, env] = await Promise.all([
    findPetitionersOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    petitionEnvironment(ctx),
  ]);
  const masking = freeTextMaskingFor(actor);
  const inFull = readsPersonalData(actor);
  return rows.map((row) =>
    presentPetition(ctx, row, {
      petitioners: petitioners.get(row.id) ?? [],
      actions: availableLifecycleActions(
        PETITION_DEFINITION,
        { actor, row, now: env.now, limits: env.limits, calendar: env.calendar },
        ['register'],
      ),
      inFull,
      masking,
      calendar: env.calendar,
      now: env.now,
    }),
  );
}

/** Where a new petition came from (an agent's intake, a 12345 case) and the case it follows. */
export interface PetitionOrigin {
  source: PetitionSource;
  caseId: number | null;
  /** the agency point: the registering agent's org, or the one a converted case is designated to */
  org: { id: number; path: string };
  /** 待认领: registered by the citizen himself, it waits for an agent of the point to take it */
  unclaimed?: boolean;
}

/**
 * Writes a petition through the shared mechanism (its 登记 event and outbox row) inside the caller's
 * transaction: its petitioners sealed, its 委托代办书 when entrusted, and its link to the earlier petitions of
 * the same petitioner on the same matter (重复信访). The acceptance limit starts.
 */
export async function writePetition(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  input: CreatePetitionInput,
  origin: PetitionOrigin,
  env: PetitionEnvironment,
): Promise<PetitionRow> {
  const matterKey = petitionMatterKey(input.matter);
  const indexes = input.petitioners.map((p) => petitionerIdIndexOf(ctx, p.idNumber));
  const earlier = await findEarlierOnMatter(tx, indexes, matterKey);
  return runCreation(
    tx,
    PETITION_DEFINITION,
    actor,
    'register',
    async (state) => {
      const row = await insertPetition(tx, {
        orgId: origin.org.id,
        orgPath: origin.org.path,
        agentUserId: origin.unclaimed ? null : actor.userId,
        agentName: origin.unclaimed ? null : actor.displayName,
        mode: input.mode,
        source: origin.source,
        matter: input.matter,
        matterKey,
        responsibleBody: input.responsibleBody || null,
        caseId: origin.caseId,
        state,
        ...registeredLight(env),
        repeatOfId: earlier.firstId,
        repeatCount: earlier.count,
        createdAt: env.now,
        updatedAt: env.now,
      });
      await insertPetitioners(
        tx,
        input.petitioners.map((p) => petitionerValues(ctx, row.id, p)),
      );
      if (input.mode === 'entrusted') {
        await insertEntrustment(tx, {
          petitionId: row.id,
          agentUserId: actor.userId,
          agentName: actor.displayName,
          scope: input.entrustedScope || input.matter,
          createdAt: env.now,
        });
      }
      return row;
    },
    {
      note: input.matter,
      changes: { mode: input.mode, repeatOfId: earlier.firstId, repeatCount: earlier.count },
    },
    env,
    undefined,
  );
}

/** The acceptance limit of a petition registered now, and its light columns. */
function registeredLight(env: PetitionEnvironment) {
  const acceptDeadline = legalDeadline(env.now, env.limits.acceptDays);
  const clock = { start: env.now, deadline: acceptDeadline, unit: 'calendar_days' } as const;
  return { acceptDeadline, ...freshLightColumns(env.calendar, clock) };
}

/** The agent's own org as the agency point of what he registers. */
export function ownOrgOf(actor: Actor): { id: number; path: string } {
  return { id: actor.orgId, path: actor.orgPath };
}

/** 信访代办登记: an agent takes a petition in at his agency point. */
export async function registerPetition(
  ctx: AppContext,
  actor: Actor,
  input: CreatePetitionInput,
): Promise<PetitionDetail> {
  const env = await petitionEnvironment(ctx);
  const row = await ctx.db.transaction((tx) =>
    writePetition(tx, ctx, actor, input, { source: 'agent', caseId: null, org: ownOrgOf(actor) }, env),
  );
  return getPetition(ctx, actor, row.id);
}

/** Takes an action on a petition through the shared mechanism (one transaction), answering it as it is now. */
export async function actOnPetition<A extends PetitionActionOnPetition>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  input: PetitionActionInput<A>,
): Promise<PetitionDetail> {
  const env = { ...(await petitionEnvironment(ctx)), scan: await scanOf(ctx, action, input) };
  await ctx.db.transaction((tx) => runTransition(tx, PETITION_DEFINITION, actor, { id, action, input }, env));
  return getPetition(ctx, actor, id);
}

/** A petition in the actor's scope (404 when none, 403 out of scope). */
export async function loadPetitionInScope(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<PetitionListRow> {
  const row = await findPetition(ctx.db, id);
  if (!row) throw PETITION_DEFINITION.notFound(id);
  assertPetitionInScope(actor, row);
  return row;
}

/** A petition with its timeline and 委托代办书, in the actor's scope. */
export async function getPetition(ctx: AppContext, actor: Actor, id: number): Promise<PetitionDetail> {
  const row = await loadPetitionInScope(ctx, actor, id);
  const [[view], events, entrustment] = await Promise.all([
    present(ctx, actor, [row]),
    findPetitionEvents(ctx.db, id),
    findEntrustment(ctx.db, id),
  ]);
  return presentPetitionDetail(view!, events, entrustment, freeTextMaskingFor(actor));
}

/** A keyset page of the petitions in the actor's scope, newest first. */
export async function listPetitionsForActor(
  ctx: AppContext,
  actor: Actor,
  query: PetitionListQuery,
): Promise<KeysetPage<PetitionView>> {
  const after = query.cursor ? decodeCursor(query.cursor, isInstantIdPosition) : undefined;
  const rows = await listPetitions(ctx.db, {
    scopePath: actor.scopePath,
    state: query.state,
    mode: query.mode,
    overdue: query.overdue && { now: ctx.clock.now(), value: query.overdue === 'true' },
    q: query.q,
    risk: query.risk && query.risk === 'true',
    unclaimed: query.unclaimed && query.unclaimed === 'true',
    after: after && { createdAt: new Date(after[0]), id: after[1] },
    limit: query.limit,
  });
  const views = await present(ctx, actor, rows.slice(0, query.limit));
  return keysetPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    () => views,
  );
}
