/**
 * The command line's language: `--lang en|ko`, else the POSIX locale (LC_ALL, then LC_MESSAGES,
 * then LANG: the first one set decides, so `LC_ALL=C` means English), else English. Every line the
 * CLI prints for a person goes through `say` (its own words, the `cli` namespace) or through
 * `cliT()` with core's `…Text` helpers (diagnostics, data and project errors).
 */
import { createTranslator, isLocale, pickLocale, renderMessage, type I18n, type Locale, type MessageParams, type TFunction } from '../i18n/index.ts';

let translator: I18n = createTranslator('en');

export function setCliLocale(locale: Locale): void {
  if (translator.language !== locale) translator = createTranslator(locale);
}

export function cliLocale(): Locale {
  return translator.language as Locale;
}

/** The translator for core's `…Text(t, x)` helpers. */
export function cliT(): TFunction {
  return translator.t;
}

/** One of the CLI's own messages (`cli:<key>`). */
export function say(key: string, params?: MessageParams): string {
  return renderMessage(translator.t, `cli:${key}`, params);
}

/** The language the POSIX locale variables ask for: the first of LC_ALL, LC_MESSAGES, LANG that is set. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return pickLocale([tag]);
}

/**
 * Takes `--lang X` or `--lang=X` out of the arguments, wherever it stands, so that every command
 * accepts it. `lang` is the raw value (checked by the caller), or undefined when absent.
 */
export function takeLangOption(argv: readonly string[]): { rest: string[]; lang?: string } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') {
      lang = argv[i + 1] ?? '';
      i++;
    } else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else rest.push(a);
  }
  return lang === undefined ? { rest } : { rest, lang };
}

export { isLocale };
