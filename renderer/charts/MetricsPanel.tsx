/**
 * The final metrics in the target's original units: R², RMSE and MAE per target for regression;
 * accuracy and macro-averaged precision and recall (and per class) for classification.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n.ts';
import type { Metrics } from '../../core/index.ts';
import { mean, metricsCsv } from './chart-csv.ts';
import { ChartCard } from './ChartCard.tsx';

export interface MetricsPanelProps {
  metrics: { train: Metrics; validation: Metrics | null } | null;
  source: string;
}

/** A metric as the locale writes it: a percentage to one decimal, or up to four decimals (scientific when very large or small). */
function fmt(v: number | null | undefined, locale: string, percent = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (percent) return formatNumber(v, locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const scientific = Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0);
  return scientific
    ? formatNumber(v, locale, { notation: 'scientific', minimumFractionDigits: 3, maximumFractionDigits: 3 })
    : formatNumber(v, locale, { maximumFractionDigits: 4, useGrouping: false });
}

function MetricsPanelView({ metrics, source }: MetricsPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const setName = (set: string) => t(`charts:metrics.sets.${set === 'validation' ? 'validation' : 'train'}`);
  const sets: [string, Metrics][] = [];
  if (metrics) {
    sets.push(['train', metrics.train]);
    if (metrics.validation) sets.push(['validation', metrics.validation]);
  }
  return (
    <ChartCard title={t('charts:metrics.title')} testId="metrics" png={false} csv={metrics ? () => metricsCsv(metrics) : undefined}
      empty={metrics ? null : t('charts:metrics.empty')} note={source}>
      {metrics?.train.task === 'regression' ? (
        <table className="lb-metrics">
          <thead><tr><th scope="col">{t('charts:metrics.set')}</th><th scope="col">{t('charts:metrics.target')}</th><th scope="col">R²</th><th scope="col">RMSE</th><th scope="col">MAE</th></tr></thead>
          <tbody>
            {sets.flatMap(([set, m]) => (m.task === 'regression' ? m.targets : []).map((m2) => (
              <tr key={`${set}-${m2.name}`} data-set={set}>
                <th scope="row">{setName(set)}</th><td>{m2.name}</td>
                <td data-metric="r2">{fmt(m2.r2, locale)}</td><td data-metric="rmse">{fmt(m2.rmse, locale)}</td><td data-metric="mae">{fmt(m2.mae, locale)}</td>
              </tr>
            )))}
          </tbody>
        </table>
      ) : metrics ? (
        <table className="lb-metrics">
          <thead><tr><th scope="col">{t('charts:metrics.set')}</th><th scope="col">{t('charts:metrics.accuracy')}</th><th scope="col">{t('charts:metrics.precision')}</th><th scope="col">{t('charts:metrics.recall')}</th></tr></thead>
          <tbody>
            {sets.map(([set, m]) => m.task === 'classification' && (
              <tr key={set} data-set={set}>
                <th scope="row">{setName(set)}</th>
                <td data-metric="accuracy" data-value={m.accuracy}>{fmt(m.accuracy, locale, true)}</td>
                <td data-metric="precision">{fmt(mean(m.precision), locale, true)}</td>
                <td data-metric="recall">{fmt(mean(m.recall), locale, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {metrics?.train.task === 'classification' && <p className="lb-muted lb-metrics__hint">{t('charts:metrics.macro')}</p>}
    </ChartCard>
  );
}

export const MetricsPanel = memo(MetricsPanelView);
