/**
 * Every diagnostic in one list, errors first. Clicking one selects its node and centres the view
 * on it; a proposed fix is one click here too. Problems with the data (a CSV that cannot be read,
 * roles that do not make a dataset) are listed with them.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Diagnostic, Fix, Severity } from '../../core/index.ts';
import { useDiagnosticWords } from '../i18n/diagnostics.ts';
import { SeverityBadge } from './SeverityBadge.tsx';
import { ExplainButton } from '../learn/ExplainButton.tsx';

export interface AppProblem {
  severity: Severity;
  message: string;
}

export interface ProblemsPanelProps {
  diagnostics: readonly Diagnostic[];
  dataProblems: readonly AppProblem[];
  onSelectNode(nodeId: string): void;
  onSelectEdge(edgeId: string): void;
  applyFix(fix: Fix, nodeId?: string): void;
}

function count(items: readonly { severity: Severity }[], severity: Severity): number {
  return items.filter((d) => d.severity === severity).length;
}

function ProblemsPanelView({ diagnostics, dataProblems, onSelectNode, onSelectEdge, applyFix }: ProblemsPanelProps) {
  const { t } = useTranslation();
  const words = useDiagnosticWords();
  const all = [...dataProblems, ...diagnostics];
  const errors = count(all, 'error');
  const warnings = count(all, 'warning');
  return (
    <section className="lb-problems" aria-label={t('panels:problems.label')}>
      <h2 className="lb-panel-title">
        {t('panels:problems.title')} <span className="lb-muted" data-testid="problem-counts">
          {t('panels:problems.counts', { errors: t('panels:problems.errors', { count: errors }), warnings: t('panels:problems.warnings', { count: warnings }) })}
        </span>
      </h2>
      {all.length === 0 ? (
        <p className="lb-muted lb-problems__none">{t('panels:problems.none')}</p>
      ) : (
        <ul className="lb-problems__list">
          {dataProblems.map((p) => (
            <li key={p.message} className={`lb-problem lb-problem--${p.severity}`}>
              <SeverityBadge severity={p.severity} />
              <span className="lb-problem__where">{t('panels:problems.data')}</span>
              <span className="lb-problem__message">{p.message}</span>
            </li>
          ))}
          {diagnostics.map((d, i) => {
            const target = d.nodeId ?? d.edgeId;
            const { message, fix } = words(d);
            const label = { severity: t(`panels:severity.${d.severity}`), code: d.code, message };
            return (
              <li key={`${d.code}:${target ?? ''}:${i}`} className={`lb-problem lb-problem--${d.severity}`}>
                <button type="button" className="lb-problem__select" disabled={target === undefined}
                  aria-label={target ? t('panels:problems.itemLabelOn', { ...label, target }) : t('panels:problems.itemLabel', label)}
                  onClick={() => (d.nodeId ? onSelectNode(d.nodeId) : d.edgeId ? onSelectEdge(d.edgeId) : undefined)}>
                  <SeverityBadge severity={d.severity} />
                  <span className="lb-problem__code">{d.code}</span>
                  <span className="lb-problem__where">{target ?? t('panels:problems.graph')}</span>
                  <span className="lb-problem__message">{message}</span>
                </button>
                <ExplainButton target={{ code: d.code, nodeId: d.nodeId, edgeId: d.edgeId, message: d.message, fix: d.fix, diagnostic: d }} />
                {d.fix && <button type="button" className="lb-fix" onClick={() => applyFix(d.fix!.patch, d.nodeId)}>{t('panels:fix', { label: fix ?? d.fix.label })}</button>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export const ProblemsPanel = memo(ProblemsPanelView);
