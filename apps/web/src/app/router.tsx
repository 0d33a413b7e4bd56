import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading.js';
import { type MenuPage, menuPages } from './layout/menu.js';
import { RouteErrorPage } from './pages/RouteErrorPage.js';

// One chunk per page: the entry holds React, the router and the antd core; each page brings its own weight.
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const LoginPage = lazyPage(() => import('../features/auth/pages/LoginPage.js').then((m) => m.LoginPage));
const PortalPage = lazyPage(() => import('../features/portal/pages/PortalPage.js').then((m) => m.PortalPage));
const AppShell = lazyPage(() => import('./layout/AppShell.js').then((m) => m.AppShell));
const HomePage = lazyPage(() => import('../features/home/pages/HomePage.js').then((m) => m.HomePage));
const UnderConstructionPage = lazyPage(() =>
  import('./pages/UnderConstructionPage.js').then((m) => m.UnderConstructionPage),
);
const OrgsPage = lazyPage(() => import('../features/orgs/pages/OrgsPage.js').then((m) => m.OrgsPage));
const UsersPage = lazyPage(() => import('../features/users/pages/UsersPage.js').then((m) => m.UsersPage));
const RolesPage = lazyPage(() => import('../features/users/pages/RolesPage.js').then((m) => m.RolesPage));
const CatalogPage = lazyPage(() =>
  import('../features/catalog/pages/CatalogPage.js').then((m) => m.CatalogPage),
);
const CalendarPage = lazyPage(() =>
  import('../features/calendar/pages/CalendarPage.js').then((m) => m.CalendarPage),
);
const KnowledgePage = lazyPage(() =>
  import('../features/knowledge/pages/KnowledgePage.js').then((m) => m.KnowledgePage),
);
const SettingsPage = lazyPage(() =>
  import('../features/settings/pages/SettingsPage.js').then((m) => m.SettingsPage),
);
const AuditPage = lazyPage(() => import('../features/audit/pages/AuditPage.js').then((m) => m.AuditPage));
const CaseSearchPage = lazyPage(() =>
  import('../features/case-search/pages/CaseSearchPage.js').then((m) => m.CaseSearchPage),
);
const SupervisionPage = lazyPage(() =>
  import('../features/supervision/pages/SupervisionPage.js').then((m) => m.SupervisionPage),
);
const CallbackPage = lazyPage(() =>
  import('../features/supervision/pages/CallbackPage.js').then((m) => m.CallbackPage),
);
const MeasuresPage = lazyPage(() =>
  import('../features/measures/pages/MeasuresPage.js').then((m) => m.MeasuresPage),
);
const IntakePage = lazyPage(() => import('../features/intake/pages/IntakePage.js').then((m) => m.IntakePage));
const DispatchPage = lazyPage(() =>
  import('../features/dispatch/pages/DispatchPage.js').then((m) => m.DispatchPage),
);
const WorkbenchPage = lazyPage(() =>
  import('../features/workbench/pages/WorkbenchPage.js').then((m) => m.WorkbenchPage),
);
const CaseDetailPage = lazyPage(() =>
  import('../features/case-detail/pages/CaseDetailPage.js').then((m) => m.CaseDetailPage),
);
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage.js').then((m) => m.NotFoundPage));

/** The pages built so far, by menu path; a menu entry without one shows 「建设中」. */
const PAGES: Record<string, ComponentType> = {
  '/orgs': OrgsPage,
  '/users': UsersPage,
  '/roles': RolesPage,
  '/catalog': CatalogPage,
  '/calendar': CalendarPage,
  '/knowledge': KnowledgePage,
  '/settings': SettingsPage,
  '/audit': AuditPage,
  '/intake': IntakePage,
  '/dispatch': DispatchPage,
  '/workbench': WorkbenchPage,
  '/cases': CaseSearchPage,
  '/supervision': SupervisionPage,
  '/callback': CallbackPage,
  '/measures': MeasuresPage,
};

function pageElement(page: MenuPage) {
  const Page = PAGES[page.path];
  return Page ? <Page /> : <UnderConstructionPage labelKey={page.labelKey} />;
}

function RootLayout() {
  return (
    <Suspense fallback={<PageLoading fullHeight />}>
      <Outlet />
    </Suspense>
  );
}

/** The routes of the web app. Console pages come from the menu config, so a menu entry always has a page. */
export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/portal', element: <PortalPage /> },
      {
        path: '/',
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/cases/:id', element: <CaseDetailPage /> },
          ...menuPages()
            .filter((page) => page.path !== '/')
            .map((page) => ({
              path: page.path,
              element: pageElement(page),
            })),
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
