/**
 * Messages as data: a catalog key plus the values it needs. core attaches one to everything it
 * reports (a diagnostic, a health signal, a CSV error) so that any surface can say it in its own
 * language, and renders the English text from the same catalog, so the words live in one place.
 */
import type { TFunction } from 'i18next';
import type { Locale } from './catalog.ts';
import { createTranslator } from './translator.ts';

/** A message nested inside another (a unit with its own plural, a phrase chosen by the code). */
export interface MessageRef {
  /** `namespace:path`. */
  readonly key: string;
  readonly params?: MessageParams;
}

/**
 * Node ids, column names and numbers pass through unchanged; a `MessageRef` is translated first;
 * a list is rendered item by item and joined with ", ".
 */
export type MessageParam = string | number | boolean | MessageRef | readonly MessageParam[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** A message and its values in one object, as data results and events carry it. */
export interface MessageData {
  readonly key: string;
  readonly params?: MessageParams;
}

export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/**
 * `key` (`namespace:path`) rendered with `t`, nested `MessageRef` params rendered first in the same
 * language. A `count` param selects the plural form (`_one`/`_other` in English, `_other` in Korean).
 * Returns undefined when the catalog has no such key, so a caller can fall back to stored text.
 */
export function tryRenderMessage(t: TFunction, key: string, params: MessageParams = {}): string | undefined {
  const values: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(params)) {
    const rendered = renderParam(t, value);
    if (rendered === undefined) return undefined;
    values[name] = rendered;
  }
  // i18next answers a missing key with the key itself (path only, or with its namespace).
  const text = t(key, values) as unknown;
  if (typeof text !== 'string' || text === key || text === key.slice(key.indexOf(':') + 1)) return undefined;
  return text;
}

function renderParam(t: TFunction, value: MessageParam): string | number | boolean | undefined {
  if (Array.isArray(value)) {
    const items = (value as readonly MessageParam[]).map((v) => renderParam(t, v));
    return items.some((v) => v === undefined) ? undefined : items.join(', ');
  }
  if (isMessageRef(value)) return tryRenderMessage(t, value.key, value.params);
  return value as string | number | boolean;
}

/** `tryRenderMessage`, with the key itself when the catalog lacks it (a bug the catalog tests catch). */
export function renderMessage(t: TFunction, key: string, params?: MessageParams): string {
  return tryRenderMessage(t, key, params) ?? key;
}

const translators = new Map<Locale, TFunction>();

/**
 * core's translator for `locale` over core's own catalogs, built once per language (i18next's init
 * is not free): what the CLI, Electron main's menu and dialogs, and core's English `message` fields use.
 */
export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator(locale).t;
    translators.set(locale, t);
  }
  return t;
}

/** The English translator every core module renders its `message` fields with. */
export function englishTranslator(): TFunction {
  return translatorFor('en');
}

/** The English text of `key` with `params`: what core stores in a result's `message` field. */
export function english(key: string, params?: MessageParams): string {
  return renderMessage(englishTranslator(), key, params);
}
