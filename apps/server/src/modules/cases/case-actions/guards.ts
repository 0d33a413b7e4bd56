import { AppError } from '../../../platform/errors/app-error.js';
import type { ActionScene } from './action-handler.js';

/** Anyone who may read the case (the runner has already checked that). */
export const anyReader = (): AppError | null => null;

/** The owner of the case: a dispatcher of the centre (or level) that holds it, or of one above. */
export function ownerOnly(scene: ActionScene): AppError | null {
  if (scene.relation.owns) return null;
  const owner = scene.orgs.current?.name ?? '上级中心';
  return new AppError('OUT_OF_SCOPE', `该工单现由「${owner}」负责，您不能办理此操作`);
}

/** Staff of the lead unit (主办单位). */
export function leadOnly(scene: ActionScene): AppError | null {
  return scene.relation.leads ? null : new AppError('FORBIDDEN', '只有主办单位可以办理此操作');
}

/** Staff of the lead unit or of a co-handler (协办单位). */
export function handlerOnly(scene: ActionScene): AppError | null {
  return scene.relation.handles ? null : new AppError('FORBIDDEN', '只有主办或协办单位可以办理此操作');
}

/** The first refusal among several guards, or null. */
export function allOf(...guards: ((scene: ActionScene) => AppError | null)[]) {
  return (scene: ActionScene): AppError | null => {
    for (const guard of guards) {
      const refusal = guard(scene);
      if (refusal) return refusal;
    }
    return null;
  };
}
