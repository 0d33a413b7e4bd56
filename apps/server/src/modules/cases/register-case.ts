import { addWorkingTime, CASE_ACTION_EVENTS, type RegisterInput } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import { findCategory } from '../catalog/catalog.repository.js';
import { recordCaseFingerprint } from '../intelligence/duplicates/case-fingerprints.repository.js';
import {
  applyIntakeSuggestion,
  suggestForIntake,
  suggestionChanges,
} from '../intelligence/smart-dispatch.js';
import { chainOfPath, findGridAt, type LocatedChain } from '../orgs/orgs.service.js';
import { limitsForIntake } from './case-clock.js';
import { writeCaseOutbox } from './case-outbox.js';
import { readCaseSettings } from './case-settings.js';
import { appendEvent } from './case-timeline.js';
import { allocateCaseSequence, type CaseRow, findCentreUnder, insertCase } from './cases.repository.js';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `WH` + Beijing date + the day's 6-digit sequence: `WH20261123000123`. */
export function formatCaseNumber(day: string, sequence: number): string {
  return `WH${day}${String(sequence).padStart(6, '0')}`;
}

/** The Beijing day of an instant as `YYYYMMDD`. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

async function loadIntakeCategory(db: DbOrTx, id: number | undefined) {
  if (id === undefined) return undefined;
  const category = await findCategory(db, id);
  if (!category?.active) throw fieldError('categoryId', 'not_found', `事项 ${id} 不存在或已停用`);
  if (category.resolveLimitValue === null) {
    throw fieldError('categoryId', 'not_leaf', `「${category.name}」不是末级事项，请选择具体事项`);
  }
  return category;
}

/**
 * Where the case happened: the grid holding the reported point; without a point, the reporter's own grid,
 * community or town (a grid worker's patrol report). Null when neither tells.
 */
async function locateIntake(db: DbOrTx, actor: Actor, input: RegisterInput): Promise<LocatedChain | null> {
  if (input.location) {
    const grid = await findGridAt(db, { lng: input.location.longitude, lat: input.location.latitude });
    if (!grid) throw fieldError('location', 'outside_city', '事发位置不在本市任何网格内');
    return chainOfPath(db, grid.path);
  }
  if (['grid', 'community', 'town'].includes(actor.orgKind)) return chainOfPath(db, actor.scopePath);
  return null;
}

/**
 * Who owns a new case (dispatches it, may escalate it): the registering centre or territorial level itself;
 * a grid's community (小事不出村); for anyone else, the centre of the district where it happened, or the
 * city's centre.
 */
async function intakeOwner(db: DbOrTx, actor: Actor, chain: LocatedChain | null): Promise<number> {
  if (['center', 'community', 'town', 'district'].includes(actor.orgKind)) return actor.orgId;
  if (actor.orgKind === 'grid') {
    const own = await chainOfPath(db, actor.scopePath);
    if (own.community) return own.community.id;
  }
  const rootId = Number(actor.scopePath.split('/').filter(Boolean)[0]);
  const centre =
    (chain?.district && (await findCentreUnder(db, chain.district.id))) ||
    (await findCentreUnder(db, rootId));
  if (!centre) throw new AppError('NOT_READY', '尚未设置社会治理中心，无法登记工单');
  return centre.id;
}

function titleOf(input: RegisterInput): string {
  if (input.title) return input.title;
  const flat = input.content.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}

/**
 * 登记: creates a case in `registered` with its number, location, owner and limits, its first timeline
 * event and its outbox row, in one transaction. The resolve deadline is provisional (counted from intake)
 * until a unit accepts the case.
 */
export async function registerCase(ctx: AppContext, actor: Actor, input: RegisterInput): Promise<CaseRow> {
  const [calendar, category, chain] = await Promise.all([
    loadWorkingCalendar(ctx),
    loadIntakeCategory(ctx.db, input.categoryId),
    locateIntake(ctx.db, actor, input),
  ]);
  const currentOrgId = await intakeOwner(ctx.db, actor, chain);
  // 智能分类/派单/110 识别: computed before the transaction (PGlite would make a read inside it wait)
  const [suggestion, settings] = await Promise.all([
    suggestForIntake(ctx, {
      title: input.title ?? null,
      content: input.content,
      ownerOrgId: currentOrgId,
      categoryPolice: category?.police ?? false,
    }),
    readCaseSettings(ctx),
  ]);
  const limits = limitsForIntake(category, input.priority, input.type);
  const now = ctx.clock.now();
  const area = chain?.grid ?? chain?.community ?? chain?.town ?? chain?.district ?? null;
  return ctx.db.transaction(async (tx) => {
    const sequence = await allocateCaseSequence(tx, beijingDay(now));
    const row = await insertCase(tx, {
      number: formatCaseNumber(beijingDay(now), sequence),
      source: input.source,
      channel: input.channelCode ?? null,
      type: input.type,
      categoryId: category?.id ?? null,
      priority: input.priority,
      policeMatter: (category?.police ?? false) || (suggestion?.classification.police.flagged ?? false),
      title: titleOf(input),
      description: input.content,
      citizenName: input.citizenName ?? null,
      citizenPhone: input.citizenPhone ?? null,
      citizenIdNumber: input.citizenIdNumber?.toUpperCase() ?? null,
      anonymous: input.anonymous,
      keepPrivate: input.keepPrivate,
      address: input.address ?? null,
      lng: input.location?.longitude ?? null,
      lat: input.location?.latitude ?? null,
      gridId: chain?.grid?.id ?? null,
      communityId: chain?.community?.id ?? null,
      townId: chain?.town?.id ?? null,
      districtId: chain?.district?.id ?? null,
      areaPath: area?.path ?? null,
      state: 'registered',
      currentOrgId,
      registeredByOrgId: actor.orgId,
      acceptLimitValue: limits.acceptLimit.value,
      acceptLimitUnit: limits.acceptLimit.unit,
      resolveLimitValue: limits.resolveLimit.value,
      resolveLimitUnit: limits.resolveLimit.unit,
      resolveDeadline: addWorkingTime(calendar, now, limits.resolveLimit),
      externalRef: input.externalRef ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const event = await appendEvent(
      tx,
      row.id,
      {
        action: 'register',
        event: CASE_ACTION_EVENTS.register,
        actorUserId: actor.userId,
        actorName: actor.displayName,
        actorOrgId: actor.orgId,
        at: now,
        fromState: null,
        toState: 'registered',
        note: null,
        changes: {
          source: row.source,
          type: row.type,
          categoryId: row.categoryId,
          priority: row.priority,
          areaOrgId: area?.id ?? null,
          currentOrgId,
          ...(suggestion ? { suggestion: suggestionChanges(suggestion) } : {}),
        },
        attachments: [],
      },
      null,
    );
    await writeCaseOutbox(tx, row, event, []);
    // 查重: the text fingerprint, so that the next call about the same problem finds this case
    await recordCaseFingerprint(tx, row);
    // 智能派单: stores the suggestion; above the threshold, dispatches through the lifecycle's dispatch path
    return suggestion ? applyIntakeSuggestion(tx, row, suggestion, { now, calendar, settings }) : row;
  });
}
