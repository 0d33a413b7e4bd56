import type { TimeLimit, WorkingCalendar } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { LifecycleScene, TransitionEffect } from '../../platform/lifecycle/lifecycle-definition.js';
import type { TransitionEnvironment } from '../../platform/lifecycle/transition.js';
import type { PreparedRegistration } from '../cases/register-case.js';
import type { CommitteeRow } from './committees.repository.js';
import type { DisputeRow } from './disputes.repository.js';

/** What a dispute action runs under: the shared environment, the calendar and limit, and what was prepared. */
export interface DisputeEnvironment extends TransitionEnvironment {
  ctx: AppContext;
  calendar: WorkingCalendar;
  limit: TimeLimit;
  /** 转心理援助热线, 转部门办理: the case the action opens, its reads done */
  openingCase?: PreparedRegistration;
  /** 在线确认: the party acting himself by his room session (not a staff member) */
  party?: { id: number };
}

/** Everything a dispute action looks at. */
export interface DisputeScene extends LifecycleScene<DisputeRow> {
  env: DisputeEnvironment;
  /** the committees the actor serves on as a mediator */
  memberships: readonly number[];
  /** the dispute's committee, and the one above it (escalation) */
  committee: CommitteeRow | null;
  above: CommitteeRow | null;
}

/** What a dispute action does. */
export type DisputeEffect = TransitionEffect<Partial<DisputeRow>>;

/** Whether the actor serves on the dispute's committee. */
function servesOnCommittee(scene: DisputeScene): boolean {
  return scene.row.committeeId !== null && scene.memberships.includes(scene.row.committeeId);
}

const NOT_ITS_MEDIATOR = () => new AppError('FORBIDDEN', '您不是该纠纷所属调委会的调解员');

/** Intake, acceptance, assignment, consent: the committee's mediators, the centre's dispatchers, an admin. */
export function committeeStaff(scene: DisputeScene): AppError | null {
  const { roles } = scene.actor;
  if (roles.includes('admin') || roles.includes('dispatcher')) return null;
  return servesOnCommittee(scene) ? null : NOT_ITS_MEDIATOR();
}

/** The mediation itself: a mediator of the dispute's committee (or an admin). */
export function mediatorStaff(scene: DisputeScene): AppError | null {
  if (scene.actor.roles.includes('admin')) return null;
  return servesOnCommittee(scene) ? null : NOT_ITS_MEDIATOR();
}
