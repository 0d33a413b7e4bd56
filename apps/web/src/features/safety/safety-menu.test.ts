import { DEFAULT_ROLE_PERMISSIONS, type Role } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { isMenuGroup, type MenuViewer, visibleMenu } from '../../app/layout/menu.js';

const viewer = (role: Role): MenuViewer => ({
  roles: [role],
  permissions: [...DEFAULT_ROLE_PERMISSIONS[role]],
});

const safetyPaths = (role: Role) =>
  visibleMenu(viewer(role))
    .filter(isMenuGroup)
    .filter((group) => group.key === 'safety')
    .flatMap((group) => group.pages.map((page) => page.path));

describe('the 安全生产 menu', () => {
  it('gives inspectors the register, inspections, campaigns, hazards and their numbers', () => {
    expect(safetyPaths('handler')).toEqual([
      '/safety/enterprises',
      '/safety/inspections',
      '/safety/campaigns',
      '/safety/hazards',
      '/safety/stats',
    ]);
  });

  it('gives the dispatcher campaigns to run, without inspections', () => {
    expect(safetyPaths('dispatcher')).toEqual([
      '/safety/enterprises',
      '/safety/campaigns',
      '/safety/hazards',
      '/safety/stats',
    ]);
  });

  it('gives readers and enterprise accounts the register, the hazards and their numbers alone', () => {
    for (const role of ['supervisor', 'leader', 'grid_worker', 'enterprise'] as const) {
      expect(safetyPaths(role), role).toEqual(['/safety/enterprises', '/safety/hazards', '/safety/stats']);
    }
  });

  it('shows nothing to the hotline, the mediator, merchants and citizens', () => {
    for (const role of ['agent', 'mediator', 'merchant', 'citizen'] as const) {
      expect(safetyPaths(role), role).toEqual([]);
    }
  });
});
