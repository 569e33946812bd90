/**
 * Translation for every runtime. core owns the messages it produces (diagnostics, training-health
 * signals, data and project errors, the CLI's words) as catalogs in ./locales; the renderer adds its
 * own namespaces. `createTranslator` builds a synchronous i18next instance over the merged tables,
 * so a translation is a plain function call in the CLI, a worker or a React component.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { LOCALES, mergeResources, type Locale, type Resources } from './catalog.ts';
import { CORE_RESOURCES } from './locales/index.ts';

export * from './catalog.ts';
export { CORE_RESOURCES } from './locales/index.ts';
export type { I18n, TFunction };

/**
 * A ready i18next instance for `locale` over core's catalogs plus `extra` (the renderer's).
 * Keys are `namespace:path`; a key missing in Korean falls back to English, and a key missing in
 * both is returned as is (tests forbid both, see catalog.test.ts).
 */
export function createTranslator(locale: Locale, ...extra: readonly Resources[]): I18n {
  const resources = mergeResources(CORE_RESOURCES, ...extra);
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    resources,
    ns: Object.keys(resources.en),
    defaultNS: false,
    // Messages are rendered as text (React escapes, terminals do not interpret HTML).
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
