/**
 * What core reports, in the reader's language: one `…Text(t, x)` per kind of report. Each renders
 * the report's key and params with the caller's translator (the renderer's window language, the
 * CLI's --lang), and falls back to the English text the report carries when its key is unknown
 * (a report from an older file or a newer core), so nothing is ever shown as a bare key.
 */
import type { TFunction } from 'i18next';
import { diagnosticMessageKey, type Diagnostic, type FixSuggestion } from '../graph/diagnostics.ts';
import type { HealthSignal } from '../train/health.ts';
import type { DataError, DataWarning } from '../data/data-result.ts';
import type { ProjectIssue } from '../project/issues.ts';
import { tryRenderMessage, type MessageParams } from './message.ts';

/** A diagnostic's message and its fix's label (when it has a fix), in `t`'s language. */
export function diagnosticText(t: TFunction, d: Diagnostic): { message: string; fix?: string } {
  const message = tryRenderMessage(t, `diagnostics:${diagnosticMessageKey(d)}`, d.params) ?? d.message;
  return d.fix ? { message, fix: fixText(t, d.fix) } : { message };
}

/** A fix's label in `t`'s language. */
export function fixText(t: TFunction, fix: FixSuggestion): string {
  return (fix.labelKey && tryRenderMessage(t, `diagnostics:fix.${fix.labelKey}`, fix.params)) || fix.label;
}

/** Anything that carries English text plus the key and values to say it again (`ns` is the key's namespace). */
interface Said {
  message: string | null;
  messageKey?: string;
  params?: MessageParams;
}

function said(t: TFunction, ns: string, x: Said, key = x.messageKey): string | null {
  return (key !== undefined && tryRenderMessage(t, `${ns}:${key}`, x.params)) || x.message;
}

/** A training-health signal's message in `t`'s language. */
export function healthText(t: TFunction, signal: HealthSignal): string {
  return said(t, 'health', signal, signal.code) ?? signal.message;
}

/**
 * Why a run stopped (a `diverged` event, or a `TrainingResult` that stopped early or diverged)
 * in `t`'s language; null when the run simply completed.
 */
export function trainingText(t: TFunction, x: Said): string | null {
  return said(t, 'training', x);
}

/** A CSV or dataset error or warning (core/data) in `t`'s language. */
export function dataIssueText(t: TFunction, issue: DataError | DataWarning): string {
  return said(t, 'data', issue) ?? issue.message;
}

/** A problem found while loading a project file (core/project), field path first, in `t`'s language. */
export function projectIssueText(t: TFunction, issue: ProjectIssue): string {
  const text = issue.messageKey !== undefined ? tryRenderMessage(t, `project:${issue.messageKey}`, issue.params) : undefined;
  if (text === undefined) return issue.message;
  // Most issues name their field first; an issue about the whole file (its format, its version) does not.
  return issue.path !== '' && issue.message.startsWith(`${issue.path}: `) ? `${issue.path}: ${text}` : text;
}

/**
 * What core says about a compiled model, in `t`'s language: stored weights that do not fit
 * (`Plan.loadWeights`), an export's errors, warnings and summary, a failed evaluation of saved weights.
 */
export function modelText(t: TFunction, x: Said & { message: string }): string {
  return said(t, 'model', x) ?? x.message;
}
