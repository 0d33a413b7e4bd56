import type fs from 'node:fs';
import {
  type CreateDisputeInput,
  type DisputeActionInput,
  type DisputeActionOnDispute,
  type DisputeDetail,
  type DisputeField,
  type DisputeListItem,
  type DisputeListQuery,
  type KeysetPage,
  type PartyInput,
  toBeijingDate,
} from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { freeTextMaskingFor, readsPersonalData } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { decodeCursor, isInstantIdPosition, keysetPage } from '../../platform/http/lists.js';
import {
  availableLifecycleActions,
  runCreation,
  runTransition,
} from '../../platform/lifecycle/transition.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { openStoredFile } from '../cases/attachments/attachment-store.js';
import type { IntakeFile } from '../cases/register-case.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { loadOrgInScope } from '../orgs/orgs.service.js';
import { pickCommittee } from './assignment.js';
import { findCommitteesCovering, findMediatorOfUser } from './committees.repository.js';
import { type CaseOpeningAction, prepareDisputeCase } from './dispute-cases.js';
import { disputeLight } from './dispute-clock.js';
import { evidenceValues } from './dispute-evidence.js';
import {
  allocateEvidenceIds,
  type EvidenceRow,
  findEvidence,
  findEvidenceOf,
  insertEvidence,
} from './dispute-evidence.repository.js';
import {
  assertDisputeInScope,
  DISPUTE_DEFINITION,
  disputeNotFound,
  disputeScenesOf,
} from './dispute-lifecycle.js';
import type { DisputeEnvironment } from './dispute-scene.js';
import { presentDispute, presentDisputeDetail } from './disputes.presenter.js';
import {
  type DisputeListRow,
  type DisputeRow,
  drawDisputeNumber,
  findDispute,
  findDisputeEvents,
  findPartiesOf,
  findSessions,
  insertDispute,
  insertParties,
  listDisputes,
} from './disputes.repository.js';
import { readMediationLimit } from './mediation-settings.js';
import { partyValues, presentParty } from './party-contacts.js';

/** The environment of dispute actions: the clock, the chain key, the calendar and the mediation limit. */
export async function disputeEnvironment(
  ctx: AppContext,
  extra: Partial<DisputeEnvironment> = {},
): Promise<DisputeEnvironment> {
  const [calendar, limit] = await Promise.all([loadWorkingCalendar(ctx), readMediationLimit(ctx)]);
  return { ctx, now: ctx.clock.now(), chainKey: ctx.chainKey, calendar, limit, ...extra };
}

/** Disputes as one actor sees them: parties masked as he may read them, the light, his actions. */
async function present(
  ctx: AppContext,
  actor: Actor,
  rows: readonly DisputeListRow[],
): Promise<DisputeListItem[]> {
  const env = await disputeEnvironment(ctx);
  const [parties, scenes] = await Promise.all([
    findPartiesOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    disputeScenesOf(ctx.db, actor, rows, env),
  ]);
  const inFull = readsPersonalData(actor);
  const masking = freeTextMaskingFor(actor);
  return rows.map((row, i) =>
    presentDispute(row, {
      parties: (parties.get(row.id) ?? []).map((p) => presentParty(ctx, p, inFull)),
      actions: availableLifecycleActions(DISPUTE_DEFINITION, scenes[i]!, ['register']),
      light: disputeLight(env.calendar, row, env.limit, env.now),
      masking,
    }),
  );
}

/** A dispute with its parties, sessions, agreement, confirmation window, timeline and the caller's actions. */
export async function getDispute(ctx: AppContext, actor: Actor, id: number): Promise<DisputeDetail> {
  const row = await findDispute(ctx.db, id);
  if (!row) throw disputeNotFound(id);
  assertDisputeInScope(actor, row);
  const [[view], sessions, events, evidence] = await Promise.all([
    present(ctx, actor, [row]),
    findSessions(ctx.db, id),
    findDisputeEvents(ctx.db, id),
    findEvidenceOf(ctx.db, id),
  ]);
  const parties = (await findPartiesOf(ctx.db, [id])).get(id) ?? [];
  const inFull = readsPersonalData(actor);
  return presentDisputeDetail(
    row,
    {
      parties: parties.map((p) => presentParty(ctx, p, inFull)),
      actions: view!.actions,
      light: view!.light,
      masking: freeTextMaskingFor(actor),
    },
    { sessions, events, evidence, now: ctx.clock.now() },
  );
}

