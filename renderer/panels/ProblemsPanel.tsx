/**
 * Every diagnostic in one list, errors first. Clicking one selects its node and centres the view
 * on it; a proposed fix is one click here too. Problems with the data (a CSV that cannot be read,
 * roles that do not make a dataset) are listed with them.
 */
import { memo } from 'react';
import type { Diagnostic, Fix, Severity } from '../../core/index.ts';
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
  const all = [...dataProblems, ...diagnostics];
  const errors = count(all, 'error');
  const warnings = count(all, 'warning');
  return (
    <section className="lb-problems" aria-label="Problems">
      <h2 className="lb-panel-title">
        Problems <span className="lb-muted" data-testid="problem-counts">{errors} {errors === 1 ? 'error' : 'errors'}, {warnings} {warnings === 1 ? 'warning' : 'warnings'}</span>
      </h2>
      {all.length === 0 ? (
        <p className="lb-muted lb-problems__none">No problems: the network fits the data.</p>
      ) : (
        <ul className="lb-problems__list">
          {dataProblems.map((p) => (
            <li key={p.message} className={`lb-problem lb-problem--${p.severity}`}>
              <SeverityBadge severity={p.severity} />
              <span className="lb-problem__where">data</span>
              <span className="lb-problem__message">{p.message}</span>
            </li>
          ))}
          {diagnostics.map((d, i) => {
            const target = d.nodeId ?? d.edgeId;
            return (
              <li key={`${d.code}:${target ?? ''}:${i}`} className={`lb-problem lb-problem--${d.severity}`}>
                <button type="button" className="lb-problem__select" disabled={target === undefined}
                  aria-label={`${d.severity} ${d.code}${target ? ` on ${target}` : ''}: ${d.message}`}
                  onClick={() => (d.nodeId ? onSelectNode(d.nodeId) : d.edgeId ? onSelectEdge(d.edgeId) : undefined)}>
                  <SeverityBadge severity={d.severity} />
                  <span className="lb-problem__code">{d.code}</span>
                  <span className="lb-problem__where">{target ?? 'graph'}</span>
                  <span className="lb-problem__message">{d.message}</span>
                </button>
                <ExplainButton target={{ code: d.code, nodeId: d.nodeId, edgeId: d.edgeId, message: d.message, fix: d.fix, diagnostic: d }} />
                {d.fix && <button type="button" className="lb-fix" onClick={() => applyFix(d.fix!.patch, d.nodeId)}>Fix: {d.fix.label}</button>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export const ProblemsPanel = memo(ProblemsPanelView);
