import { PERMISSIONS } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import { permissionGroupLabel, permissionGroupOf, permissionLabel } from './permission-labels.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe('the permissions as 角色权限 shows them', () => {
  it.each(PERMISSIONS)('labels %s in Chinese and in English, never by its code', (permission) => {
    const zh = permissionLabel(permission, 'zh-CN');
    const en = permissionLabel(permission, 'en');
    expect(zh).toMatch(CHINESE);
    expect(zh).not.toContain(permission);
    expect(en).not.toMatch(CHINESE);
    expect(en).not.toBe(permission);
  });

  it.each([...new Set(PERMISSIONS.map(permissionGroupOf))])('labels the group %s', (group) => {
    expect(permissionGroupLabel(group, 'zh-CN')).toMatch(CHINESE);
    expect(permissionGroupLabel(group, 'en')).not.toBe(group);
  });

  it('says that configuring mediation covers its committees and mediators', () => {
    expect(permissionLabel('mediation.configure', 'zh-CN')).toBe('维护调解组织、调解员与补贴标准');
    expect(permissionLabel('mediation.configure', 'en')).toContain('mediators');
  });

  it('takes a lifecycle action’s own label for its permission', () => {
    expect(permissionLabel('case.dispatch', 'zh-CN')).toBe('派单');
    expect(permissionGroupOf('case.dispatch')).toBe('case');
  });
});
