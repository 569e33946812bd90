/**
 * The window's language. It follows the OS (navigator.languages, which Electron fills from the
 * system) until the user picks one in View → Language; the pick is remembered. One i18next
 * instance serves the whole window; components read it through react-i18next's `useTranslation`.
 * Numbers are formatted for the same language (`formatNumber`).
 */
import { createTranslator, isLocale, pickLocale, type I18n, type Locale } from '../../core/i18n/index.ts';
import { RENDERER_RESOURCES } from './resources.ts';

export type LocalePreference = Locale | 'system';

const STORAGE_KEY = 'layerboard.locale';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage can be blocked (privacy settings); the OS language still applies
  }
}

export function systemLocale(): Locale {
  return typeof navigator === 'undefined' ? 'en' : pickLocale([...(navigator.languages ?? []), navigator.language]);
}

export function readLocalePreference(): LocalePreference {
  const stored = storage()?.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : 'system';
}

export function resolveLocale(preference: LocalePreference): Locale {
  return preference === 'system' ? systemLocale() : preference;
}

/** A translator over core's and the renderer's catalogs; tests make their own per language. */
export function createRendererI18n(locale: Locale): I18n {
  return createTranslator(locale, RENDERER_RESOURCES);
}

/** The window's instance, created on first use in the remembered or the OS language. */
let windowI18n: I18n | null = null;
export function appI18n(): I18n {
  if (!windowI18n) {
    windowI18n = createRendererI18n(resolveLocale(readLocalePreference()));
    applyDocumentLanguage(windowI18n.language as Locale);
  }
  return windowI18n;
}

/** Switches the window's language now and remembers the choice ('system' forgets it). */
export function setLocalePreference(preference: LocalePreference): Locale {
  const locale = resolveLocale(preference);
  const store = storage();
  if (preference === 'system') store?.removeItem(STORAGE_KEY);
  else store?.setItem(STORAGE_KEY, preference);
  void appI18n().changeLanguage(locale);
  applyDocumentLanguage(locale);
  return locale;
}

function applyDocumentLanguage(locale: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** `n` in the conventions of `locale` (grouping, decimal sign), with Intl's options (core/i18n/number.ts). */
export { formatNumber } from '../../core/i18n/index.ts';
