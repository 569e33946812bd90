/**
 * Predictions in the target's original units. Regression: predicted against actual with the
 * y = ŷ line (a perfect model puts every point on it), and the residuals' histogram.
 * Classification: the confusion matrix and each class's accuracy.
 */
import { createContext, memo, useContext, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from '../../core/i18n/index.ts';
import { formatNumber } from '../i18n/i18n.ts';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ScatterChart, Tooltip, useXAxisScale, useYAxisScale, XAxis, YAxis } from 'recharts';
import type { PredictionsSnapshot } from '../../core/index.ts';
import { confusionCsv, histogramCsv, perClassCsv, predictionsCsv } from './chart-csv.ts';
import { ChartCard } from './ChartCard.tsx';
import { useChartTheme, useTickFormatter, type ChartTheme } from './chart-theme.ts';
import { binCountFor, confusionOf, histogram, niceDomain, niceTicks, perClassAccuracy, residuals, roundUp125, scatterPoints, type HistogramBin, type ScatterPoint } from './prediction-stats.ts';

type Regression = Extract<PredictionsSnapshot, { task: 'regression' }>;
type Classification = Extract<PredictionsSnapshot, { task: 'classification' }>;

/** Every row of the snapshot (at most 2000): they are drawn as one path, so the count costs little. */
const MAX_SCATTER_POINTS = 2000;
const POINT_RADIUS = 2.6;

/**
 * The scatter's points as one SVG path of small circles, placed with the chart's own axis
 * scales. Recharts' <Scatter> makes several React elements per point; remounting 2000 of them on
 * every snapshot during training took hundreds of milliseconds on the main thread, this takes one.
 */
const PointsContext = createContext<readonly ScatterPoint[]>([]);

function PointCloud({ color }: { color: string }) {
  const points = useContext(PointsContext);
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const r = POINT_RADIUS;
  const parts: string[] = [];
  for (const p of points) {
    const px = x(p.actual);
    const py = y(p.predicted);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    parts.push(`M${(px - r).toFixed(1)} ${py.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`);
  }
  return <path className="lb-scatter-points" data-count={parts.length} d={parts.join('')} fill={color} fillOpacity={0.55} stroke="none" />;
}

function snapshotNote(snapshot: PredictionsSnapshot, source: string, t: TFunction): string {
  const rows = t(snapshot.set === 'validation' ? 'charts:predictions.validationRows' : 'charts:predictions.trainingRows', { count: snapshot.rows });
  return t('charts:predictions.note', { rows, source });
}

/** Histogram bars as one path, from the chart's scales (the same reason as PointCloud). */
const BinsContext = createContext<readonly HistogramBin[]>([]);

function HistogramBars({ color }: { color: string }) {
  const bins = useContext(BinsContext);
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y) return null;
  const base = y(0) ?? NaN;
  let d = '';
  for (const b of bins) {
    const x0 = x(b.from);
    const x1 = x(b.to);
    const top = y(b.count);
    if (x0 === undefined || x1 === undefined || top === undefined || b.count === 0) continue;
    const gap = Math.min(1, (x1 - x0) / 4);
    d += `M${(x0 + gap).toFixed(1)} ${base.toFixed(1)}V${top.toFixed(1)}H${(x1 - gap).toFixed(1)}V${base.toFixed(1)}Z`;
  }
  return <path className="lb-histogram-bars" data-bins={bins.length} d={d} fill={color} stroke="none" />;
}

/** The same array while the values are the same: a memoised chart then stays as it is. */
function useStableRange(range: [number, number]): [number, number] {
  const last = useRef(range);
  if (last.current[0] !== range[0] || last.current[1] !== range[1]) last.current = range;
  return last.current;
}

function TargetPicker({ targets, value, onChange }: { targets: string[]; value: number; onChange(t: number): void }) {
  const { t } = useTranslation();
  if (targets.length < 2) return null;
  return (
    <select className="lb-input lb-input--compact lb-chart__select" value={value} aria-label={t('charts:predictions.target')} onChange={(e) => onChange(Number(e.target.value))}>
      {targets.map((t, i) => <option key={t} value={i}>{t}</option>)}
    </select>
  );
}

