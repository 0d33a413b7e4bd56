import type { MessageKey } from './messages.zh-CN.js';

/** English messages. */
export const en: Record<MessageKey, string> = {
  'app.name': 'Shanzhi',
  'app.fullName': 'Wuhai Municipal Social Governance Platform',
  'lang.switchTo': '中文',
  'lang.switchLabel': 'Switch to Chinese',

  'login.heading': 'Staff sign-in',
  'login.username': 'Username',
  'login.usernamePlaceholder': 'Enter your username',
  'login.password': 'Password',
  'login.passwordPlaceholder': 'Enter your password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.expired': 'Your session has expired, please sign in again',
  'login.failed': 'Sign-in failed, please try again later',
  'login.browserHint': 'Best viewed in a recent version of Chrome, Edge or Firefox',

  'error.network': 'Cannot reach the server. Check your network or try again later',
  'error.badResponse': 'The server sent an unexpected answer. Please try again later',
  'error.retry': 'Retry',
  'error.pageFailed': 'The page failed to load',
  'error.pageFailedHint': 'The platform may just have been updated. Reload the page and try again.',
  'error.reload': 'Reload',

  'shell.loading': 'Loading your account…',
  'shell.loadFailed': 'Could not load your account',
  'shell.logout': 'Sign out',
  'shell.logoutFailed': 'Sign-out failed, please try again later',
  'shell.openMenu': 'Open the menu',
  'shell.mainMenu': 'Main menu',

  'menu.home': 'Home',
  'menu.group.reference': 'Reference data',
  'menu.group.admin': 'Administration',
  'menu.orgs': 'Organisations',
  'menu.users': 'Users',
  'menu.catalog': 'Matter catalogue',
  'menu.calendar': 'Working calendar',

  'home.welcome': 'Welcome, {name}',
  'home.intro': 'You are signed in to the Wuhai Municipal Social Governance Platform.',
  'home.account': 'Account',
  'home.org': 'Organisation',
  'home.orgKind': 'Kind',
  'home.orgCode': 'Code',
  'home.roles': 'Roles',
  'home.permissions': 'Permissions',
  'home.noRoles': 'No role assigned',
  'home.noPermissions': 'No permissions',

  'wip.title': 'Under construction',
  'wip.description': '“{name}” is under construction.',
  'forbidden.title': 'Access denied',
  'forbidden.description': 'You may not open this page. Ask your administrator if you need it.',
  'notFound.title': 'Page not found',
  'notFound.description': 'The page you asked for does not exist or was removed.',
  'notFound.back': 'Back to home',

  'portal.heading': 'Citizen portal',
  'portal.badge': 'Coming soon',
  'portal.description':
    'Reporting a problem online, following its progress and rating the result will be available here soon.',
  'portal.hotline': 'For help now, call the 12345 government service hotline.',
  'portal.call': 'Call 12345',
};
