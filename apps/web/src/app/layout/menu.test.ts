import { DEFAULT_ROLE_PERMISSIONS, type Role } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { canOpen, findMenuPage, isMenuGroup, type MenuViewer, visibleMenu } from './menu.js';

/** A user of one role with the role's default grants, as `GET /me` answers him. */
const viewer = (role: Role): MenuViewer => ({
  roles: [role],
  permissions: [...DEFAULT_ROLE_PERMISSIONS[role]],
});

const pathsOf = (v: MenuViewer) =>
  visibleMenu(v).flatMap((entry) => (isMenuGroup(entry) ? entry.pages : [entry]).map((page) => page.path));

const WORK_QUEUES = ['/dispatch', '/workbench', '/supervision', '/callback'];

describe('the side menu', () => {
  it('shows the administrator no work queue he holds the permission of but cannot work', () => {
    const admin = viewer('admin');
    expect(admin.permissions).toEqual(expect.arrayContaining(['case.dispatch', 'case.accept']));
    for (const path of WORK_QUEUES) expect(pathsOf(admin), path).not.toContain(path);
    expect(pathsOf(admin)).toEqual(expect.arrayContaining(['/orgs', '/users', '/roles', '/cases']));
  });

  it.each([
    ['dispatcher', '/dispatch'],
    ['handler', '/workbench'],
    ['grid_worker', '/workbench'],
    ['supervisor', '/supervision'],
    ['leader', '/supervision'],
    ['agent', '/callback'],
  ] as const)('gives %s the queue %s he works', (role, path) => {
    expect(pathsOf(viewer(role))).toContain(path);
  });

  it('gives the centre’s staff the service orders and their numbers, and not the handling units', () => {
    for (const role of ['dispatcher', 'agent', 'admin'] as const) {
      expect(pathsOf(viewer(role)), role).toEqual(
        expect.arrayContaining(['/market/orders', '/market/stats']),
      );
    }
    expect(pathsOf(viewer('handler'))).not.toContain('/market/orders');
    expect(pathsOf(viewer('handler'))).not.toContain('/market/stats');
  });

  it('gives the centre’s dispatchers 商户管理 and the administrator 服务项目管理 too', () => {
    for (const role of ['dispatcher', 'admin'] as const) {
      expect(pathsOf(viewer(role)), role).toContain('/market/merchants');
    }
    for (const role of ['agent', 'handler', 'merchant', 'supervisor'] as const) {
      expect(pathsOf(viewer(role)), role).not.toContain('/market/merchants');
    }
    expect(pathsOf(viewer('admin'))).toContain('/market/items');
    expect(pathsOf(viewer('dispatcher'))).not.toContain('/market/items');
  });

  it('refuses a page by its address as it hides it from the menu', () => {
    const dispatch = findMenuPage('/dispatch')!;
    expect(canOpen(dispatch, viewer('admin'))).toBe(false);
    expect(canOpen(dispatch, viewer('dispatcher'))).toBe(true);
    // the role alone is not enough: the permission withdrawn closes the page too
    expect(canOpen(dispatch, { roles: ['dispatcher'], permissions: [] })).toBe(false);
  });

  it('shows the grid’s registers to those who keep or read them, and not to the hotline’s agent', () => {
    const registers = ['/grid/houses', '/grid/residents', '/grid/organisations', '/grid/visits'];
    for (const role of ['grid_worker', 'handler', 'dispatcher', 'supervisor', 'leader'] as const) {
      expect(pathsOf(viewer(role)), role).toEqual(expect.arrayContaining(registers));
    }
    expect(pathsOf(viewer('agent'))).not.toContain('/grid/residents');
  });

  it('opens the command hall’s wall for the leader and the centre’s staff, full screen', () => {
    for (const role of ['leader', 'dispatcher', 'supervisor', 'admin'] as const) {
      expect(pathsOf(viewer(role)), role).toContain('/dashboard');
    }
    for (const role of ['handler', 'grid_worker', 'agent'] as const) {
      expect(pathsOf(viewer(role)), role).not.toContain('/dashboard');
    }
    expect(findMenuPage('/dashboard')?.fullScreen).toBe(true);
  });

  it('leaves out a group none of whose pages the user may open', () => {
    const groups = visibleMenu({ roles: ['citizen'], permissions: [] }).filter(isMenuGroup);
    expect(groups).toEqual([]);
  });
});
