import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  CommentOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  PhoneOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UsergroupAddOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { type CaseAction, mayTakeAction, type Permission, type Role } from '@shanzhi/shared';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';

/** A page in the side menu. */
export interface MenuPage {
  path: string;
  labelKey: MessageKey;
  /** one line on what the page is for (the home page's shortcuts) */
  hintKey?: MessageKey;
  icon: ComponentType;
  /** the permission a user needs to see the entry and open the page; none means every signed-in user */
  permission?: Permission;
  /**
   * a work queue's action (派单, 签收, 督办, 回访): the page is shown only to roles the lifecycle table lets
   * take it, so a role holding the permission for administration (admin) is not handed a queue of rows it
   * cannot act on
   */
  workOf?: CaseAction;
  /** a page of its own, outside the console's menu and top bar (the command hall's wall): opened in a new window */
  fullScreen?: boolean;
}

/** Who looks at the menu: the signed-in user's roles and permissions (from `GET /me`). */
export interface MenuViewer {
  roles: readonly string[];
  permissions: readonly string[];
}

/** A heading grouping pages; shown only when at least one of its pages is. */
export interface MenuGroup {
  key: string;
  labelKey: MessageKey;
  icon: ComponentType;
  pages: MenuPage[];
}

export type MenuEntry = MenuPage | MenuGroup;

/**
 * The side menu, and the one place that says which permission each console page needs. The router gives the
 * pages listed here their routes, and the shell refuses a page whose permission the user lacks. The server
 * checks the same permissions on its routes; hiding an entry here is convenience, not security.
 */
