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
  // one's own in-app notifications and the live stream (SSE) of what happens in one's scope
  'notification.read',
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
  // the .xlsx export of a case list (bulk personal data, hence apart from `case.read`)
  'case.export',
  // attaching photos and documents to a case (reading them follows `case.read`)
  'case.attach',
  // the case spine's settings: the auto-dispatch threshold, the rework limit
  'case.configure',
  // the measures (考核): reading them, and setting their weights and coefficients
  'kpi.read',
  'kpi.configure',
  // duplicate lookups (查重) for intake and dispatch; early warnings (苗头性问题预警): read, acknowledge, run now
  'intelligence.duplicates',
  'warning.read',
  'warning.acknowledge',
  'warning.run',
  // the classifier's suggestion (categories, unit, 110 flag) for a message being registered or dispatched
  'intelligence.classify',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/** The permission a route of a lifecycle action requires: `case.dispatch` for `dispatch` … */
export function casePermissionOf(action: CaseAction): Permission {
  return `case.${action}` as Permission;
}

/** What every staff role reads: the org tree, the catalog, the calendar, and its own notifications. */
const STAFF_READ: Permission[] = ['org.read', 'catalog.read', 'calendar.read', 'notification.read'];
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
  agent: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'personal_data.read',
    ...CASE_STAFF('agent'),
    'case.export',
    'case.attach',
    'intelligence.duplicates',
    'intelligence.classify',
  ],
  dispatcher: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'user.read',
    'personal_data.read',
    ...CASE_STAFF('dispatcher'),
    'case.export',
    'case.attach',
    'kpi.read',
    'intelligence.duplicates',
    'intelligence.classify',
    'warning.read',
    'warning.acknowledge',
  ],
  handler: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'personal_data.read',
    'intelligence.classify',
    ...CASE_STAFF('handler'),
    'case.attach',
  ],
  grid_worker: [
    ...STAFF_READ,
    'personal_data.read',
    'intelligence.classify',
    ...CASE_STAFF('grid_worker'),
    'case.attach',
  ],
  mediator: [...STAFF_READ, ...CASE_STAFF('mediator')],
  supervisor: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'user.read',
    ...CASE_STAFF('supervisor'),
    'case.export',
    'kpi.read',
    'intelligence.duplicates',
    'intelligence.classify',
    'warning.read',
    'warning.acknowledge',
  ],
  leader: [
    ...STAFF_READ,
    ...ANSWER_READ,
    'user.read',
    ...CASE_STAFF('leader'),
    'case.export',
    'kpi.read',
    'warning.read',
    'warning.acknowledge',
  ],
  merchant: ['catalog.read'],
  admin: [...PERMISSIONS],
};
