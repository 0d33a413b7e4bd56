import { z } from 'zod';
import { CASE_ACTIONS, type CaseAction } from '../cases/case-actions.js';
import { CASE_TRANSITIONS } from '../cases/case-state-machine.js';
import type { Role } from './roles.js';

/**
 * Every permission of the platform, as `resource.action`. `personal_data.read` lets a role see phone
 * numbers, ID numbers and addresses unmasked. A route declares exactly one of these (or is
 * public); roles are granted sets of them. The grants below are the defaults written at seed time; an admin
 * may change them, and every change is audited.
 */
export const PERMISSIONS = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'role.read',
  'role.write',
  'audit.read',
  'catalog.read',
  'catalog.write',
  'calendar.read',
  'calendar.write',
  'knowledge.read',
  'knowledge.write',
  'reply_template.read',
  'reply_template.write',
  'personal_data.read',
  // the case spine: reading cases in one's scope, and one permission per lifecycle action (`case.<action>`)
  'case.read',
  'case.register',
  'case.resolve_on_call',
  'case.dispatch',
  'case.accept',
  'case.return',
  'case.progress',
  'case.request_extension',
  'case.approve_extension',
  'case.refuse_extension',
  'case.reply',
  'case.review',
  'case.rework',
  'case.callback',
  'case.close',
  'case.reopen',
  'case.supervise',
  'case.merge',
  'case.unmerge',
  'case.transfer_to_110',
  'case.transfer_from_110',
  'case.escalate',
  'case.consult',
  'case.invalidate',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/** The permission a route of a lifecycle action requires: `case.dispatch` for `dispatch` … */
export function casePermissionOf(action: CaseAction): Permission {
  return `case.${action}` as Permission;
}

const STAFF_READ: Permission[] = ['org.read', 'catalog.read', 'calendar.read'];
/** The knowledge base and the reply templates, for the staff who answer citizens. */
const ANSWER_READ: Permission[] = ['knowledge.read', 'reply_template.read'];

/**
 * The case-action permissions a role gets by default: exactly the actions the lifecycle table lets it take.
 * Citizens are left out on purpose: the citizen portal registers through its own routes, which pin the
 * source and channel, rather than through the staff intake.
 */
function caseActionGrants(role: Role): Permission[] {
  if (role === 'citizen') return [];
  return CASE_ACTIONS.filter((a) => (CASE_TRANSITIONS[a].roles as readonly Role[]).includes(role)).map(
    casePermissionOf,
  );
}

const CASE_STAFF: (role: Role) => Permission[] = (role) => ['case.read', ...caseActionGrants(role)];

/** Default grants of each role. */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  citizen: ['catalog.read'],
  agent: [...STAFF_READ, ...ANSWER_READ, 'personal_data.read', ...CASE_STAFF('agent')],
  dispatcher: [...STAFF_READ, ...ANSWER_READ, 'user.read', 'personal_data.read', ...CASE_STAFF('dispatcher')],
  handler: [...STAFF_READ, ...ANSWER_READ, 'personal_data.read', ...CASE_STAFF('handler')],
  grid_worker: [...STAFF_READ, 'personal_data.read', ...CASE_STAFF('grid_worker')],
  mediator: [...STAFF_READ, ...CASE_STAFF('mediator')],
  supervisor: [...STAFF_READ, ...ANSWER_READ, 'user.read', ...CASE_STAFF('supervisor')],
  leader: [...STAFF_READ, ...ANSWER_READ, 'user.read', ...CASE_STAFF('leader')],
  merchant: ['catalog.read'],
  admin: [...PERMISSIONS],
};
