/**
 * Diagnostics in the window's language: core/i18n words each diagnostic and its fix from its key
 * and params (`diagnosticText`). One place for the panels, the canvas and the problems list to
 * ask, so every surface says the same.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../core/index.ts';
import { diagnosticText, type TFunction } from '../../core/i18n/index.ts';

export interface DiagnosticWords {
  message: string;
  fix?: string;
}

export function diagnosticWords(t: TFunction, d: Diagnostic): DiagnosticWords {
  return diagnosticText(t, d);
}

/** `diagnosticWords` bound to the window's language (re-rendering when it changes). */
export function useDiagnosticWords(): (d: Diagnostic) => DiagnosticWords {
  const { t } = useTranslation();
  return useCallback((d: Diagnostic) => diagnosticWords(t, d), [t]);
}
