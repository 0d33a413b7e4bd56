import type { Actor } from '../../platform/auth/actor.js';
import { isInScope } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';

/** The grid a grid worker works in: his org, which must be a grid (403 NOT_GRID_STAFF otherwise). */
export function ownGridOf(actor: Actor): { gridId: number; gridPath: string } {
  if (actor.orgKind !== 'grid') {
    throw new AppError('NOT_GRID_STAFF', '巡查与上报须由网格内的网格员办理');
  }
  return { gridId: actor.orgId, gridPath: actor.orgPath };
}

/** Refuses (403 OUT_OF_SCOPE) a grid record outside the actor's data scope: a grid worker sees his grid only. */
export function assertGridRecordInScope(actor: Actor, gridPath: string): void {
  if (!isInScope(actor, gridPath)) throw new AppError('OUT_OF_SCOPE', '该记录不在您的管辖范围内');
}
