/**
 * The one way core builds an i18next instance, for every runtime (see index.ts).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { LOCALES, mergeResources, type Locale, type Resources } from './catalog.ts';
import { CORE_RESOURCES } from './locales/index.ts';
import { formatNumber } from './number.ts';

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
  // `{{count, number}}` through formatNumber: i18next's own formatter builds an Intl.NumberFormat
  // per distinct value (its cache key holds the count), and the first one costs a page ICU's
  // number data. The catalogs use the plain `number` format only (no format options).
  instance.services.formatter?.add('number', (value: unknown, lng: string | undefined) => formatNumber(Number(value), lng ?? locale));
  return instance;
}
