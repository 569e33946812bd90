/**
 * Words decided away from a component (a reducer, a file reader): a key with its parameters, a
 * report from core's trainer (its English text with the key to say it again), or a text that
 * arrives already worded. Turned into a string where it is shown, so a language switch rewords it.
 */
import { trainingText, type MessageParams, type TFunction } from '../../core/i18n/index.ts';

export type UiText =
  | { key: string; params?: Record<string, unknown> }
  | { training: { message: string; messageKey?: string; params?: MessageParams } }
  | { text: string };

/** A translate function: i18next's `t`, or any `(key, params) => string` over the same catalogs. */
type Translate = TFunction | ((key: string, params?: Record<string, unknown>) => string);

/** A key's param may itself be a `{key}` text (a reason worded elsewhere): it is worded first, in the same language. */
function isKeyText(value: unknown): value is { key: string; params?: Record<string, unknown> } {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

export function uiText(t: Translate, text: UiText): string {
  if ('text' in text) return text.text;
  if ('training' in text) return trainingText(t as TFunction, text.training) ?? text.training.message;
  const params = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, isKeyText(value) ? uiText(t, value) : value]));
  return (t as (key: string, params?: Record<string, unknown>) => string)(text.key, params);
}
