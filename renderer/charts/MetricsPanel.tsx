/**
 * The final metrics in the target's original units: R², RMSE and MAE per target for regression;
 * accuracy and macro-averaged precision and recall (and per class) for classification.
 */
import { memo } from 'react';
import type { Metrics } from '../../core/index.ts';
import { mean, metricsCsv } from './chart-csv.ts';
import { ChartCard } from './ChartCard.tsx';

export interface MetricsPanelProps {
  metrics: { train: Metrics; validation: Metrics | null } | null;
  source: string;
}

function fmt(v: number | null | undefined, percent = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return percent ? `${(v * 100).toFixed(1)}%` : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4).replace(/\.?0+$/, '') || '0';
}

function MetricsPanelView({ metrics, source }: MetricsPanelProps) {
  const sets: [string, Metrics][] = [];
  if (metrics) {
    sets.push(['train', metrics.train]);
    if (metrics.validation) sets.push(['validation', metrics.validation]);
  }
  return (
    <ChartCard title="Metrics" testId="metrics" png={false} csv={metrics ? () => metricsCsv(metrics) : undefined}
      empty={metrics ? null : 'The metrics of the trained network appear here when a run ends.'} note={source}>
      {metrics?.train.task === 'regression' ? (
        <table className="lb-metrics">
          <thead><tr><th scope="col">Set</th><th scope="col">Target</th><th scope="col">R²</th><th scope="col">RMSE</th><th scope="col">MAE</th></tr></thead>
          <tbody>
            {sets.flatMap(([set, m]) => (m.task === 'regression' ? m.targets : []).map((t) => (
              <tr key={`${set}-${t.name}`} data-set={set}>
                <th scope="row">{set}</th><td>{t.name}</td>
                <td data-metric="r2">{fmt(t.r2)}</td><td data-metric="rmse">{fmt(t.rmse)}</td><td data-metric="mae">{fmt(t.mae)}</td>
              </tr>
            )))}
          </tbody>
        </table>
      ) : metrics ? (
        <table className="lb-metrics">
          <thead><tr><th scope="col">Set</th><th scope="col">Accuracy</th><th scope="col">Precision</th><th scope="col">Recall</th></tr></thead>
          <tbody>
            {sets.map(([set, m]) => m.task === 'classification' && (
              <tr key={set} data-set={set}>
                <th scope="row">{set}</th>
                <td data-metric="accuracy" data-value={m.accuracy}>{fmt(m.accuracy, true)}</td>
                <td data-metric="precision">{fmt(mean(m.precision), true)}</td>
                <td data-metric="recall">{fmt(mean(m.recall), true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {metrics?.train.task === 'classification' && <p className="lb-muted lb-metrics__hint">Precision and recall are averaged over the classes (macro).</p>}
    </ChartCard>
  );
}

export const MetricsPanel = memo(MetricsPanelView);
