import { GlobalOutlined, MobileOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, Row, Tag, Typography, theme } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { isMenuGroup, visibleMenu } from '../../../app/layout/menu.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { orgKindLabel, roleLabel } from '../../../i18n/labels.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { PHONE_HOME, worksOnThePhone } from '../../grid-phone/phone-landing.js';

/** One shortcut on the home page: an icon, the page's name and what it is for. */
function Shortcut({
  to,
  icon: Icon,
  label,
  hint,
  reloadDocument = false,
}: {
  to: string;
  icon: ComponentType;
  label: ReactNode;
  hint: string;
  /** loads the page afresh rather than through the router (the phone app, for its service worker) */
  reloadDocument?: boolean;
}) {
  const { token } = theme.useToken();
  return (
    <Link to={to} reloadDocument={reloadDocument} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Flex gap={12} align="flex-start">
          <span style={{ fontSize: 22, color: token.colorPrimary, lineHeight: 1 }}>
            <Icon />
          </span>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text strong>{label}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hint}
            </Typography.Text>
          </Flex>
        </Flex>
      </Card>
    </Link>
  );
}

/**
 * The console's landing page: who you are and where you sit in the org tree, then shortcuts to the pages
 * your roles open (the same list as the side menu) and to the citizen portal.
 */
export function HomePage() {
  const session = useSession();
  const { t, locale } = useI18n();
  // The shell renders pages only once the session is ready.
  if (session.status !== 'ready') return null;
  const { user, org, roles } = session.me;
  const pages = visibleMenu(session.me)
    .flatMap((entry) => (isMenuGroup(entry) ? entry.pages : [entry]))
    .filter((page) => page.hintKey !== undefined);

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 24, lineHeight: 1.35 }}>
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
          <Descriptions.Item label={t('home.roles')}>
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
      <Card title={t('home.shortcuts')}>
        <Row gutter={[12, 12]}>
          {pages.map((page) => (
            <Col key={page.path} xs={24} sm={12} lg={8} xxl={6}>
              <Shortcut to={page.path} icon={page.icon} label={t(page.labelKey)} hint={t(page.hintKey!)} />
            </Col>
          ))}
          {worksOnThePhone(session.me) && (
            <Col xs={24} sm={12} lg={8} xxl={6}>
              <Shortcut
                to={PHONE_HOME}
                reloadDocument
                icon={MobileOutlined}
                label={t('home.phone')}
                hint={t('home.phoneHint')}
              />
            </Col>
          )}
          <Col xs={24} sm={12} lg={8} xxl={6}>
            <Shortcut
              to="/portal"
              icon={GlobalOutlined}
              label={t('home.portal')}
              hint={t('home.portalHint')}
            />
          </Col>
        </Row>
      </Card>
    </Flex>
  );
}
