import { z } from 'zod';

/** The roles of the platform (DOMAIN.md §1). */
export const ROLES = [
  'citizen',
  'agent',
  'dispatcher',
  'handler',
  'grid_worker',
  'mediator',
  'petition_agent',
  'supervisor',
  'leader',
  'merchant',
  'enterprise',
  'admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '群众',
  agent: '12345 坐席',
  dispatcher: '派单员',
  handler: '承办人',
  grid_worker: '网格员',
  mediator: '调解员',
  petition_agent: '信访代办员',
  supervisor: '督办员',
  leader: '领导',
  merchant: '商户',
  enterprise: '企业',
  admin: '系统管理员',
};
