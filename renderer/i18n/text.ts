/**
 * Words decided away from a component (a reducer, a file reader): a key with its parameters, or a
 * text that arrives already worded (an engine message). Turned into a string where it is shown,
 * so a language switch rewords it.
 */
import type { TFunction } from '../../core/i18n/index.ts';

export type UiText = { key: string; params?: Record<string, unknown> } | { text: string };

/** A translate function: i18next's `t`, or any `(key, params) => string` over the same catalogs. */
type Translate = TFunction | ((key: string, params?: Record<string, unknown>) => string);

export function uiText(t: Translate, text: UiText): string {
  return 'text' in text ? text.text : (t as (key: string, params?: Record<string, unknown>) => string)(text.key, text.params ?? {});
}