export const MENU: readonly MenuEntry[] = [
  { path: '/', labelKey: 'menu.home', icon: HomeOutlined },
  {
    key: 'cases',
    labelKey: 'menu.group.cases',
    icon: FileTextOutlined,
    pages: [
      {
        path: '/intake',
        labelKey: 'menu.intake',
        hintKey: 'menu.hint.intake',
        icon: CustomerServiceOutlined,
        permission: 'case.register',
      },
      {
        path: '/dispatch',
        labelKey: 'menu.dispatch',
        hintKey: 'menu.hint.dispatch',
        icon: SendOutlined,
        permission: 'case.dispatch',
        workOf: 'dispatch',
      },
      {
        path: '/workbench',
        labelKey: 'menu.workbench',
        hintKey: 'menu.hint.workbench',
        icon: SolutionOutlined,
        permission: 'case.accept',
        workOf: 'accept',
      },
    ],
  },
  {
    path: '/cases',
    labelKey: 'menu.caseSearch',
    hintKey: 'menu.hint.caseSearch',
    icon: FileSearchOutlined,
    permission: 'case.read',
  },
  {
    key: 'oversight',
    labelKey: 'menu.group.oversight',
    icon: AlertOutlined,
    pages: [
      {
        path: '/supervision',
        labelKey: 'menu.supervision',
        hintKey: 'menu.hint.supervision',
        icon: AlertOutlined,
        permission: 'case.supervise',
        workOf: 'supervise',
      },
      {
        path: '/callback',
        labelKey: 'menu.callback',
        hintKey: 'menu.hint.callback',
        icon: PhoneOutlined,
        permission: 'case.callback',
        workOf: 'callback',
      },
      {
        path: '/measures',
        labelKey: 'menu.measures',
        hintKey: 'menu.hint.measures',
        icon: BarChartOutlined,
        permission: 'kpi.read',
      },
      {
        path: '/reports',
        labelKey: 'menu.reports',
        hintKey: 'menu.hint.reports',
        icon: ReadOutlined,
        permission: 'report.read',
      },
      {
        path: '/dashboard',
        labelKey: 'menu.dashboard',
        hintKey: 'menu.hint.dashboard',
        icon: DesktopOutlined,
        permission: 'dashboard.read',
        fullScreen: true,
      },
    ],
  },
  {
    key: 'grid',
    labelKey: 'menu.group.grid',
    icon: ClusterOutlined,
    pages: [
      {
        path: '/grid/stats',
        labelKey: 'menu.gridStats',
        hintKey: 'menu.hint.gridStats',
        icon: FundOutlined,
        permission: 'grid.read',
      },
      {
        path: '/grid/findings',
        labelKey: 'menu.gridFindings',
        hintKey: 'menu.hint.gridFindings',
        icon: EnvironmentOutlined,
        permission: 'grid.read',
      },
      {
        path: '/grid/patrols',
        labelKey: 'menu.gridPatrols',
        hintKey: 'menu.hint.gridPatrols',
        icon: AimOutlined,
        permission: 'grid.read',
      },
      {
        path: '/grid/missed',
        labelKey: 'menu.gridMissed',
        hintKey: 'menu.hint.gridMissed',
        icon: ScheduleOutlined,
        permission: 'grid.read',
      },
      {
        path: '/grid/tasks',
        labelKey: 'menu.gridTasks',
        hintKey: 'menu.hint.gridTasks',
        icon: CarryOutOutlined,
        permission: 'grid.read',
      },
      {
        path: '/grid/admission',
        labelKey: 'menu.gridAdmission',
        hintKey: 'menu.hint.gridAdmission',
        icon: SafetyOutlined,
        permission: 'grid.read',
      },
      {
        path: '/grid/houses',
        labelKey: 'menu.houses',
        hintKey: 'menu.hint.houses',
        icon: BankOutlined,
        permission: 'grid_register.read',
      },
      {
        path: '/grid/residents',
        labelKey: 'menu.residents',
        hintKey: 'menu.hint.residents',
        icon: IdcardOutlined,
        permission: 'grid_register.read',
      },
      {
        path: '/grid/organisations',
        labelKey: 'menu.organisations',
        hintKey: 'menu.hint.organisations',
        icon: ShopOutlined,
        permission: 'grid_register.read',
      },
      {
        path: '/grid/visits',
        labelKey: 'menu.visits',
        hintKey: 'menu.hint.visits',
        icon: UsergroupAddOutlined,
        permission: 'grid.read',
      },
    ],
  },
  {
    key: 'mediation',
    labelKey: 'menu.group.mediation',
    icon: CommentOutlined,
    pages: [
      {
        path: '/mediation/register',
        labelKey: 'menu.mediationRegister',
        hintKey: 'menu.hint.mediationRegister',
        icon: FormOutlined,
        permission: 'mediation.register',
      },
      {
        path: '/mediation/disputes',
        labelKey: 'menu.mediationDisputes',
        hintKey: 'menu.hint.mediationDisputes',
        icon: UnorderedListOutlined,
        permission: 'mediation.read',
      },
      {
        path: '/mediation/mine',
        labelKey: 'menu.mediationMine',
        hintKey: 'menu.hint.mediationMine',
        icon: UserOutlined,
        // the mediator's own queue: the role that records sessions
        permission: 'mediation.record_session',
      },
      {
        path: '/mediation/stats',
        labelKey: 'menu.mediationStats',
        hintKey: 'menu.hint.mediationStats',
        icon: PieChartOutlined,
        permission: 'mediation.read',
      },
      {
        path: '/mediation/committees',
        labelKey: 'menu.mediationCommittees',
        hintKey: 'menu.hint.mediationCommittees',
        icon: TeamOutlined,
        permission: 'mediation.read',
      },
    ],
  },
  {
    key: 'petitions',
    labelKey: 'menu.group.petitions',
    icon: SolutionOutlined,
    pages: [
      {
        path: '/petitions/register',
        labelKey: 'menu.petitionRegister',
        hintKey: 'menu.hint.petitionRegister',
        icon: FormOutlined,
        permission: 'petition.register',
      },
      {
        path: '/petitions',
        labelKey: 'menu.petitions',
        hintKey: 'menu.hint.petitions',
        icon: UnorderedListOutlined,
        permission: 'petition.read',
      },
      {
        path: '/petitions/risks',
        labelKey: 'menu.petitionRisks',
        hintKey: 'menu.hint.petitionRisks',
        icon: AlertOutlined,
        permission: 'petition.read',
      },
      {
        path: '/petitions/stats',
        labelKey: 'menu.petitionStats',
        hintKey: 'menu.hint.petitionStats',
        icon: BarChartOutlined,
        permission: 'petition.read',
      },
    ],
  },
  {
    key: 'market',
    labelKey: 'menu.group.market',
    icon: ShopOutlined,
    pages: [
      {
        path: '/market/orders',
        labelKey: 'menu.marketOrders',
        hintKey: 'menu.hint.marketOrders',
        icon: UnorderedListOutlined,
        permission: 'market.read',
      },
      {
        path: '/market/stats',
        labelKey: 'menu.marketStats',
        hintKey: 'menu.hint.marketStats',
        icon: BarChartOutlined,
        permission: 'market.read',
      },
      {
        path: '/market/merchants',
        labelKey: 'menu.marketMerchants',
        hintKey: 'menu.hint.marketMerchants',
        icon: ShopOutlined,
        permission: 'market_merchant.review',
      },
      {
        path: '/market/items',
        labelKey: 'menu.marketItems',
        hintKey: 'menu.hint.marketItems',
        icon: ProfileOutlined,
        permission: 'market_item.manage',
      },
    ],
  },
  {
    key: 'safety',
    labelKey: 'menu.group.safety',
    icon: SafetyOutlined,
    pages: [
      {
        path: '/safety/enterprises',
        labelKey: 'menu.safetyEnterprises',
        hintKey: 'menu.hint.safetyEnterprises',
        icon: ShopOutlined,
        permission: 'safety.read',
      },
      {
        path: '/safety/inspections',
        labelKey: 'menu.safetyInspections',
        hintKey: 'menu.hint.safetyInspections',
        icon: FileSearchOutlined,
        permission: 'safety.inspect',
      },
      {
        path: '/safety/campaigns',
        labelKey: 'menu.safetyCampaigns',
        hintKey: 'menu.hint.safetyCampaigns',
        icon: FlagOutlined,
        permission: 'safety.manage',
      },
      {
        path: '/safety/hazards',
        labelKey: 'menu.safetyHazards',
        hintKey: 'menu.hint.safetyHazards',
        icon: AlertOutlined,
        permission: 'safety.read',
      },
      {
        path: '/safety/stats',
        labelKey: 'menu.safetyStats',
        hintKey: 'menu.hint.safetyStats',
        icon: PieChartOutlined,
        permission: 'safety.read',
      },
    ],
  },
  {
    key: 'iot',
    labelKey: 'menu.group.iot',
    icon: VideoCameraOutlined,
    pages: [
      {
        path: '/iot/alerts',
        labelKey: 'menu.iotAlerts',
        hintKey: 'menu.hint.iotAlerts',
        icon: AlertOutlined,
        permission: 'iot.read',
      },
      {
        path: '/iot/estates',
        labelKey: 'menu.iotEstates',
        hintKey: 'menu.hint.iotEstates',
        icon: HomeOutlined,
        permission: 'iot.read',
      },
      {
        path: '/iot/rules',
        labelKey: 'menu.iotRules',
        hintKey: 'menu.hint.iotRules',
        icon: ControlOutlined,
        permission: 'iot.manage_rules',
      },
    ],
  },
  {
    key: 'reference',
    labelKey: 'menu.group.reference',
    icon: DatabaseOutlined,
    pages: [
      {
        path: '/orgs',
        labelKey: 'menu.orgs',
        hintKey: 'menu.hint.orgs',
        icon: ApartmentOutlined,
        permission: 'org.read',
      },
      {
        path: '/catalog',
        labelKey: 'menu.catalog',
        hintKey: 'menu.hint.catalog',
        icon: ProfileOutlined,
        permission: 'catalog.read',
      },
      {
        path: '/calendar',
        labelKey: 'menu.calendar',
        hintKey: 'menu.hint.calendar',
        icon: CalendarOutlined,
        permission: 'calendar.read',
      },
      {
        path: '/knowledge',
        labelKey: 'menu.knowledge',
        hintKey: 'menu.hint.knowledge',
        icon: BookOutlined,
        permission: 'knowledge.write',
      },
    ],
  },
  {
    key: 'admin',
    labelKey: 'menu.group.admin',
    icon: SettingOutlined,
    pages: [
      {
        path: '/users',
        labelKey: 'menu.users',
        hintKey: 'menu.hint.users',
        icon: TeamOutlined,
        permission: 'user.read',
      },
      {
        path: '/roles',
        labelKey: 'menu.roles',
        hintKey: 'menu.hint.roles',
        icon: SafetyCertificateOutlined,
        permission: 'role.read',
      },
      {
        path: '/settings',
        labelKey: 'menu.settings',
        hintKey: 'menu.hint.settings',
        icon: ControlOutlined,
        permission: 'case.configure',
      },
      {
        path: '/open311',
        labelKey: 'menu.open311',
        hintKey: 'menu.hint.open311',
        icon: ApiOutlined,
        permission: 'open311.manage',
      },
      {
        path: '/audit',
        labelKey: 'menu.audit',
        hintKey: 'menu.hint.audit',
        icon: AuditOutlined,
        permission: 'audit.read',
      },
    ],
  },
];

