import {
  AimOutlined,
  CameraOutlined,
  CloudUploadOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  LogoutOutlined,
  MoreOutlined,
  ProfileOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import type { MeResponse } from '@shanzhi/shared';
import { App as AntApp, Badge, Button, Dropdown, Flex, Result, Tag } from 'antd';
import { type ComponentType, Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { BrandMark } from '../../../components/BrandMark.js';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { ResultHeading } from '../../../components/ResultHeading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';
import { logout } from '../../auth/api/auth.api.js';
import { clearSession, getSession, loadSession, useSession } from '../../auth/hooks/use-session.js';
import { pauseTracking, resumePatrol } from '../patrol-tracker.js';
import { PHONE_HOME, worksOnThePhone } from '../phone-landing.js';
import { forgetPhoneReads, installPhoneApp, keepReadsForOffline } from '../pwa/register-phone-app.js';
import { startUploadQueue, stopUploadQueue, useUploadQueue } from '../upload-queue.js';
import styles from './PhoneShell.module.css';

/** The phone app's tabs, at the bottom of the screen where a thumb reaches. */
const TABS: { to: string; labelKey: MessageKey; icon: ComponentType; end?: boolean }[] = [
  { to: PHONE_HOME, labelKey: 'phone.nav.patrol', icon: AimOutlined, end: true },
  { to: '/m/report', labelKey: 'phone.nav.report', icon: CameraOutlined },
  { to: '/m/findings', labelKey: 'phone.nav.findings', icon: ProfileOutlined },
  { to: '/m/tasks', labelKey: 'phone.nav.tasks', icon: ScheduleOutlined },
  { to: '/m/households', labelKey: 'phone.nav.households', icon: HomeOutlined },
  { to: '/m/map', labelKey: 'phone.nav.map', icon: EnvironmentOutlined },
];

/**
 * The grid worker's phone app (`/m/`): a phone-width frame with his grid at the top, what waits to be sent,
 * and the tabs at the bottom. Signs in with the normal login; starts the upload queue and picks up a patrol
 * the phone was on.
 */
export function PhoneShell() {
  const session = useSession();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    installPhoneApp();
    void loadSession();
    // opened without a network and without a kept answer: who is signed in is asked again when it returns
    const retry = () => {
      if (getSession().status === 'error') void loadSession();
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, []);

  // the service worker's scope is `/m/`: the bare `/m` is outside it
  useEffect(() => {
    if (location.pathname === '/m') navigate(PHONE_HOME, { replace: true });
  }, [location.pathname, navigate]);

  if (session.status === 'error') {
    return <ErrorState error={session.error} onRetry={() => void loadSession()} />;
  }
  if (session.status !== 'ready') return <PageLoading fullHeight label={t('phone.loading')} />;
  if (!worksOnThePhone(session.me)) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <main>
          <Result
            status="403"
            title={<ResultHeading>{t('phone.notGridWorker')}</ResultHeading>}
            subTitle={t('phone.notGridWorkerHint')}
            extra={
              <Link to="/">
                <Button type="primary">{t('phone.toConsole')}</Button>
              </Link>
            }
          />
        </main>
      </Flex>
    );
  }
  return <PhoneFrame me={session.me} />;
}

function PhoneFrame({ me }: { me: MeResponse }) {
  const { t } = useI18n();
  const { modal } = AntApp.useApp();
  const navigate = useNavigate();
  const queue = useUploadQueue();

  useEffect(() => {
    startUploadQueue(me.user.id);
    resumePatrol(me.user.id);
    // what the app needs to open and report offline: who he is, his grid, the admission list, the catalog
    keepReadsForOffline([
      '/api/v1/me',
      `/api/v1/orgs/${me.org.id}`,
      '/api/v1/catalog/grid-items',
      '/api/v1/grid/admission-extras',
      '/api/v1/catalog/categories',
    ]);
  }, [me.user.id, me.org.id]);

  async function signOut() {
    const waiting = queue.items.length;
    if (waiting > 0) {
      const confirmed = await modal.confirm({
        title: t('phone.logout'),
        content: t('phone.logoutWaiting', { count: waiting }),
      });
      if (!confirmed) return;
    }
    await logout().catch(() => undefined);
    pauseTracking();
    stopUploadQueue();
    await forgetPhoneReads();
    clearSession();
    navigate('/login', { replace: true });
  }

  return (
    <div className={styles.app}>
      <header className={styles.header}>
        <BrandMark size={30} />
        <div className={styles.title}>
          <span className={styles.titleName}>{t('phone.title')}</span>
          <span className={styles.titleGrid}>
            {me.org.name} · {me.user.displayName}
          </span>
        </div>
        {!queue.online && <Tag color="default">{t('phone.offline')}</Tag>}
        <Link
          to="/m/outbox"
          className={styles.outboxLink}
          aria-label={t('phone.outbox.badge', { count: queue.items.length })}
        >
          <Badge count={queue.items.length} size="small">
            <CloudUploadOutlined className={styles.outboxIcon} />
          </Badge>
        </Link>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'console',
                icon: <DesktopOutlined />,
                label: <Link to="/">{t('phone.toConsole')}</Link>,
              },
              {
                key: 'logout',
                icon: <LogoutOutlined />,
                label: t('phone.logout'),
                onClick: () => void signOut(),
              },
            ],
          }}
        >
          <Button type="text" icon={<MoreOutlined />} aria-label={t('phone.menu')} />
        </Dropdown>
      </header>
      <main className={styles.main}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className={styles.nav} aria-label={t('phone.nav')}>
        {TABS.map(({ to, labelKey, icon: Icon, end }) => (
          <NavLink
            key={to}
            to={to}
            end={end}
            className={({ isActive }) => `${styles.navItem} ${isActive ? styles.navItemActive : ''}`}
          >
            <Icon />
            <span>{t(labelKey)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
