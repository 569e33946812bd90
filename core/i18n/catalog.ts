/**
 * Message catalogs: nested plain objects of strings, one per language and namespace, with
 * i18next's `{{name}}` interpolation. Kept as data so that a test can hold the languages to the
 * same keys and the same placeholders (see catalog.test.ts), and so that core stays free of any
 * runtime: the renderer, the CLI and the trainer all build their translator from the same tables.
 */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Catalog {
  readonly [key: string]: string | Catalog;
}

/** Namespace name → catalog, for one language. */
export type Bundle = Readonly<Record<string, Catalog>>;

/** Every language's bundle. English is the source language and the fallback. */
export type Resources = Readonly<Record<Locale, Bundle>>;

/**
 * The supported language for a list of BCP 47 tags in order of preference (`navigator.languages`,
 * `app.getPreferredSystemLanguages()`, `$LANG`): the first whose primary subtag we ship, else English.
 * POSIX forms such as `ko_KR.UTF-8` are accepted.
 */
export function pickLocale(preferred: readonly (string | undefined | null)[]): Locale {
  for (const tag of preferred) {
    if (!tag) continue;
    const primary = tag.trim().toLowerCase().split(/[-_.@]/)[0];
    const found = LOCALES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Every key of a catalog as a dotted path, with the placeholders its message uses. */
export function flattenCatalog(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenCatalog(value, path)) out.set(k, v);
  }
  return out;
}

/** The `{{placeholder}}` names in a message, sorted (formats such as `{{n, number}}` count by name). */
export function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)) names.add(m[1]);
  return [...names].sort();
}

/** Merges several `Resources` tables (core's, the renderer's) into one; a namespace may come from one only. */
export function mergeResources(...tables: readonly Resources[]): Resources {
  const merged: Record<Locale, Record<string, Catalog>> = { en: {}, ko: {} };
  for (const table of tables) {
    for (const locale of LOCALES) {
      for (const [ns, catalog] of Object.entries(table[locale] ?? {})) {
        if (ns in merged[locale]) throw new Error(`i18n namespace "${ns}" is defined twice for ${locale}`);
        merged[locale][ns] = catalog;
      }
    }
  }
  return merged;
}

/** i18next's plural suffixes (CLDR categories), as in `item_one` / `item_other`. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The CLDR plural categories a language uses: English `one, other`, Korean only `other`. */
export function pluralCategories(locale: Locale): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories.map(String);
}

/**
 * The plural groups of a flat catalog: base key → the suffixes it has. A key counts as a plural
 * form only when its group has an `_other` form, which i18next requires of every plural.
 */
function pluralGroups(keys: Iterable<string>): Map<string, Set<string>> {
  const all = new Set(keys);
  const groups = new Map<string, Set<string>>();
  for (const key of all) {
    const m = PLURAL_SUFFIX.exec(key);
    if (!m) continue;
    const base = key.slice(0, -m[0].length);
    if (!all.has(`${base}_other`)) continue;
    const group = groups.get(base) ?? new Set<string>();
    group.add(m[1]);
    groups.set(base, group);
  }
  return groups;
}

/**
 * Every way the languages of `resources` disagree: a namespace or key that one language has and
 * another lacks, an empty message, or a message whose placeholders differ from English's. Empty
 * when the tables are complete; the missing-key tests assert exactly that.
 *
 * Plurals follow each language's own categories: English's `x_one` and `x_other` ask Korean for
 * `x_other` alone (Korean does not inflect for number), and a form the language never uses, such
 * as a Korean `x_one`, is reported. Every form's placeholders must match English's `x_other`
 * (the count aside, which a form such as "one row" may leave unsaid).
 */
export function catalogProblems(resources: Resources): string[] {
  const problems: string[] = [];
  const namespaces = new Set(LOCALES.flatMap((l) => Object.keys(resources[l] ?? {})));
  for (const ns of [...namespaces].sort()) {
    const english = resources.en[ns] ? flattenCatalog(resources.en[ns]) : new Map<string, string>();
    const englishPlurals = pluralGroups(english.keys());
    const pluralBase = (key: string): string | undefined => {
      const m = PLURAL_SUFFIX.exec(key);
      const base = m ? key.slice(0, -m[0].length) : undefined;
      return base !== undefined && englishPlurals.has(base) ? base : undefined;
    };
    for (const locale of LOCALES) {
      const catalog = resources[locale]?.[ns];
      if (!catalog) {
        problems.push(`${locale}: namespace "${ns}" is missing`);
        continue;
      }
      const categories = pluralCategories(locale);
      const messages = flattenCatalog(catalog);
      const wanted = new Set<string>();
      for (const key of english.keys()) {
        const base = pluralBase(key);
        if (base === undefined) wanted.add(key);
        else for (const c of categories) wanted.add(`${base}_${c}`);
      }
      for (const key of wanted) if (!messages.has(key)) problems.push(`${locale}: ${ns}:${key} is missing`);
      for (const [key, message] of messages) {
        const base = pluralBase(key);
        if (base !== undefined ? !wanted.has(key) : !english.has(key)) {
          problems.push(`${locale}: ${ns}:${key} is not ${base !== undefined ? `a plural form ${locale} uses` : 'in English'}`);
          continue;
        }
        if (message.trim() === '') problems.push(`${locale}: ${ns}:${key} is empty`);
        const source = base !== undefined ? english.get(`${base}_other`)! : english.get(key)!;
        // A plural form may leave the count unsaid ("one row"); every other placeholder must match.
        const names = (text: string): string => placeholders(text).filter((n) => base === undefined || n !== 'count').join(',');
        const want = names(source);
        const got = names(message);
        if (want !== got) problems.push(`${locale}: ${ns}:${key} uses {${got}} but English uses {${want}}`);
      }
    }
  }
  return problems;
}
