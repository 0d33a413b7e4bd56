import type { Locale as AntdLocale } from 'antd/es/locale';
// The ES build of the locales: the CommonJS `antd/locale/*` entry reaches the bundle as `{ default }`, which
// antd ignores, leaving its own strings (pagination, modals, pickers) in English.
import antdEnUS from 'antd/es/locale/en_US';
import antdZhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Locale, readStoredLocale, storeLocale } from './locale.js';
import { en } from './messages.en.js';
import { type MessageKey, zhCN } from './messages.zh-CN.js';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': antdZhCN, en: antdEnUS };
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/** Translates a message key, replacing `{name}` placeholders with the given values. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** antd's own strings (pagination, date pickers, modals) for the current language */
  antdLocale: AntdLocale;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the interface language, remembers it in localStorage and keeps dayjs and `<html lang>` in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[locale]);
    document.documentElement.lang = locale;
    document.title = `${DICTIONARIES[locale]['app.name']} · ${DICTIONARIES[locale]['app.fullName']}`;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = DICTIONARIES[locale];
    const t: Translate = (key, values) =>
      values
        ? dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
        : dictionary[key];
    return { locale, setLocale, t, antdLocale: ANTD_LOCALES[locale] };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and the translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() must be used inside <I18nProvider>');
  return value;
}
