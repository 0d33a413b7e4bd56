import { DEFAULT_ROLE_PERMISSIONS, type Role } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { isMenuGroup, type MenuViewer, visibleMenu } from '../../app/layout/menu.js';

const viewer = (role: Role): MenuViewer => ({
  roles: [role],
  permissions: [...DEFAULT_ROLE_PERMISSIONS[role]],
});

const gridPages = (v: MenuViewer) =>
  visibleMenu(v)
    .filter(isMenuGroup)
    .find((g) => g.key === 'grid')
    ?.pages.map((p) => p.path) ?? [];

describe('the 网格管理 group of the menu', () => {
  it.each(['dispatcher', 'supervisor', 'leader', 'handler', 'admin'] as const)(
    'opens the numbers, findings, patrols, missed patrols, tasks, the admission list, the registers and visits to %s',
    (role) => {
      expect(gridPages(viewer(role))).toEqual([
        '/grid/stats',
        '/grid/findings',
        '/grid/patrols',
        '/grid/missed',
        '/grid/tasks',
        '/grid/admission',
        '/grid/houses',
        '/grid/residents',
        '/grid/organisations',
        '/grid/visits',
      ]);
    },
  );

  it('stays hidden from roles without grid.read', () => {
    expect(gridPages(viewer('agent'))).toEqual([]);
    expect(gridPages(viewer('mediator'))).toEqual([]);
  });
});