function isGroup(entry: MenuEntry): entry is MenuGroup {
  return 'pages' in entry;
}

/** Whether `viewer` may see and open `page`: he holds its permission and, for a work queue, may do its work. */
export function canOpen(page: MenuPage, viewer: MenuViewer): boolean {
  if (page.permission !== undefined && !viewer.permissions.includes(page.permission)) return false;
  return page.workOf === undefined || mayTakeAction(page.workOf, viewer.roles as readonly Role[]);
}

/** The menu as `viewer` sees it: pages he may not open and empty groups removed. */
export function visibleMenu(viewer: MenuViewer): MenuEntry[] {
  return MENU.flatMap((entry): MenuEntry[] => {
    if (!isGroup(entry)) return canOpen(entry, viewer) ? [entry] : [];
    const pages = entry.pages.filter((page) => canOpen(page, viewer));
    return pages.length > 0 ? [{ ...entry, pages }] : [];
  });
}

/** Every page of the menu, groups flattened. */
export function menuPages(): MenuPage[] {
  return MENU.flatMap((entry) => (isGroup(entry) ? entry.pages : [entry]));
}

/** The menu page a path belongs to, if any. */
export function findMenuPage(pathname: string): MenuPage | undefined {
  return menuPages().find((page) => page.path === pathname);
}

export { isGroup as isMenuGroup };
