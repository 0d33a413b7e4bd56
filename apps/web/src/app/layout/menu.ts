import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HomeOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@shanzhi/shared';
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
      },
      {
        path: '/workbench',
        labelKey: 'menu.workbench',
        hintKey: 'menu.hint.workbench',
        icon: SolutionOutlined,
        permission: 'case.accept',
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
      },
      {
        path: '/callback',
        labelKey: 'menu.callback',
        hintKey: 'menu.hint.callback',
        icon: PhoneOutlined,
        permission: 'case.callback',
      },
      {
        path: '/measures',
        labelKey: 'menu.measures',
        hintKey: 'menu.hint.measures',
        icon: BarChartOutlined,
        permission: 'kpi.read',
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

/** Whether a user holding `permissions` may see and open `page`. */
export function canOpen(page: MenuPage, permissions: readonly string[]): boolean {
  return page.permission === undefined || permissions.includes(page.permission);
}

/** The menu as a user holding `permissions` sees it: pages they may not open and empty groups removed. */
export function visibleMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.flatMap((entry): MenuEntry[] => {
    if (!isGroup(entry)) return canOpen(entry, permissions) ? [entry] : [];
    const pages = entry.pages.filter((page) => canOpen(page, permissions));
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