function RegressionChartsView({ snapshot, source }: { snapshot: Regression; source: string }) {
  const theme = useChartTheme();
  const { t: tr } = useTranslation();
  const formatTick = useTickFormatter();
  const [target, setTarget] = useState(0);
  const t = Math.min(target, Math.max(0, snapshot.targets.length - 1));
  const name = snapshot.targets[t] ?? tr('charts:predictions.targetFallback');
  const scatter = useMemo(() => scatterPoints(snapshot, t, MAX_SCATTER_POINTS), [snapshot, t]);
  const bins = useMemo(() => histogram(residuals(snapshot, t), binCountFor(snapshot.rows)), [snapshot, t]);
  const domain = useStableRange(niceDomain(scatter.min, scatter.max));
  // Residuals centre on 0; both ranges move only in 1-2-5 steps, so the charts seldom re-lay out.
  const reach = bins.length > 0 ? roundUp125(Math.max(Math.abs(bins[0].from), Math.abs(bins[bins.length - 1].to))) : 1;
  const binRange = useStableRange([-reach, reach]);
  const countRange = useStableRange([0, roundUp125(Math.max(1, ...bins.map((b) => b.count)))]);

  const scatterTicks = useMemo(() => niceTicks(domain[0], domain[1]), [domain]);
  const binTicks = useMemo(() => niceTicks(binRange[0], binRange[1], 4), [binRange]);
  const countTicks = useMemo(() => niceTicks(countRange[0], countRange[1], 4), [countRange]);
  // The charts are memoised on their ranges: a new snapshot only redraws the two paths.
  const scatterChart = useMemo(() => (
    <ScatterChart responsive style={{ width: '100%', height: 260 }} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
      <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
      <XAxis type="number" dataKey="actual" name="actual" domain={domain} ticks={scatterTicks} tickFormatter={formatTick} stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }}
        label={{ value: tr('charts:predictions.actual', { name }), position: 'insideBottomRight', offset: -2, fill: theme.muted, fontSize: 11 }} height={32} allowDataOverflow />
      <YAxis type="number" dataKey="predicted" name="predicted" domain={domain} ticks={scatterTicks} tickFormatter={formatTick} stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }} width={52} allowDataOverflow
        label={{ value: tr('charts:predictions.predicted'), angle: -90, position: 'insideLeft', fill: theme.muted, fontSize: 11 }} />
      <ReferenceLine segment={[{ x: domain[0], y: domain[0] }, { x: domain[1], y: domain[1] }]} stroke={theme.reference} strokeDasharray="5 4" ifOverflow="hidden" />
      <PointCloud color={theme.series[0]} />
    </ScatterChart>
  ), [theme, domain, scatterTicks, name, tr, formatTick]);
  const residualChart = useMemo(() => (
    <ScatterChart responsive style={{ width: '100%', height: 220 }} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
      <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
      <XAxis type="number" dataKey="x" domain={binRange} ticks={binTicks} allowDataOverflow tickFormatter={formatTick} stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }} height={24} />
      <YAxis type="number" dataKey="y" domain={countRange} ticks={countTicks} allowDataOverflow allowDecimals={false} stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }} width={40} />
      <HistogramBars color={theme.series[2]} />
      <ReferenceLine x={0} stroke={theme.reference} strokeDasharray="5 4" ifOverflow="hidden" />
    </ScatterChart>
  ), [theme, binRange, countRange, binTicks, countTicks, formatTick]);

  return (
    <>
      <ChartCard
        title={tr('charts:predictions.scatterOf', { name })}
        testId="chart-scatter"
        legend={[{ name: tr('charts:predictions.rows'), color: theme.series[0] }, { name: 'y = ŷ', color: theme.reference }]}
        controls={<TargetPicker targets={snapshot.targets} value={t} onChange={setTarget} />}
        csv={() => predictionsCsv(snapshot)}
        note={snapshotNote(snapshot, source, tr)}
      >
        <PointsContext.Provider value={scatter.points}>{scatterChart}</PointsContext.Provider>
      </ChartCard>
      <ChartCard
        title={tr('charts:predictions.residualsOf', { name })}
        testId="chart-residuals"
        legend={[{ name: tr('charts:predictions.rowsPerBin'), color: theme.series[2] }]}
        csv={() => histogramCsv(bins, 'residual')}
        note={tr('charts:predictions.residualsNote')}
      >
        <BinsContext.Provider value={bins}>{residualChart}</BinsContext.Provider>
      </ChartCard>
    </>
  );
}

