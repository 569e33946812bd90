/**
 * What core reports, in the reader's language: one `…Text(t, x)` per kind of report. Each renders
 * the report's key and params with the caller's translator (the renderer's window language, the
 * CLI's --lang), and falls back to the English text the report carries when its key is unknown
 * (a report from an older file or a newer core), so nothing is ever shown as a bare key.
 */
import type { TFunction } from 'i18next';
import { diagnosticMessageKey, type Diagnostic, type FixSuggestion } from '../graph/diagnostics.ts';
import { tryRenderMessage } from './message.ts';

/** A diagnostic's message and its fix's label (when it has a fix), in `t`'s language. */
export function diagnosticText(t: TFunction, d: Diagnostic): { message: string; fix?: string } {
  const message = tryRenderMessage(t, `diagnostics:${diagnosticMessageKey(d)}`, d.params) ?? d.message;
  return d.fix ? { message, fix: fixText(t, d.fix) } : { message };
}

/** A fix's label in `t`'s language. */
export function fixText(t: TFunction, fix: FixSuggestion): string {
  return (fix.labelKey && tryRenderMessage(t, `diagnostics:fix.${fix.labelKey}`, fix.params)) || fix.label;
}
