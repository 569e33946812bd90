/**
 * The renderer's catalogs: every `locales/<lang>/<namespace>.ts` file, found at build time, so a
 * feature adds its words by adding one pair of files. Merged with core's catalogs (diagnostics,
 * health signals, data errors) in i18n.ts.
 */
import type { Bundle, Catalog, Locale, Resources } from '../../core/i18n/index.ts';

const modules = import.meta.glob<Catalog>('./locales/*/*.ts', { eager: true, import: 'default' });

function collect(): Resources {
  const tables: Record<Locale, Record<string, Catalog>> = { en: {}, ko: {} };
  for (const [path, catalog] of Object.entries(modules)) {
    const match = /\.\/locales\/(\w+)\/([\w-]+)\.ts$/.exec(path);
    if (!match) continue;
    const [, locale, ns] = match;
    if (locale === 'en' || locale === 'ko') tables[locale][ns] = catalog;
  }
  return tables as Record<Locale, Bundle>;
}

export const RENDERER_RESOURCES: Resources = collect();
