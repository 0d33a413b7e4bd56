import { DEFAULT_ROLE_PERMISSIONS, type Role } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { isMenuGroup, type MenuViewer, visibleMenu } from '../../app/layout/menu.js';

const viewer = (role: Role): MenuViewer => ({
  roles: [role],
  permissions: [...DEFAULT_ROLE_PERMISSIONS[role]],
});

const mediationPages = (v: MenuViewer) =>
  visibleMenu(v)
    .filter(isMenuGroup)
    .find((g) => g.key === 'mediation')
    ?.pages.map((p) => p.path) ?? [];

describe('the 矛盾调解 group of the menu', () => {
  it('gives a mediator intake, the list, his own disputes, the numbers and the committees', () => {
    expect(mediationPages(viewer('mediator'))).toEqual([
      '/mediation/register',
      '/mediation/disputes',
      '/mediation/mine',
      '/mediation/stats',
      '/mediation/committees',
    ]);
  });

  it('gives a dispatcher everything but a mediator’s own queue', () => {
    expect(mediationPages(viewer('dispatcher'))).toEqual([
      '/mediation/register',
      '/mediation/disputes',
      '/mediation/stats',
      '/mediation/committees',
    ]);
  });

  it('stays hidden from roles without mediation.read', () => {
    expect(mediationPages(viewer('handler'))).toEqual([]);
  });
});
