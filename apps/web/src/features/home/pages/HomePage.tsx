import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel, roleLabel } from '../../../i18n/labels.js';
import { useSession } from '../../auth/hooks/use-session.js';

/** The console's landing page: who you are, where you sit in the org tree, and what you may do. */
export function HomePage() {
  const session = useSession();
  const { t, locale } = useI18n();
  // The shell renders pages only once the session is ready.
  if (session.status !== 'ready') return null;
  const { user, org, roles, permissions } = session.me;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          bordered
          size="middle"
          styles={{ label: { whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('home.account')}>
            {user.displayName}（{user.username}）
          </Descriptions.Item>
          <Descriptions.Item label={t('home.org')}>{org.name}</Descriptions.Item>
          <Descriptions.Item label={t('home.orgKind')}>{orgKindLabel(org.kind, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('home.orgCode')}>
            <Typography.Text code>{org.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.roles')} span={2}>
            {roles.length === 0
              ? t('home.noRoles')
              : roles.map((role) => (
                  <Tag key={role} color="blue">
                    {roleLabel(role, locale)}
                  </Tag>
                ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('home.permissions')}>
        {permissions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noPermissions')} />
        ) : (
          <Flex wrap gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {[...permissions].sort().map((permission) => (
              <li key={permission}>
                <Tag style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}>
                  {permission}
                </Tag>
              </li>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
