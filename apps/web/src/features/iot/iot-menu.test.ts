import { DEFAULT_ROLE_PERMISSIONS, type Role } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { isMenuGroup, type MenuViewer, visibleMenu } from '../../app/layout/menu.js';

const viewer = (role: Role): MenuViewer => ({
  roles: [role],
  permissions: [...DEFAULT_ROLE_PERMISSIONS[role]],
});

const iotPaths = (role: Role) =>
  visibleMenu(viewer(role))
    .filter(isMenuGroup)
    .filter((group) => group.key === 'iot')
    .flatMap((group) => group.pages.map((page) => page.path));

describe('the 智安小区 menu', () => {
  it('gives the centre’s dispatchers the board, the estates and the rules', () => {
    expect(iotPaths('dispatcher')).toEqual(['/iot/alerts', '/iot/estates', '/iot/rules']);
  });

  it('gives those who read or handle alerts the board and the estates, without the rules', () => {
    for (const role of ['handler', 'grid_worker', 'supervisor', 'leader'] as const) {
      expect(iotPaths(role), role).toEqual(['/iot/alerts', '/iot/estates']);
    }
  });

  it('shows nothing to the hotline, the mediator, merchants and citizens', () => {
    for (const role of ['agent', 'mediator', 'petition_agent', 'merchant', 'citizen'] as const) {
      expect(iotPaths(role), role).toEqual([]);
    }
  });
});
