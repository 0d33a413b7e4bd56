import { EditOutlined, PlusOutlined, PoweroffOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { ErrorState } from '../../../components/ErrorState.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { gridStaffRoleLabel, orgKindLabel } from '../../../i18n/labels.js';
import type { ApiState } from '../../../platform/api/index.js';
import { type GridStaff, type OrgDetail, type OrgSummary, setOrgActive } from '../api/orgs.api.js';

const STAFF_ORDER = ['leader', 'police', 'full_time', 'part_time'];

/** One org: where it sits, its code and kind, its grid staff, and the administrator's actions. */
export function OrgDetailPanel({
  detail,
  canWrite,
  onSelect,
  onCreateChild,
  onEdit,
  onChanged,
}: {
  detail: ApiState<OrgDetail | undefined> | null;
  canWrite: boolean;
  onSelect: (id: number) => void;
  onCreateChild: (parent: OrgDetail) => void;
  onEdit: (org: OrgDetail) => void;
  onChanged: (org: OrgSummary) => void;
}) {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();

  if (!detail) {
    return (
      <Card size="small">
        <Empty description={t('orgs.pickOne')} />
      </Card>
    );
  }
  if (detail.error) {
    return (
      <Card size="small">
        <ErrorState compact error={detail.error} onRetry={detail.reload} />
      </Card>
    );
  }
  const org = detail.data;
  if (!org) return <Card size="small" loading />;

  function toggleActive(target: OrgDetail) {
    const activate = !target.active;
    modal.confirm({
      title: activate
        ? t('orgs.activateConfirm', { name: target.name })
        : t('orgs.deactivateConfirm', { name: target.name }),
      content: activate ? undefined : t('orgs.deactivateHint'),
      okText: activate ? t('orgs.activate') : t('orgs.deactivate'),
      okButtonProps: { danger: !activate },
      onOk: async () => {
        try {
          const saved = await setOrgActive(target.id, activate, target.version);
          message.success(activate ? t('orgs.activated') : t('orgs.deactivated'));
          onChanged(saved);
        } catch (error) {
          modal.error({ title: t('orgs.saveFailed'), content: errorText(error, t) });
          detail?.reload();
        }
      },
    });
  }

  const staff = [...org.staff].sort((a, b) => STAFF_ORDER.indexOf(a.role) - STAFF_ORDER.indexOf(b.role));

  return (
    <Card
      size="small"
      loading={detail.loading && !detail.data}
      title={
        <Flex align="center" gap={8} wrap>
          <span>{org.name}</span>
          <Tag color="blue" bordered={false}>
            {orgKindLabel(org.kind, locale)}
          </Tag>
          {org.active ? <Tag color="success">{t('orgs.active')}</Tag> : <Tag>{t('orgs.inactive')}</Tag>}
        </Flex>
      }
      extra={
        canWrite && (
          <Flex gap={8} wrap>
            {org.kind !== 'grid' && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onCreateChild(org)}>
                {t('orgs.createChild')}
              </Button>
            )}
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(org)}>
              {t('common.edit')}
            </Button>
            <Button
              size="small"
              danger={org.active}
              icon={<PoweroffOutlined />}
              onClick={() => toggleActive(org)}
            >
              {org.active ? t('orgs.deactivate') : t('orgs.activate')}
            </Button>
          </Flex>
        )
      }
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          ...org.ancestors.map((a) => ({
            key: a.id,
            title: (
              <Typography.Link onClick={() => onSelect(a.id)} aria-label={a.name}>
                {a.name}
              </Typography.Link>
            ),
          })),
          { key: org.id, title: org.name },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 3, xxl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
      >
        {/* the code is the administrators' handle on an org (imports, the catalog's default units) */}
        {canWrite && (
          <Descriptions.Item label={t('orgs.code')}>
            <Typography.Text code copyable>
              {org.code}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('orgs.kind')}>{orgKindLabel(org.kind, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.childCount')}>{org.childCount}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.center')}>
          {org.center ? `${org.center.lng.toFixed(5)}, ${org.center.lat.toFixed(5)}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('orgs.boundary')}>
          {org.hasBoundary ? t('orgs.hasBoundary') : t('orgs.noBoundary')}
        </Descriptions.Item>
        <Descriptions.Item label={t('orgs.status')}>
          {org.active ? t('orgs.active') : t('orgs.inactive')}
        </Descriptions.Item>
      </Descriptions>
      {org.kind === 'grid' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('orgs.staffTitle')}
          </Typography.Title>
          <Table<GridStaff>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={staff}
            locale={{ emptyText: t('orgs.staffEmpty') }}
            columns={[
              {
                title: t('orgs.staffRole'),
                dataIndex: 'role',
                width: 160,
                render: (role: string) => (
                  <Tag color={role === 'part_time' ? 'default' : 'blue'}>
                    {gridStaffRoleLabel(role, locale)}
                  </Tag>
                ),
              },
              { title: t('orgs.staffName'), dataIndex: 'name' },
              {
                title: t('orgs.staffPhone'),
                dataIndex: 'phone',
                render: (phone: string | null) => phone ?? '—',
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
