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

const LISTS = ['/petitions', '/petitions/risks', '/petitions/stats'];

describe('the 信访代办 group of the menu', () => {
  it('gives a petition agent intake, the list, the escalation risks and the numbers', () => {
    expect(petitionPages(viewer('petition_agent'))).toEqual(['/petitions/register', ...LISTS]);
  });

  it('gives leaders and supervisors the list, the escalation risks and the numbers', () => {
    expect(petitionPages(viewer('leader'))).toEqual(LISTS);
    expect(petitionPages(viewer('supervisor'))).toEqual(LISTS);
  });

  it('gives the hotline’s agents and dispatchers intake (a case converted) and the lists', () => {
    expect(petitionPages(viewer('agent'))).toEqual(['/petitions/register', ...LISTS]);
    expect(petitionPages(viewer('dispatcher'))).toEqual(['/petitions/register', ...LISTS]);
  });

  it('stays hidden from roles without petition.read', () => {
    expect(petitionPages(viewer('handler'))).toEqual([]);
    expect(petitionPages(viewer('mediator'))).toEqual([]);
  });
});
