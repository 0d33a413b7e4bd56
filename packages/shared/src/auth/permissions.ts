import { z } from 'zod';
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
  'personal_data.read',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

const STAFF_READ: Permission[] = ['org.read', 'catalog.read', 'calendar.read'];

/** Default grants of each role. */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  citizen: ['catalog.read'],
  agent: [...STAFF_READ, 'personal_data.read'],
  dispatcher: [...STAFF_READ, 'user.read', 'personal_data.read'],
  handler: [...STAFF_READ, 'personal_data.read'],
  grid_worker: [...STAFF_READ, 'personal_data.read'],
  mediator: [...STAFF_READ],
  supervisor: [...STAFF_READ, 'user.read'],
  leader: [...STAFF_READ, 'user.read'],
  merchant: ['catalog.read'],
  admin: [...PERMISSIONS],
};