/** Mixes two #rrggbb colours (other forms fall back to the second). */
function mix(low: string, high: string, t: number): string {
  const parse = (c: string) => (/^#[0-9a-f]{6}$/i.test(c) ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : null);
  const a = parse(low);
  const b = parse(high);
  if (!a || !b) return high;
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * t)).join(',')})`;
}

/** The confusion matrix as SVG (so it exports like the other charts): counts, shaded by share of the row. */
function ConfusionMatrix({ classes, confusion, theme }: { classes: string[]; confusion: number[][]; theme: ChartTheme }) {
  const { t, i18n } = useTranslation();
  const k = classes.length;
  const cell = Math.max(26, Math.min(64, Math.floor(300 / Math.max(1, k))));
  const labelWidth = Math.min(120, 12 + 7 * Math.max(...classes.map((c) => c.length), 6));
  const top = 34;
  const width = labelWidth + k * cell + 8;
  const height = top + k * cell + 8;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('charts:predictions.confusion')} data-testid="confusion-matrix" className="lb-confusion">
      <text x={labelWidth + (k * cell) / 2} y={12} textAnchor="middle" fill={theme.muted} fontSize={11}>{t('charts:predictions.predicted')}</text>
      {classes.map((c, j) => (
        <text key={`h${c}`} x={labelWidth + j * cell + cell / 2} y={28} textAnchor="middle" fill={theme.text} fontSize={11}>{c.length > 10 ? `${c.slice(0, 9)}…` : c}</text>
      ))}
      {confusion.map((row, i) => {
        const total = row.reduce((s, v) => s + v, 0) || 1;
        return (
          <g key={classes[i]}>
            <text x={labelWidth - 6} y={top + i * cell + cell / 2 + 4} textAnchor="end" fill={theme.text} fontSize={11}>{classes[i]}</text>
            {row.map((v, j) => {
              const share = v / total;
              return (
                <g key={j} data-testid={`confusion-${i}-${j}`}>
                  <rect x={labelWidth + j * cell} y={top + i * cell} width={cell - 2} height={cell - 2} rx={3}
                    fill={mix(theme.heatLow, i === j ? theme.heatHigh : theme.error, share)} stroke={theme.grid} />
                  <text x={labelWidth + j * cell + (cell - 2) / 2} y={top + i * cell + (cell - 2) / 2 + 4} textAnchor="middle" fontSize={12}
                    fill={share > 0.55 ? theme.panel : theme.text} fontWeight={i === j ? 700 : 400}>{formatNumber(v, i18n.language)}</text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

function ClassificationChartsView({ snapshot, source }: { snapshot: Classification; source: string }) {
  const theme = useChartTheme();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const confusion = useMemo(() => confusionOf(snapshot), [snapshot]);
  const accuracy = useMemo(() => perClassAccuracy(confusion), [confusion]);
  // Rounded to the percent and keyed by its text: a new snapshot with the same accuracies redraws nothing.
  const key = accuracy.map((a) => Math.round((a ?? 0) * 1000)).join(',');
  const bars = useMemo(() => snapshot.classes.map((c, i) => ({ cls: c, accuracy: Number(key.split(',')[i]) / 1000 })), [snapshot.classes, key]);
  const accuracyChart = useMemo(() => (
    <BarChart responsive data={bars} style={{ width: '100%', height: 220 }} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
      <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="cls" stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }} height={24} />
      <YAxis domain={[0, 1]} tickFormatter={(v: number) => formatNumber(v, locale, { style: 'percent', maximumFractionDigits: 0 })} stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }} width={44} />
      <Tooltip formatter={(v) => formatNumber(Number(v), locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })} contentStyle={{ background: theme.panel, borderColor: theme.grid, color: theme.text, fontSize: 12 }} />
      <Bar dataKey="accuracy" name={t('charts:predictions.accuracy')} fill={theme.series[2]} isAnimationActive={false} />
    </BarChart>
  ), [bars, theme, locale, t]);
  const metrics = { classes: snapshot.classes, confusion, recall: accuracy, precision: snapshot.classes.map((_, j) => {
    const col = confusion.reduce((s, row) => s + row[j], 0);
    return col === 0 ? null : confusion[j][j] / col;
  }) };
  return (
    <>
      <ChartCard title={t('charts:predictions.confusion')} testId="chart-confusion" csv={() => confusionCsv(metrics)}
        note={t('charts:predictions.confusionNote', { note: snapshotNote(snapshot, source, t) })}>
        <ConfusionMatrix classes={snapshot.classes} confusion={confusion} theme={theme} />
      </ChartCard>
      <ChartCard title={t('charts:predictions.classAccuracy')} testId="chart-class-accuracy" legend={[{ name: t('charts:predictions.classAccuracyLegend'), color: theme.series[2] }]}
        csv={() => perClassCsv(metrics)}>
        {accuracyChart}
      </ChartCard>
    </>
  );
}

const RegressionCharts = memo(RegressionChartsView);
const ClassificationCharts = memo(ClassificationChartsView);

export interface PredictionChartsProps {
  snapshot: PredictionsSnapshot | null;
  /** Where the snapshot comes from ("epoch 120 of the run", "the saved weights"). */
  source: string;
  task: 'regression' | 'classification' | null;
}

function PredictionChartsView({ snapshot, source, task }: PredictionChartsProps) {
  const { t } = useTranslation();
  if (!snapshot) {
    const empty = t('charts:predictions.empty');
    return task === 'classification' ? (
      <>
        <ChartCard title={t('charts:predictions.confusion')} testId="chart-confusion" empty={empty} />
        <ChartCard title={t('charts:predictions.classAccuracy')} testId="chart-class-accuracy" empty={empty} />
      </>
    ) : (
      <>
        <ChartCard title={t('charts:predictions.scatter')} testId="chart-scatter" empty={empty} />
        <ChartCard title={t('charts:predictions.residuals')} testId="chart-residuals" empty={empty} />
      </>
    );
  }
  return snapshot.task === 'regression' ? <RegressionCharts snapshot={snapshot} source={source} /> : <ClassificationCharts snapshot={snapshot} source={source} />;
}

export const PredictionCharts = memo(PredictionChartsView);
