import type { Permission, Role } from '@shanzhi/shared';

/** The signed-in user a request acts for, with what he may do and where. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  orgId: number;
  orgCode: string;
  orgName: string;
  orgKind: string;
  /** materialised path of his org (`/1/4/27/`) */
  orgPath: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** materialised path of the org whose subtree is this user's data scope */
  scopePath: string;
  /** the request's client address, for the audit trail */
  ip: string;
}

/**
 * The root of a user's data scope: his org's subtree, except for a social-governance centre, whose staff
 * (dispatchers, agents, supervisors) work for the whole territory the centre serves — its parent's subtree.
 */
export function scopePathOf(org: { kind: string; path: string }): string {
  if (org.kind !== 'center') return org.path;
  const parentPath = org.path.replace(/\d+\/$/, '');
  return parentPath === '/' ? org.path : parentPath;
}

/** The org id at the end of a subtree path (`/1/4/27/` → 27): of `actor.scopePath`, the root of his scope. */
export function orgIdOfPath(path: string): number {
  return Number(path.split('/').filter(Boolean).at(-1));
}

/** Whether an org (by its path) lies inside the actor's data scope. */
export function isInScope(actor: Pick<Actor, 'scopePath'>, orgPath: string): boolean {
  return orgPath.startsWith(actor.scopePath);
}
