/**
 * Translation for every runtime. core owns the messages it produces (diagnostics, training-health
 * signals, data and project errors, the CLI's words) as catalogs in ./locales; the renderer adds its
 * own namespaces. `createTranslator` builds a synchronous i18next instance over the merged tables,
 * so a translation is a plain function call in the CLI, a worker or a React component.
 *
 * Everything core reports carries a stable key and its parameters next to its English text
 * (rendered from the English catalog, so the catalog is the one source of the words); the
 * `…Text(t, x)` helpers in describe.ts render the same thing in any language.
 */
import type { i18n as I18n, TFunction } from 'i18next';

export * from './catalog.ts';
export * from './message.ts';
export * from './describe.ts';
export { createTranslator } from './translator.ts';
export { formatNumber, groupDigits } from './number.ts';
export { CORE_RESOURCES } from './locales/index.ts';
export type { I18n, TFunction };
