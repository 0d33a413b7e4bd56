import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { PageLoading } from '../components/PageLoading.js';
import { phoneRoutes } from '../features/grid-phone/phone-routes.js';
import { type MenuPage, menuPages } from './layout/menu.js';
import { RouteErrorPage } from './pages/RouteErrorPage.js';

// One chunk per page: the entry holds React, the router and the antd core; each page brings its own weight.
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const LoginPage = lazyPage(() => import('../features/auth/pages/LoginPage.js').then((m) => m.LoginPage));
const PortalPage = lazyPage(() => import('../features/portal/pages/PortalPage.js').then((m) => m.PortalPage));
const PortalMediationPage = lazyPage(() =>
  import('../features/portal-mediation/pages/PortalMediationPage.js').then((m) => m.PortalMediationPage),
);
const PortalPetitionPage = lazyPage(() =>
  import('../features/portal-petitions/pages/PortalPetitionPage.js').then((m) => m.PortalPetitionPage),
);
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
const Open311Page = lazyPage(() =>
  import('../features/open311/pages/Open311Page.js').then((m) => m.Open311Page),
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
const ReportsPage = lazyPage(() =>
  import('../features/reports/pages/ReportsPage.js').then((m) => m.ReportsPage),
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
const GridStatsPage = lazyPage(() =>
  import('../features/grid-work/pages/GridStatsPage.js').then((m) => m.GridStatsPage),
);
const GridFindingsPage = lazyPage(() =>
  import('../features/grid-work/pages/FindingsPage.js').then((m) => m.FindingsPage),
);
const GridFindingDetailPage = lazyPage(() =>
  import('../features/grid-work/pages/FindingDetailPage.js').then((m) => m.FindingDetailPage),
);
const GridPatrolsPage = lazyPage(() =>
  import('../features/grid-work/pages/PatrolsPage.js').then((m) => m.PatrolsPage),
);
const GridMissedPage = lazyPage(() =>
  import('../features/grid-work/pages/MissedPatrolsPage.js').then((m) => m.MissedPatrolsPage),
);
const GridTasksPage = lazyPage(() =>
  import('../features/grid-work/pages/GridTasksPage.js').then((m) => m.GridTasksPage),
);
const GridAdmissionPage = lazyPage(() =>
  import('../features/grid-work/pages/AdmissionPage.js').then((m) => m.AdmissionPage),
);
const HousesPage = lazyPage(() =>
  import('../features/grid-registers/pages/HousesPage.js').then((m) => m.HousesPage),
);
const ResidentsPage = lazyPage(() =>
  import('../features/grid-registers/pages/ResidentsPage.js').then((m) => m.ResidentsPage),
);
const OrganisationsPage = lazyPage(() =>
  import('../features/grid-registers/pages/OrganisationsPage.js').then((m) => m.OrganisationsPage),
);
const VisitsPage = lazyPage(() =>
  import('../features/grid-registers/pages/VisitsPage.js').then((m) => m.VisitsPage),
);
const HouseholdPage = lazyPage(() =>
  import('../features/grid-registers/pages/HouseholdPage.js').then((m) => m.HouseholdPage),
);
const RegisterDisputePage = lazyPage(() =>
  import('../features/mediation/pages/RegisterDisputePage.js').then((m) => m.RegisterDisputePage),
);
const DisputesPage = lazyPage(() =>
  import('../features/mediation/pages/DisputesPage.js').then((m) => m.DisputesPage),
);
const MyDisputesPage = lazyPage(() =>
  import('../features/mediation/pages/DisputesPage.js').then((m) => m.MyDisputesPage),
);
const DisputeDetailPage = lazyPage(() =>
  import('../features/mediation/pages/DisputeDetailPage.js').then((m) => m.DisputeDetailPage),
);
const MediationStatsPage = lazyPage(() =>
  import('../features/mediation/pages/MediationStatsPage.js').then((m) => m.MediationStatsPage),
);
const CommitteesPage = lazyPage(() =>
  import('../features/mediation/pages/CommitteesPage.js').then((m) => m.CommitteesPage),
);
const PetitionsPage = lazyPage(() =>
  import('../features/petitions/pages/PetitionsPage.js').then((m) => m.PetitionsPage),
);
const PetitionRisksPage = lazyPage(() =>
  import('../features/petitions/pages/PetitionRisksPage.js').then((m) => m.PetitionRisksPage),
);
const PetitionStatsPage = lazyPage(() =>
  import('../features/petitions/pages/PetitionStatsPage.js').then((m) => m.PetitionStatsPage),
);
const RegisterPetitionPage = lazyPage(() =>
  import('../features/petitions/pages/RegisterPetitionPage.js').then((m) => m.RegisterPetitionPage),
);
const PetitionDetailPage = lazyPage(() =>
  import('../features/petitions/pages/PetitionDetailPage.js').then((m) => m.PetitionDetailPage),
);
const MerchantDeskPage = lazyPage(() =>
  import('../features/marketplace/pages/MerchantDeskPage.js').then((m) => m.MerchantDeskPage),
);
const MarketOrdersPage = lazyPage(() =>
  import('../features/marketplace/pages/MarketOrdersPage.js').then((m) => m.MarketOrdersPage),
);
const MarketStatsPage = lazyPage(() =>
  import('../features/marketplace/pages/MarketStatsPage.js').then((m) => m.MarketStatsPage),
);
const MerchantsPage = lazyPage(() =>
  import('../features/marketplace/pages/MerchantsPage.js').then((m) => m.MerchantsPage),
);
const MarketItemsPage = lazyPage(() =>
  import('../features/marketplace/pages/MarketItemsPage.js').then((m) => m.MarketItemsPage),
);
const PortalMerchantApplicationPage = lazyPage(() =>
  import('../features/marketplace/pages/PortalMerchantApplicationPage.js').then(
    (m) => m.PortalMerchantApplicationPage,
  ),
);
const PortalMarketPage = lazyPage(() =>
  import('../features/marketplace/pages/PortalMarketPage.js').then((m) => m.PortalMarketPage),
);
const PortalMarketOrderPage = lazyPage(() =>
  import('../features/marketplace/pages/PortalMarketOrderPage.js').then((m) => m.PortalMarketOrderPage),
);
const IotAlertBoardPage = lazyPage(() =>
  import('../features/iot/pages/AlertBoardPage.js').then((m) => m.AlertBoardPage),
);
const IotEstatesPage = lazyPage(() =>
  import('../features/iot/pages/EstatesPage.js').then((m) => m.EstatesPage),
);
const IotEstateDetailPage = lazyPage(() =>
  import('../features/iot/pages/EstateDetailPage.js').then((m) => m.EstateDetailPage),
);
const IotRulesPage = lazyPage(() => import('../features/iot/pages/RulesPage.js').then((m) => m.RulesPage));
const SafetyEnterprisesPage = lazyPage(() =>
  import('../features/safety/pages/EnterprisesPage.js').then((m) => m.EnterprisesPage),
);
const SafetyInspectionsPage = lazyPage(() =>
  import('../features/safety/pages/InspectionsPage.js').then((m) => m.InspectionsPage),
);
const SafetyCampaignsPage = lazyPage(() =>
  import('../features/safety/pages/CampaignsPage.js').then((m) => m.CampaignsPage),
);
const SafetyCampaignDetailPage = lazyPage(() =>
  import('../features/safety/pages/CampaignDetailPage.js').then((m) => m.CampaignDetailPage),
);
const HazardsPage = lazyPage(() =>
  import('../features/safety/pages/HazardsPage.js').then((m) => m.HazardsPage),
);
const SafetyStatsPage = lazyPage(() =>
  import('../features/safety/pages/SafetyStatsPage.js').then((m) => m.SafetyStatsPage),
);
const HazardDetailPage = lazyPage(() =>
  import('../features/safety/pages/HazardDetailPage.js').then((m) => m.HazardDetailPage),
);
const DashboardPage = lazyPage(() =>
  import('../features/dashboard/pages/DashboardPage.js').then((m) => m.DashboardPage),
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
  '/open311': Open311Page,
  '/audit': AuditPage,
  '/intake': IntakePage,
  '/dispatch': DispatchPage,
  '/workbench': WorkbenchPage,
  '/cases': CaseSearchPage,
  '/supervision': SupervisionPage,
  '/callback': CallbackPage,
  '/measures': MeasuresPage,
  '/reports': ReportsPage,
  '/grid/stats': GridStatsPage,
  '/grid/findings': GridFindingsPage,
  '/grid/patrols': GridPatrolsPage,
  '/grid/missed': GridMissedPage,
  '/grid/tasks': GridTasksPage,
  '/grid/admission': GridAdmissionPage,
  '/grid/houses': HousesPage,
  '/grid/residents': ResidentsPage,
  '/grid/organisations': OrganisationsPage,
  '/grid/visits': VisitsPage,
  '/mediation/register': RegisterDisputePage,
  '/mediation/disputes': DisputesPage,
  '/mediation/mine': MyDisputesPage,
  '/mediation/stats': MediationStatsPage,
  '/mediation/committees': CommitteesPage,
  '/petitions/register': RegisterPetitionPage,
  '/petitions': PetitionsPage,
  '/petitions/risks': PetitionRisksPage,
  '/petitions/stats': PetitionStatsPage,
  '/market/orders': MarketOrdersPage,
  '/market/stats': MarketStatsPage,
  '/market/merchants': MerchantsPage,
  '/market/items': MarketItemsPage,
  '/safety/enterprises': SafetyEnterprisesPage,
  '/safety/inspections': SafetyInspectionsPage,
  '/safety/campaigns': SafetyCampaignsPage,
  '/safety/hazards': HazardsPage,
  '/safety/stats': SafetyStatsPage,
  '/iot/alerts': IotAlertBoardPage,
  '/iot/estates': IotEstatesPage,
  '/iot/rules': IotRulesPage,
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
      { path: '/portal/mediation', element: <PortalMediationPage /> },
      { path: '/portal/petitions', element: <PortalPetitionPage /> },
      { path: '/portal/market', element: <PortalMarketPage /> },
      { path: '/portal/market/orders/:id', element: <PortalMarketOrderPage /> },
      { path: '/portal/market/merchant-application', element: <PortalMerchantApplicationPage /> },
      // the merchants' desk: outside the staff console, which merchants do not enter
      { path: '/merchant', element: <MerchantDeskPage /> },
      phoneRoutes,
      // the command hall's wall: full screen, outside the console's chrome
      { path: '/dashboard', element: <DashboardPage /> },
      {
        path: '/',
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/cases/:id', element: <CaseDetailPage /> },
          { path: '/grid/findings/:id', element: <GridFindingDetailPage /> },
          { path: '/grid/houses/:id', element: <HouseholdPage /> },
          { path: '/mediation/disputes/:id', element: <DisputeDetailPage /> },
          { path: '/petitions/:id', element: <PetitionDetailPage /> },
          { path: '/iot/estates/:id', element: <IotEstateDetailPage /> },
          { path: '/safety/hazards/:id', element: <HazardDetailPage /> },
          { path: '/safety/campaigns/:id', element: <SafetyCampaignDetailPage /> },
          ...menuPages()
            .filter((page) => page.path !== '/' && !page.fullScreen)
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
