import { DEFAULT_ROLE_PERMISSIONS, type Role } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { isMenuGroup, type MenuViewer, visibleMenu } from '../../app/layout/menu.js';

const viewer = (role: Role): MenuViewer => ({
  roles: [role],
  permissions: [...DEFAULT_ROLE_PERMISSIONS[role]],
});

const petitionPages = (v: MenuViewer) =>
  visibleMenu(v)
    .filter(isMenuGroup)
    .find((g) => g.key === 'petitions')
    ?.pages.map((p) => p.path) ?? [];

describe('the 信访代办 group of the menu', () => {
  it('gives a petition agent intake and the list', () => {
    expect(petitionPages(viewer('petition_agent'))).toEqual(['/petitions/register', '/petitions']);
  });

  it('gives leaders and supervisors the list only', () => {
    expect(petitionPages(viewer('leader'))).toEqual(['/petitions']);
    expect(petitionPages(viewer('supervisor'))).toEqual(['/petitions']);
  });

  it('gives the hotline’s agents and dispatchers intake (a case converted) and the list', () => {
    expect(petitionPages(viewer('agent'))).toEqual(['/petitions/register', '/petitions']);
    expect(petitionPages(viewer('dispatcher'))).toEqual(['/petitions/register', '/petitions']);
  });

  it('stays hidden from roles without petition.read', () => {
    expect(petitionPages(viewer('handler'))).toEqual([]);
    expect(petitionPages(viewer('mediator'))).toEqual([]);
  });
});