/**
 * A dispute as one of its parties follows it from the portal (by his room session): the same view, without
 * actions (his steps are in the room) or the evidence list, personal numbers masked.
 */
export async function getDisputeForParty(ctx: AppContext, id: number): Promise<DisputeDetail> {
  const row = await findDispute(ctx.db, id);
  if (!row) throw disputeNotFound(id);
  const [sessions, events, env] = await Promise.all([
    findSessions(ctx.db, id),
    findDisputeEvents(ctx.db, id),
    disputeEnvironment(ctx),
  ]);
  const parties = (await findPartiesOf(ctx.db, [id])).get(id) ?? [];
  return presentDisputeDetail(
    row,
    {
      parties: parties.map((p) => presentParty(ctx, p, true)),
      actions: [],
      light: disputeLight(env.calendar, row, env.limit, env.now),
      masking: freeTextMaskingFor({ permissions: new Set() }),
    },
    // the evidence is the committee's to read and download (mediation.read), not listed to the parties
    { sessions, events, evidence: [], now: env.now },
  );
}

/** A keyset page of the disputes that arose in the actor's scope, newest first. */
export async function listDisputesForActor(
  ctx: AppContext,
  actor: Actor,
  query: DisputeListQuery,
): Promise<KeysetPage<DisputeListItem>> {
  const withinPath =
    query.org === undefined ? undefined : (await loadOrgInScope(ctx.db, actor, query.org)).path;
  const after = query.cursor ? decodeCursor(query.cursor, isInstantIdPosition) : undefined;
  const mediatorId = query.mediator === 'me' ? await ownMediatorId(ctx, actor) : query.mediator;
  const rows = await listDisputes(ctx.db, {
    scopePath: actor.scopePath,
    withinPath,
    state: query.state,
    field: query.field,
    mediatorId,
    committeeId: query.committee,
    q: query.q,
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

/** The caller's mediator id (his first committee), or -1 when he is none: `mediator=me` finds nothing then. */
async function ownMediatorId(ctx: AppContext, actor: Actor): Promise<number> {
  return (await findMediatorOfUser(ctx.db, actor.userId))?.id ?? -1;
}

/** A dispute to write: where it arose, the committee it goes to, and where it came from. */
export interface PreparedDispute {
  input: CreateDisputeInput | (Omit<CreateDisputeInput, 'parties'> & { parties: PartyInput[] });
  orgPath: string;
  committeeId: number | null;
  caseId?: number;
  /** 证据材料 it comes with, already in the attachment store (a portal application's) */
  evidence: readonly IntakeFile[];
  /** read before the transaction: on PGlite a query beside an open transaction waits for it */
  env: DisputeEnvironment;
}

/** Where a new dispute comes from besides its intake: the 12345 case it converts, the files sent with it. */
export interface DisputeOrigin {
  caseId?: number;
  evidence?: readonly IntakeFile[];
}

/** Checks where a new dispute arose (in the caller's scope) and picks its committee by territory and field. */
export async function prepareDispute(
  ctx: AppContext,
  actor: Actor,
  input: PreparedDispute['input'],
  origin: DisputeOrigin = {},
): Promise<PreparedDispute> {
  const org = await findOrg(ctx.db, input.orgId);
  if (!org) throw fieldError('orgId', 'ORG_NOT_FOUND', `组织 ${input.orgId} 不存在`);
  assertDisputeInScope(actor, { orgPath: org.path });
  const committee = pickCommittee(
    await findCommitteesCovering(ctx.db, org.path),
    input.field as DisputeField,
  );
  const env = await disputeEnvironment(ctx);
  return {
    input,
    orgPath: org.path,
    committeeId: committee?.id ?? null,
    caseId: origin.caseId,
    evidence: origin.evidence ?? [],
    env,
  };
}

/**
 * Writes a prepared dispute through the shared mechanism in the caller's transaction: the row, its parties,
 * its evidence files, and its 登记 event (listing the files) with its outbox row.
 */
export async function writeDispute(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  prepared: PreparedDispute,
): Promise<DisputeRow> {
  const { input, env, evidence } = prepared;
  const evidenceIds = await allocateEvidenceIds(tx, evidence.length);
  return runCreation(
    tx,
    DISPUTE_DEFINITION,
    actor,
    'register',
    async (state) => {
      const inserted = await insertDispute(tx, {
        number: await drawDisputeNumber(tx, toBeijingDate(env.now)),
        source: input.source,
        field: input.field,
        title: input.title,
        facts: input.facts,
        claims: input.claims,
        orgId: input.orgId,
        orgPath: prepared.orgPath,
        committeeId: prepared.committeeId,
        state,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
        courtReference: input.courtReference || null,
        caseId: prepared.caseId ?? null,
        // the portal's actor is no user (id 0)
        registeredByUserId: actor.userId > 0 ? actor.userId : null,
        createdAt: env.now,
        updatedAt: env.now,
      });
      await insertParties(
        tx,
        input.parties.map((p) => partyValues(ctx, inserted.id, p)),
      );
      await insertEvidence(tx, evidenceValues(inserted.id, evidenceIds, evidence, actor, env.now));
      return inserted;
    },
    {
      note: input.title,
      changes: {
        source: input.source,
        field: input.field,
        committeeId: prepared.committeeId,
        caseId: prepared.caseId ?? null,
      },
      attachments: evidenceIds,
    },
    env,
    undefined,
  );
}

/** Prepares and writes a dispute in one transaction (see `prepareDispute` and `writeDispute`). */
export async function recordDispute(
  ctx: AppContext,
  actor: Actor,
  input: CreateDisputeInput,
  origin: DisputeOrigin = {},
): Promise<DisputeRow> {
  const prepared = await prepareDispute(ctx, actor, input, origin);
  return ctx.db.transaction((tx) => writeDispute(tx, ctx, actor, prepared));
}

/** 纠纷登记: records a dispute with its parties; it goes to the committee of its territory and field. */
export async function registerDispute(
  ctx: AppContext,
  actor: Actor,
  input: CreateDisputeInput,
): Promise<DisputeDetail> {
  const row = await recordDispute(ctx, actor, input);
  return getDispute(ctx, actor, row.id);
}

/** The actions that open a case of the spine, prepared before their transaction. */
const CASE_OPENING_ACTIONS: ReadonlySet<DisputeActionOnDispute> = new Set<CaseOpeningAction>([
  'refer_to_hotline',
  'transfer_to_case',
]);

/** Takes an action on a dispute through the shared mechanism (one transaction), answering it as it is now. */
export async function actOnDispute<A extends DisputeActionOnDispute>(
  ctx: AppContext,
  actor: Actor,
  id: number,
  action: A,
  input: DisputeActionInput<A>,
): Promise<DisputeDetail> {
  const openingCase = CASE_OPENING_ACTIONS.has(action)
    ? await prepareDisputeCase(ctx, actor, id, action as CaseOpeningAction, input as never)
    : undefined;
  const env = await disputeEnvironment(ctx, { openingCase });
  await ctx.db.transaction((tx) => runTransition(tx, DISPUTE_DEFINITION, actor, { id, action, input }, env));
  return getDispute(ctx, actor, id);
}

/** 404 when the dispute does not exist, 403 out of scope: the dispute row, for routes that only read it. */
export async function loadDisputeInScope(ctx: AppContext, actor: Actor, id: number): Promise<DisputeListRow> {
  const row = await findDispute(ctx.db, id);
  if (!row) throw disputeNotFound(id);
  assertDisputeInScope(actor, row);
  return row;
}

/** A dispute's evidence file and a stream of its content, scope-checked through its dispute (404, 403). */
export async function openDisputeEvidence(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<{ row: EvidenceRow; stream: fs.ReadStream }> {
  const row = await findEvidence(ctx.db, id);
  if (!row) throw new AppError('ATTACHMENT_NOT_FOUND', `证据材料 ${id} 不存在`);
  await loadDisputeInScope(ctx, actor, row.disputeId);
  const stream = openStoredFile(ctx.config.SHANZHI_DATA_DIR, row.sha256);
  if (!stream) throw new AppError('ATTACHMENT_NOT_FOUND', `证据材料 ${id} 的文件已不在存储中`);
  return { row, stream };
}
