/**
 * What an explanation panel is about: a diagnostic (on a node, an edge or the whole graph), a
 * training-health signal, or a diverged run. The panel's words come from the `explain` catalogs,
 * keyed by code; `EXPLAINED_CODES` is every code core can raise, read from core's own lists so a
 * new code without an explanation fails explanations.test.ts.
 */
import { DiagnosticCode, HEALTH_CODES, type Diagnostic, type FixSuggestion, type HealthCode, type HealthSignal, type StopReason } from '../../core/index.ts';

/** A run stopped because its loss became NaN or infinite (core/train/run.ts). */
export type DivergedCode = Extract<StopReason, 'diverged'>;
export type ExplainedCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode] | HealthCode | DivergedCode;

export const EXPLAINED_CODES: readonly ExplainedCode[] = [...Object.values(DiagnosticCode), ...HEALTH_CODES, 'diverged'];

export interface ExplainTarget {
  code: string;
  /** The node it concerns, when there is one. */
  nodeId?: string;
  edgeId?: string;
  /** The message as the place it came from shows it (core's words, with the numbers). */
  message?: string;
  /** Core's one-click repair, for a diagnostic that has one. */
  fix?: FixSuggestion;
  /** The diagnostic itself, when there is one: the panel renders its message in the window's language. */
  diagnostic?: Diagnostic;
  /** Likewise for a training-health signal. */
  signal?: HealthSignal;
}

export function isExplained(code: string): code is ExplainedCode {
  return (EXPLAINED_CODES as readonly string[]).includes(code);
}
