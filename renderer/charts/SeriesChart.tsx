/**
 * A line chart for long series that update while a network trains: Recharts lays out the axes,
 * grid and scales (and resizes), and the lines are drawn by us as one SVG path per series from
 * the chart's own scales, after min–max downsampling.
 *
 * Why not <Line data>: every data change makes Recharts recompute its whole state (ticks, text
 * measured in the DOM, a React element per point), 50–300 ms per update on a modest machine: a
 * long task four times a second. Here Recharts is given no data at all, only axis ranges that
 * change rarely (a run's whole epoch range from the start, round value ranges), and its element
 * is memoised on them, so React does not even re-render it; the lines get new data through a
 * context, which reaches them inside the memoised chart. An update costs a few path strings.
 */
import { createContext, memo, useContext, useMemo, useRef } from 'react';
import { CartesianGrid, LineChart, useXAxisScale, useYAxisScale, XAxis, YAxis } from 'recharts';
import { useChartTheme, useTickFormatter } from './chart-theme.ts';
import { decadeDomain, extent, linePath, minMaxIndicesOf } from './downsample.ts';
import { decadeTicks, niceDomain, niceTicks } from './prediction-stats.ts';

export interface SeriesSpec {
  key: string;
  values: ArrayLike<number>;
  color: string;
  dashed?: boolean;
}

export interface SeriesChartProps {
  x: ArrayLike<number>;
  series: readonly SeriesSpec[];
  log: boolean;
  /** The x range; default: the data's. A run in progress passes its whole epoch range. */
  xDomain?: [number, number];
  /** A fixed y range (a fraction: [0, 1]); default: round numbers (or decades) around the data. */
  yDomain?: [number, number];
  yFormat?(value: number): string;
  xLabel?: string;
  height: number;
  maxPoints: number;
  /** Bumped when the series' contents changed (the arrays may be refilled in place). */
  version: number;
  testId?: string;
}

/** The same array while the values are the same, so Recharts sees no change. */
function useStable(domain: [number, number]): [number, number] {
  const last = useRef(domain);
  if (last.current[0] !== domain[0] || last.current[1] !== domain[1]) last.current = domain;
  return last.current;
}

type LinesData = Pick<SeriesChartProps, 'x' | 'series' | 'log' | 'maxPoints' | 'version'>;
const LinesContext = createContext<LinesData | null>(null);

function Lines() {
  const data = useContext(LinesContext);
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const indices = useMemo(() => (data ? minMaxIndicesOf(data.series.map((s) => s.values), data.maxPoints) : []), [data]);
  if (!xScale || !yScale || !data) return null;
  const { x, series, log } = data;
  const sx = (v: number) => xScale(v) ?? NaN;
  const sy = (v: number) => yScale(v) ?? NaN;
  return (
    <g className="lb-lines" data-points={indices.length}>
      {series.map((s) => (
        <path key={s.key} className="lb-line" data-series={s.key} d={linePath(x, s.values, indices, sx, sy, log)} fill="none"
          stroke={s.color} strokeWidth={1.8} strokeDasharray={s.dashed ? '5 4' : undefined} strokeLinejoin="round" />
      ))}
    </g>
  );
}

function SeriesChartView({ x, series, log, xDomain, yDomain, yFormat: yFormatOwn, xLabel, height, maxPoints, version, testId }: SeriesChartProps) {
  const theme = useChartTheme();
  const formatTick = useTickFormatter();
  const yFormat = yFormatOwn ?? formatTick;
  const xRange = useStable(useMemo((): [number, number] => {
    if (xDomain) return xDomain;
    // Epochs: from 0 (before training) to the last one.
    const e = extent([x]);
    return e ? [Math.min(0, e[0]), Math.max(e[1], 1)] : [0, 1];
  }, [x, xDomain, version]));
  const yRange = useStable(useMemo((): [number, number] => {
    if (yDomain) return yDomain;
    const e = extent(series.map((s) => s.values), log);
    if (!e) return log ? [0.1, 10] : [0, 1];
    if (log) return decadeDomain(e[0], e[1]);
    // Losses and norms are never negative: from 0, the axis changes only when a new maximum
    // passes a round number, not every time the minimum falls.
    return niceDomain(Math.min(0, e[0]), e[1]);
  }, [series, yDomain, log, version]));
  const xTicks = useMemo(() => niceTicks(xRange[0], xRange[1]), [xRange]);
  const yTicks = useMemo(() => (log ? decadeTicks(yRange[0], yRange[1]) : niceTicks(yRange[0], yRange[1], 4)), [yRange, log]);
  const lines = useMemo((): LinesData => ({ x, series, log, maxPoints, version }), [x, series, log, maxPoints, version]);
  const chart = useMemo(() => (
    <LineChart responsive style={{ width: '100%', height }} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} data-testid={testId}>
      <CartesianGrid stroke={theme.grid} strokeDasharray="3 3" />
      <XAxis type="number" dataKey="x" domain={xRange} ticks={xTicks} allowDataOverflow tickFormatter={formatTick} stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }}
        height={xLabel ? 32 : 24} label={xLabel ? { value: xLabel, position: 'insideBottomRight', offset: -2, fill: theme.muted, fontSize: 11 } : undefined} />
      <YAxis type="number" scale={log ? 'log' : 'linear'} domain={yRange} ticks={yTicks} allowDataOverflow tickFormatter={yFormat} stroke={theme.muted} tick={{ fill: theme.muted, fontSize: 11 }} width={56} />
      <Lines />
    </LineChart>
  ), [theme, height, testId, xRange, yRange, xTicks, yTicks, xLabel, log, yFormat, formatTick]);
  return <LinesContext.Provider value={lines}>{chart}</LinesContext.Provider>;
}

export const SeriesChart = memo(SeriesChartView);
