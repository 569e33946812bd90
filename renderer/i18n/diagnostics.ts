/**
 * Diagnostics in the window's language. core's diagnostics carry their own English `message`
 * and `fix.label`; core/i18n words them in the current language. One place for the panels, the
 * canvas and the problems list to ask, so every surface says the same.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic } from '../../core/index.ts';
import type { TFunction } from '../../core/i18n/index.ts';

export interface DiagnosticWords {
  message: string;
  fix?: string;
}

export type DiagnosticLike = Pick<Diagnostic, 'code' | 'message'> & Partial<Pick<Diagnostic, 'fix' | 'nodeId' | 'edgeId' | 'severity'>>;

export function diagnosticWords(_t: TFunction, d: DiagnosticLike): DiagnosticWords {
  return { message: d.message, ...(d.fix ? { fix: d.fix.label } : {}) };
}

/** `diagnosticWords` bound to the window's language (re-rendering when it changes). */
export function useDiagnosticWords(): (d: DiagnosticLike) => DiagnosticWords {
  const { t } = useTranslation();
  return useCallback((d: DiagnosticLike) => diagnosticWords(t, d), [t]);
}
