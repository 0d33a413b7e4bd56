import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading.js';
import { menuPages } from './layout/menu.js';
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
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage.js').then((m) => m.NotFoundPage));

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
          ...menuPages()
            .filter((page) => page.path !== '/')
            .map((page) => ({
              path: page.path,
              element: <UnderConstructionPage labelKey={page.labelKey} />,
            })),
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
