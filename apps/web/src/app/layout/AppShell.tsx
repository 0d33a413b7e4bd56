import { MenuOutlined } from '@ant-design/icons';
import type { MeResponse } from '@shanzhi/shared';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Result, theme } from 'antd';
import { createElement, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { BrandMark } from '../../components/BrandMark.js';
import { PageLoading } from '../../components/PageLoading.js';
import { ResultHeading } from '../../components/ResultHeading.js';
import { isConsoleUser } from '../../features/auth/console-users.js';
import { loadSession, useSession } from '../../features/auth/hooks/use-session.js';
import { type Translate, useI18n } from '../../i18n/I18nProvider.js';
import { OutsiderPage } from '../pages/OutsiderPage.js';
import { canOpen, findMenuPage, isMenuGroup, type MenuEntry, type MenuPage, visibleMenu } from './menu.js';
import { ShellHeaderActions } from './ShellHeaderActions.js';

/** The signed-in console: loads the user, then frames every staff page with the menu and the top bar. */
export function AppShell() {
  const session = useSession();
  const { t } = useI18n();

  useEffect(() => {
    void loadSession();
  }, []);

  if (session.status === 'error') {
    const { error } = session;
    const reason =
      error.code === 'NETWORK_ERROR'
        ? t('error.network')
        : error.code === 'BAD_RESPONSE'
          ? t('error.badResponse')
          : error.message;
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Result
          status="error"
          title={t('shell.loadFailed')}
          subTitle={reason}
          extra={
            <Button type="primary" onClick={() => void loadSession()}>
              {t('error.retry')}
            </Button>
          }
        />
      </Flex>
    );
  }
  if (session.status !== 'ready') return <PageLoading fullHeight label={t('shell.loading')} />;
  if (!isConsoleUser(session.me)) return <OutsiderPage />;
  return <ShellLayout me={session.me} />;
}

function ShellLayout({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // Until the first measurement, assume a desktop: most users sit at office screens.
  const isMobile = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  const entries = useMemo(() => visibleMenu(me), [me]);
  const items = useMemo(() => toMenuItems(entries, t), [entries, t]);
  const openKeys = useMemo(() => entries.filter(isMenuGroup).map((group) => group.key), [entries]);
  const page = findMenuPage(location.pathname);
  const allowed = page === undefined || canOpen(page, me);

  // The drawer closes once the user has picked a page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[location.pathname]}
      defaultOpenKeys={openKeys}
      inlineCollapsed={!isMobile && collapsed}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          height: 56,
          lineHeight: '56px',
          paddingInline: isMobile ? 8 : 16,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        {isMobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('shell.openMenu')}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link
          to="/"
          style={{ display: 'flex', alignItems: 'center', gap: 10, color: token.colorText, flex: 'none' }}
        >
          <BrandMark size={30} />
          <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{t('app.name')}</span>
          {!isMobile && screens.xl && (
            <span style={{ color: token.colorTextSecondary, fontSize: 14 }}>{t('app.fullName')}</span>
          )}
        </Link>
        <div style={{ flex: 1 }} />
        <ShellHeaderActions me={me} compact={isMobile} />
      </Layout.Header>
      <Layout>
        {isMobile ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            width={256}
            title={t('app.name')}
            styles={{ body: { padding: 8 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            theme="light"
            width={216}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            // below the sticky header and as tall as the window: a menu longer than the window scrolls on
            // its own, clear of the collapse button pinned at the bottom
            style={{
              borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
              position: 'sticky',
              top: 56,
              height: 'calc(100vh - 56px)',
            }}
          >
            <nav
              aria-label={t('shell.mainMenu')}
              style={{ paddingBlock: 8, height: '100%', overflowY: 'auto', overscrollBehavior: 'contain' }}
            >
              {menu}
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isMobile ? 16 : 24, minWidth: 0 }}>
          {/* Layout.Content is the page's <main> */}
          {allowed ? (
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          ) : (
            <Result
              status="403"
              title={<ResultHeading>{t('forbidden.title')}</ResultHeading>}
              subTitle={t('forbidden.description')}
            />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(entries: MenuEntry[], t: Translate): MenuItem[] {
  const toItem = (page: MenuPage): MenuItem => ({
    key: page.path,
    icon: createElement(page.icon),
    label: page.fullScreen ? (
      <a href={page.path} target="_blank" rel="noopener">
        {t(page.labelKey)}
      </a>
    ) : (
      <Link to={page.path}>{t(page.labelKey)}</Link>
    ),
  });
  return entries.map((entry) =>
    isMenuGroup(entry)
      ? {
          key: entry.key,
          icon: createElement(entry.icon),
          label: t(entry.labelKey),
          children: entry.pages.map(toItem),
        }
      : toItem(entry),
  );
}
