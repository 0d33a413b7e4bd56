import { OPEN311_PUBLIC_UPDATES, Open311ExtendedStatus, parseW3cDateTime } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { recordCitizenUpdate } from '../cases/citizen-update.js';
import { presentOpen311Update } from './open311.presenter.js';
import { open311ActorName } from './open311-actor.js';
import type { Open311Record } from './open311-document.js';
import { firstValue } from './open311-form.js';
import type { Open311KeyRow } from './open311-keys.repository.js';
import {
  findPostedUpdate,
  findVisibleEventsBetween,
  findVisibleRequest,
  insertPostedUpdate,
} from './open311-requests.repository.js';
import {
  OPEN311_MAX_RESULTS,
  type Open311Fields,
  searchWindow,
  updatesByCase,
} from './open311-requests.service.js';

/**
 * GET servicerequestupdates (mySociety): every public timeline event of the visible cases in a window (the
 * last 90 days by default), oldest first, at most 1,000 — a client asks again from the last one's time — each
 * with its extended status (OPEN, INVESTIGATING, IN_PROGRESS … FIXED, CLOSED) and what it says.
 */
export async function listOpen311Updates(ctx: AppContext, fields: Open311Fields): Promise<Open311Record[]> {
  const window = searchWindow(fields, ctx.clock.now());
  const hits = await findVisibleEventsBetween(ctx.db, {
    ...window,
    actions: Object.keys(OPEN311_PUBLIC_UPDATES),
    limit: OPEN311_MAX_RESULTS,
  });
  // an update's words may need what came before it in its timeline (the reply a review approved)
  const updates = await updatesByCase(ctx, [...new Set(hits.map((h) => h.caseId))]);
  const byEvent = new Map([...updates.values()].flat().map((u) => [u.eventId, u]));
  return hits.flatMap((hit) => {
    const update = byEvent.get(hit.id);
    return update ? [presentOpen311Update(update, hit.number)] : [];
  });
}

/** A required field of a posted update, or 400 naming it. */
function required(fields: Open311Fields, name: string): string {
  const value = firstValue(fields[name]);
  if (value === undefined) throw fieldError(name, 'required', `${name} was not provided / 缺少 ${name}`);
  return value;
}

const NOTE_MAX = 4_000;

/**
 * POST servicerequestupdates (mySociety): a citizen's update to a request his app sent — recorded on the
 * case's timeline as his words (`case.citizen_updated`, `recordCitizenUpdate`), with the status his app
 * reported kept beside them: a citizen's word never moves a case through its lifecycle, the staff do. A
 * repeated post of the same `update_id` answers the update recorded the first time.
 */
export async function postOpen311Update(
  ctx: AppContext,
  key: Open311KeyRow,
  fields: Open311Fields,
): Promise<{ updateId: number }> {
  const number = required(fields, 'service_request_id');
  const externalId = required(fields, 'update_id');
  const status = Open311ExtendedStatus.safeParse(required(fields, 'status').toUpperCase());
  if (!status.success) {
    throw fieldError(
      'status',
      'invalid',
      'status is not one of the extended statuses (OPEN, CLOSED, FIXED …) / 状态无效',
    );
  }
  const updatedAt = required(fields, 'updated_datetime');
  if (!parseW3cDateTime(updatedAt)) {
    throw fieldError(
      'updated_datetime',
      'invalid',
      'updated_datetime must be a W3C date-time with its time zone / 时间格式不正确',
    );
  }
  const description = required(fields, 'description');
  if (description.length > NOTE_MAX) {
    throw fieldError(
      'description',
      'too_long',
      `description is limited to ${NOTE_MAX} characters / 内容不能超过 ${NOTE_MAX} 字`,
    );
  }
  const earlier = await findPostedUpdate(ctx.db, key.id, externalId);
  if (earlier) return { updateId: earlier.eventId };
  const request = await findVisibleRequest(ctx.db, number);
  if (!request)
    throw new AppError(
      'CASE_NOT_FOUND',
      `service_request_id ${number} was not found / 工单 ${number} 不存在`,
    );
  if (request.keyId !== key.id) {
    throw fieldError(
      'service_request_id',
      'not_yours',
      `service_request_id ${number} was not submitted with this api_key / 只能补充本接入方提交的诉求`,
    );
  }
  const mediaUrl = firstValue(fields.media_url);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const event = await recordCitizenUpdate(tx, ctx.chainKey, request.id, {
        actorName: open311ActorName(key),
        note: description,
        changes: {
          channel: key.channelCode,
          reportedStatus: status.data,
          clientUpdateId: externalId,
          clientUpdatedAt: updatedAt,
          ...(mediaUrl ? { mediaUrl } : {}),
        },
        at: now,
      });
      const noted = await insertPostedUpdate(tx, {
        keyId: key.id,
        externalId,
        caseId: request.id,
        eventId: event.id,
        createdAt: now,
      });
      if (!noted) throw new RecordedMeanwhile();
      return { updateId: event.id };
    });
  } catch (error) {
    if (!(error instanceof RecordedMeanwhile)) throw error;
    // a retry recorded the same update id meanwhile: this event rolled back, the first one stands
    const first = await findPostedUpdate(ctx.db, key.id, externalId);
    return { updateId: first!.eventId };
  }
}

/** Rolls back an update whose id a concurrent retry recorded first. */
class RecordedMeanwhile extends Error {}
