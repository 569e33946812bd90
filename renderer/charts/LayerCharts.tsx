/**
 * The network's health over the run: each linear layer's gradient norm (a deep sigmoid stack's
 * first layers fall by orders of magnitude: vanishing gradients, on a log axis by default) and
 * the fraction of ReLU units that output zero for every row of the batch (dead ReLUs).
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { seriesCsv } from './chart-csv.ts';
import type { LayerColumns } from './chart-data.ts';
import { ChartCard, LogToggle } from './ChartCard.tsx';
import { useChartTheme } from './chart-theme.ts';
import { SeriesChart, type SeriesSpec } from './SeriesChart.tsx';

const MAX_POINTS = 500;
const FRACTION: [number, number] = [0, 1];

export interface LayerChartProps {
  columns: LayerColumns | null;
  epochRange: [number, number] | null;
  version: number;
}

function GradientNormChartView({ columns, epochRange, version, log, onLog }: LayerChartProps & { log: boolean; onLog(log: boolean): void }) {
  const theme = useChartTheme();
  const { t } = useTranslation();
  const layers = useMemo(() => (columns ? Object.keys(columns.gradNorms) : []), [columns]);
  // Train and validation own the first two colours; past the palette, lines are dashed, so a
  // ninth layer never looks like the first.
  const style = (i: number) => ({ color: theme.series[(i + 2) % theme.series.length], dashed: Math.floor((i + 2) / theme.series.length) % 2 === 1 });
  const series = useMemo((): SeriesSpec[] => layers.map((id, i) => ({ key: id, values: columns!.gradNorms[id], ...style(i) })), [layers, columns, theme]);
  return (
    <ChartCard
      title={t('charts:layers.gradients')}
      testId="chart-gradients"
      legend={layers.map((id, i) => ({ name: id, ...style(i) }))}
      controls={<LogToggle on={log} onChange={onLog} />}
      csv={() => (columns ? seriesCsv('epoch', columns.x, columns.gradNorms) : null)}
      empty={columns ? null : t('charts:layers.notSaved')}
      note={t('charts:layers.gradientsNote')}
    >
      {columns && <SeriesChart x={columns.x} series={series} log={log} xDomain={epochRange ?? undefined} height={220} maxPoints={MAX_POINTS} version={version} />}
    </ChartCard>
  );
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

function DeadReluChartView({ columns, epochRange, version }: LayerChartProps) {
  const theme = useChartTheme();
  const { t } = useTranslation();
  const series = useMemo((): SeriesSpec[] => (columns ? [{ key: 'dead', values: columns.deadRelu, color: theme.series[4] }] : []), [columns, theme]);
  const empty = !columns ? t('charts:layers.notSaved') : !columns.hasDeadRelu ? t('charts:layers.noRelu') : null;
  return (
    <ChartCard
      title={t('charts:layers.deadRelu')}
      testId="chart-dead-relu"
      legend={[{ name: t('charts:layers.deadUnits'), color: theme.series[4] }]}
      csv={() => (columns ? seriesCsv('epoch', columns.x, { dead_relu_fraction: columns.deadRelu }) : null)}
      empty={empty}
      note={t('charts:layers.deadReluNote')}
    >
      {columns && <SeriesChart x={columns.x} series={series} log={false} xDomain={epochRange ?? undefined} yDomain={FRACTION} yFormat={percent} height={220} maxPoints={MAX_POINTS} version={version} />}
    </ChartCard>
  );
}

export const GradientNormChart = memo(GradientNormChartView);
export const DeadReluChart = memo(DeadReluChartView);
