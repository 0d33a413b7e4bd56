/** A language of the user interface. Chinese first; English as a switch. */
export type Locale = 'zh-CN' | 'en';

const STORAGE_KEY = 'shanzhi.locale';

/** The language the user chose last time on this browser, Chinese when none (or storage is unavailable). */
export function readStoredLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Remembers the chosen language on this browser. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or disabled storage: the choice simply lasts for this page.
  }
}
