import { type ComponentType, lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

// One chunk per screen, as the console's pages; the service worker keeps them all for the phone.
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const PhoneShell = lazyPage(() => import('./pages/PhoneShell.js').then((m) => m.PhoneShell));
const PatrolPage = lazyPage(() => import('./pages/PatrolPage.js').then((m) => m.PatrolPage));
const ReportFindingPage = lazyPage(() =>
  import('./pages/ReportFindingPage.js').then((m) => m.ReportFindingPage),
);
const MyFindingsPage = lazyPage(() => import('./pages/MyFindingsPage.js').then((m) => m.MyFindingsPage));
const FindingPage = lazyPage(() => import('./pages/FindingPage.js').then((m) => m.FindingPage));
const MyTasksPage = lazyPage(() => import('./pages/MyTasksPage.js').then((m) => m.MyTasksPage));
const MyHouseholdsPage = lazyPage(() =>
  import('./pages/MyHouseholdsPage.js').then((m) => m.MyHouseholdsPage),
);
const HouseholdDetailPage = lazyPage(() =>
  import('./pages/HouseholdDetailPage.js').then((m) => m.HouseholdDetailPage),
);
const GridMapPage = lazyPage(() => import('./pages/GridMapPage.js').then((m) => m.GridMapPage));
const OutboxPage = lazyPage(() => import('./pages/OutboxPage.js').then((m) => m.OutboxPage));

/** The grid worker's phone app (`/m/`): its own frame, outside the console's menu and top bar. */
export const phoneRoutes: RouteObject = {
  path: '/m',
  element: <PhoneShell />,
  children: [
    { index: true, element: <PatrolPage /> },
    { path: 'report', element: <ReportFindingPage /> },
    { path: 'findings', element: <MyFindingsPage /> },
    { path: 'findings/:id', element: <FindingPage /> },
    { path: 'tasks', element: <MyTasksPage /> },
    { path: 'households', element: <MyHouseholdsPage /> },
    { path: 'households/:id', element: <HouseholdDetailPage /> },
    { path: 'map', element: <GridMapPage /> },
    { path: 'outbox', element: <OutboxPage /> },
  ],
};
