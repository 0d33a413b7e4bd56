import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import { RouterProvider } from 'react-router-dom';
import { I18nProvider, useI18n } from '../i18n/I18nProvider.js';
import { router } from './router.js';

const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1456f0',
    borderRadius: 6,
  },
  components: {
    // Inline sub-menus sit flush with the side bar instead of on a grey band.
    Menu: { subMenuItemBg: 'transparent' },
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
