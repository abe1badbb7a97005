import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { da } from './da';
import { en, MessageKey, Messages } from './en';
import { TERMS } from './terms';

export type Language = 'da' | 'en';
const MESSAGES: Record<Language, Messages> = { da, en };
/** Intl locales: Danish as written in Denmark, English with Danish-style dates would confuse, so en-GB. */
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const STORAGE_KEY = 'brobygger.language';

export interface I18n {
  language: Language;
  locale: string;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A count in words: `key.one` when the language's plural rules say "one", else `key`. */
  count(key: 'inbox.count' | 'companies.count', count: number): string;
  /** The name of a domain code (task element, stage, state, kind). */
  term(code: string | null | undefined): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  number(value: number | null | undefined, options?: Intl.NumberFormatOptions): string;
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'da' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'da';
}

/** A date-only value (YYYY-MM-DD) is a calendar day, not midnight UTC: read it as local. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = LOCALES[language];
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const plural = new Intl.PluralRules(locale);
    const number = new Intl.NumberFormat(locale);
    const t: I18n['t'] = (key, values) =>
      MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
    return {
      language,
      locale,
      setLanguage,
      t,
      count: (key, count) => t(plural.select(count) === 'one' ? `${key}.one` : key, { count: number.format(count) }),
      term: (code) => (code ? (TERMS[language][code] ?? code) : ''),
      date: (v) => (v ? dateFormat.format(toDate(v)) : ''),
      dateTime: (v) => (v ? dateTimeFormat.format(toDate(v)) : ''),
      number: (v, options) => (v === null || v === undefined ? '' : new Intl.NumberFormat(locale, options).format(v)),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
