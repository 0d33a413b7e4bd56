import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { Permission, Role } from '@shanzhi/shared';
import { App, Button, Card, Checkbox, Flex, Table, Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { roleLabel } from '../../../i18n/labels.js';
import { permissionGroupLabel, permissionGroupOf, permissionLabel } from '../../../i18n/permission-labels.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { fetchRoles, setRolePermissions } from '../api/users.api.js';

/** 角色权限: the role × permission matrix; each role's column is saved on its own. */
export function RolesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canWrite = usePermission('role.write');
  const data = useApi((signal) => fetchRoles(signal), []);
  const [draft, setDraft] = useState<Map<Role, Set<Permission>>>(new Map());
  const [saving, setSaving] = useState<Role | null>(null);

  useEffect(() => {
    if (data.data) setDraft(new Map(data.data.roles.map((r) => [r.role, new Set(r.permissions)])));
  }, [data.data]);

  const saved = useMemo(
    () => new Map((data.data?.roles ?? []).map((r) => [r.role, new Set(r.permissions)])),
    [data.data],
  );
  const isDirty = (role: Role) => {
    const a = draft.get(role);
    const b = saved.get(role);
    if (!a || !b) return false;
    return a.size !== b.size || [...a].some((p) => !b.has(p));
  };

  function toggle(role: Role, permission: Permission, on: boolean) {
    setDraft((previous) => {
      const next = new Map(previous);
      const set = new Set(next.get(role));
      if (on) set.add(permission);
      else set.delete(permission);
      next.set(role, set);
      return next;
    });
  }

  async function save(role: Role) {
    setSaving(role);
    try {
      const answer = await setRolePermissions(role, [...(draft.get(role) ?? [])].sort());
      message.success(t('roles.saved', { role: roleLabel(role, locale) }));
      if (data.data) {
        data.setData({
          ...data.data,
          roles: data.data.roles.map((r) =>
            r.role === role ? { ...r, permissions: answer.permissions } : r,
          ),
        });
      }
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setSaving(null);
    }
  }

  if (data.error) return <ErrorState error={data.error} onRetry={data.reload} />;

  const roles = data.data?.roles ?? [];

  return (
    <Flex vertical>
      <PageTitle title={t('menu.roles')} description={t('roles.description')} />
      <Card size="small">
        <Table<{ permission: Permission }>
          rowKey="permission"
          size="small"
          loading={data.loading}
          pagination={false}
          sticky
          scroll={{ x: 'max-content' }}
          dataSource={(data.data?.permissions ?? []).map((permission) => ({ permission }))}
          columns={[
            {
              title: t('roles.permission'),
              dataIndex: 'permission',
              fixed: 'left',
              width: 240,
              render: (permission: string) => (
                <Flex gap={6} align="center">
                  <Tag bordered={false}>{permissionGroupLabel(permissionGroupOf(permission), locale)}</Tag>
                  <Tooltip title={permission}>
                    <span>{permissionLabel(permission, locale)}</span>
                  </Tooltip>
                </Flex>
              ),
            },
            ...roles.map((r) => ({
              key: r.role,
              align: 'center' as const,
              width: 86,
              title: (
                <Flex vertical align="center" gap={4}>
                  <span style={{ whiteSpace: 'nowrap' }}>{roleLabel(r.role, locale)}</span>
                  {canWrite && (
                    <Flex gap={2}>
                      <Tooltip title={t('common.save')}>
                        <Button
                          size="small"
                          type={isDirty(r.role) ? 'primary' : 'default'}
                          icon={<SaveOutlined />}
                          disabled={!isDirty(r.role)}
                          loading={saving === r.role}
                          onClick={() => void save(r.role)}
                          aria-label={`${t('common.save')} ${roleLabel(r.role, locale)}`}
                        />
                      </Tooltip>
                      <Tooltip title={t('roles.undo')}>
                        <Button
                          size="small"
                          icon={<UndoOutlined />}
                          disabled={!isDirty(r.role)}
                          onClick={() => setDraft((d) => new Map(d).set(r.role, new Set(saved.get(r.role))))}
                          aria-label={t('roles.undo')}
                        />
                      </Tooltip>
                    </Flex>
                  )}
                </Flex>
              ),
              render: (_: unknown, row: { permission: Permission }) => (
                <Checkbox
                  checked={draft.get(r.role)?.has(row.permission) ?? false}
                  disabled={!canWrite}
                  onChange={(event) => toggle(r.role, row.permission, event.target.checked)}
                  aria-label={`${roleLabel(r.role, locale)} ${permissionLabel(row.permission, locale)}`}
                />
              ),
            })),
          ]}
        />
      </Card>
    </Flex>
  );
}
