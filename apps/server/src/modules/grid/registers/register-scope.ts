import type { Actor } from '../../../platform/auth/actor.js';
import { isInScope } from '../../../platform/auth/actor.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError, fieldError } from '../../../platform/errors/app-error.js';
import { findOrg } from '../../orgs/orgs.repository.js';
import { loadOrgInScope } from '../../orgs/orgs.service.js';

/** A grid a register row may be put in. */
export interface RegisterGrid {
  id: number;
  path: string;
  name: string;
}

/**
 * The grid `gridId` names, if it is an active grid of the actor's scope: a grid worker registers in his grid,
 * a town in its towns' grids. 400 on `field` when it is no grid, 403 OUT_OF_SCOPE (naming `field`) outside.
 */
export async function loadGridForRegister(
  db: DbOrTx,
  actor: Actor,
  gridId: number,
  field = 'gridId',
): Promise<RegisterGrid> {
  const org = await findOrg(db, gridId);
  if (!org?.active || org.kind !== 'grid') throw fieldError(field, 'not_a_grid', `网格 ${gridId} 不存在`);
  if (!isInScope(actor, org.path)) {
    throw new AppError('OUT_OF_SCOPE', '该网格不在您的管辖范围内', [
      { field, code: 'out_of_scope', message: '该网格不在您的管辖范围内' },
    ]);
  }
  return { id: org.id, path: org.path, name: org.name };
}

/** The path a register list reads under: the actor's scope, narrowed to `within` (an org of that scope). */
export async function registerListPath(
  db: DbOrTx,
  actor: Actor,
  within: number | undefined,
): Promise<string> {
  return within === undefined ? actor.scopePath : (await loadOrgInScope(db, actor, within)).path;
}
