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

export function uiText(t: Translate, text: UiText): string {
  if ('text' in text) return text.text;
  if ('training' in text) return trainingText(t as TFunction, text.training) ?? text.training.message;
  return (t as (key: string, params?: Record<string, unknown>) => string)(text.key, text.params ?? {});
}
