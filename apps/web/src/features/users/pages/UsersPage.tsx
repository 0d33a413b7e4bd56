import { LockOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@shanzhi/shared';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { roleLabel } from '../../../i18n/labels.js';
import { usePagedList } from '../../../platform/lists/use-paged-list.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { fetchUsers, type UserFilters, type UserView, unlockUser } from '../api/users.api.js';
import { type UserDialog, UserFormModal } from '../components/UserFormModal.js';

/** 用户管理: users in scope with server-side paging and filters, and the administrator's writes. */
export function UsersPage() {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const canWrite = usePermission('user.write');
  const canSetRoles = usePermission('role.write');
  const [keyword, setKeyword] = useState('');
  const [dialog, setDialog] = useState<UserDialog | null>(null);
  const users = usePagedList(fetchUsers, { active: 'all' } as UserFilters);
  const { list, query: filters, filter } = users;

  function unlock(user: UserView) {
    modal.confirm({
      title: t('users.unlockConfirm', { name: user.displayName }),
      onOk: async () => {
        try {
          await unlockUser(user.id);
          message.success(t('users.unlocked'));
          list.reload();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });
  }

  return (
    <Flex vertical>
      <PageTitle
        title={t('menu.users')}
        description={t('users.description')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }} role="search">
          <OrgTreeSelect
            allowClear
            placeholder={t('users.filterOrg')}
            aria-label={t('users.filterOrg')}
            value={filters.orgId ?? null}
            onChange={(orgId) => filter({ orgId })}
            style={{ width: 240 }}
          />
          <Select<Role>
            allowClear
            placeholder={t('users.filterRole')}
            aria-label={t('users.filterRole')}
            style={{ width: 160 }}
            value={filters.role}
            onChange={(role) => filter({ role })}
            options={ROLES.map((role) => ({ value: role, label: roleLabel(role, locale) }))}
          />
          <Select
            style={{ width: 120 }}
            value={filters.active ?? 'all'}
            onChange={(active) => filter({ active })}
            options={[
              { value: 'all', label: t('users.allStates') },
              { value: 'true', label: t('users.enabled') },
              { value: 'false', label: t('users.disabled') },
            ]}
            aria-label={t('users.active')}
          />
          <Input.Search
            allowClear
            placeholder={t('users.keyword')}
            style={{ width: 240 }}
            value={keyword}
            onChange={(event) => setKeyword(event.target.value)}
            onSearch={(q) => filter({ q: q.trim() || undefined })}
            aria-label={t('users.keyword')}
          />
          <Tooltip title={t('common.refresh')}>
            <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          </Tooltip>
        </Flex>
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<UserView>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{ emptyText: t('users.empty') }}
            pagination={users.pagination(t)}
            columns={[
              {
                title: t('users.username'),
                dataIndex: 'username',
                width: 140,
                render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
              },
              { title: t('users.displayName'), dataIndex: 'displayName', width: 180, ellipsis: true },
              { title: t('users.org'), dataIndex: 'orgName', ellipsis: true },
              {
                title: t('users.roles'),
                dataIndex: 'roles',
                width: 180,
                render: (roles: string[]) =>
                  roles.map((role) => (
                    <Tag key={role} color="blue" bordered={false}>
                      {roleLabel(role, locale)}
                    </Tag>
                  )),
              },
              {
                title: t('users.phone'),
                dataIndex: 'phone',
                width: 130,
                render: (p: string | null) => p ?? '—',
              },
              {
                title: t('users.state'),
                key: 'state',
                width: 120,
                render: (_: unknown, user) => (
                  <Space size={4} wrap>
                    {user.active ? (
                      <Tag color="success">{t('users.enabled')}</Tag>
                    ) : (
                      <Tag>{t('users.disabled')}</Tag>
                    )}
                    {user.locked && (
                      <Tag color="error" icon={<LockOutlined />}>
                        {t('users.locked')}
                      </Tag>
                    )}
                  </Space>
                ),
              },
              {
                title: t('users.lastLogin'),
                dataIndex: 'lastLoginAt',
                width: 150,
                render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : t('users.never')),
              },
              ...(canWrite || canSetRoles
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      fixed: 'right' as const,
                      width: 230,
                      render: (_: unknown, user: UserView) => (
                        <Space size={0} wrap>
                          {canWrite && (
                            <Button
                              type="link"
                              size="small"
                              onClick={() => setDialog({ kind: 'edit', user })}
                            >
                              {t('common.edit')}
                            </Button>
                          )}
                          {canSetRoles && (
                            <Button
                              type="link"
                              size="small"
                              onClick={() => setDialog({ kind: 'roles', user })}
                            >
                              {t('users.setRoles')}
                            </Button>
                          )}
                          {canWrite && (
                            <Button
                              type="link"
                              size="small"
                              onClick={() => setDialog({ kind: 'password', user })}
                            >
                              {t('users.resetPassword')}
                            </Button>
                          )}
                          {canWrite && user.locked && (
                            <Button type="link" size="small" danger onClick={() => unlock(user)}>
                              {t('users.unlock')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <UserFormModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          list.reload();
        }}
      />
    </Flex>
  );
}
