import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import { RouterProvider } from 'react-router-dom';
import { I18nProvider, useI18n } from '../i18n/I18nProvider.js';
import { router } from './router.js';

const THEME: ThemeConfig = {
  // Every text against its background at WCAG AA (4.5:1): antd's default secondary text, placeholders,
  // links and status colours (tags, danger text) fall short of it on white.
  token: {
    colorPrimary: '#1456f0',
    colorInfo: '#1456f0',
    colorLink: '#1456f0',
    // status colours dark enough to be read as text, on their usual light backgrounds
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#965a00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // the text of coloured tags (a state, a supervision level): a shade or two darker than antd's
    blue7: '#003eb3',
    cyan7: '#006d75',
    green7: '#237804',
    orange7: '#ad4e00',
    red7: '#a8071a',
    volcano7: '#ad2102',
    gold7: '#965a00',
    lime7: '#3f6600',
    yellow7: '#876800',
    borderRadius: 6,
  },
  components: {
    // Inline sub-menus sit flush with the side bar instead of on a grey band.
    Menu: { subMenuItemBg: 'transparent' },
    // an empty table says so in the disabled grey, too faint to read (1.8:1)
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
  },
};

/** The web app: language, antd theme and locale, then the routes. */
export function App() {
  return (
    <I18nProvider>
      <LocalisedApp />
    </I18nProvider>
  );
}

function LocalisedApp() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={THEME}>
      {/* toasts below the 56 px top bar, so they never cover the bell, the language switch or sign-out */}
      <AntApp notification={{ top: 68 }}>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}
