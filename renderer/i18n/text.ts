/**
 * Words decided away from a component (a reducer, a file reader): a key with its parameters, or a
 * text that arrives already worded (an engine message). Turned into a string where it is shown,
 * so a language switch rewords it.
 */
import type { TFunction } from '../../core/i18n/index.ts';

export type UiText = { key: string; params?: Record<string, unknown> } | { text: string };

export function uiText(t: TFunction, text: UiText): string {
  return 'text' in text ? text.text : t(text.key, text.params ?? {});
}
