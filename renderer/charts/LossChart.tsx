/**
 * The loss curve: train and validation loss per epoch, linear or log scale, drawn from at most
 * MAX_POINTS points (min–max downsampled) however long the run.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n.ts';
import { seriesCsv } from './chart-csv.ts';
import type { LossColumns } from './chart-data.ts';
import { ChartCard, LogToggle } from './ChartCard.tsx';
import { useChartTheme } from './chart-theme.ts';
import { SeriesChart, type SeriesSpec } from './SeriesChart.tsx';

const MAX_POINTS = 600;

export interface LossChartProps {
  columns: LossColumns;
  log: boolean;
  onLog(log: boolean): void;
  lossName: string;
  /** The epochs a run in progress covers (the x axis stays put while it fills). */
  epochRange: [number, number] | null;
  /** Bumped when the columns' contents changed (they may be the same arrays, refilled). */
  version: number;
}

function LossChartView({ columns, log, onLog, lossName, epochRange, version }: LossChartProps) {
  const theme = useChartTheme();
  const { t, i18n } = useTranslation();
  const series = useMemo((): SeriesSpec[] => [
    { key: 'train', values: columns.train, color: theme.series[0] },
    ...(columns.hasValidation ? [{ key: 'validation', values: columns.validation, color: theme.series[1] }] : []),
  ], [columns, theme]);
  const legend = [{ name: t('charts:loss.train'), color: theme.series[0] }, ...(columns.hasValidation ? [{ name: t('charts:loss.validation'), color: theme.series[1] }] : [])];
  const n = columns.epoch.length;
  return (
    <ChartCard
      title={t('charts:loss.title')}
      testId="chart-loss"
      legend={legend}
      controls={<LogToggle on={log} onChange={onLog} />}
      csv={() => (n === 0 ? null : seriesCsv('epoch', columns.epoch, { train_loss: columns.train, validation_loss: columns.validation }))}
      empty={n === 0 ? t('charts:loss.empty') : null}
      note={n > MAX_POINTS ? t('charts:loss.noteLong', { loss: lossName, epochs: formatNumber(n, i18n.language), points: MAX_POINTS }) : t('charts:loss.note', { loss: lossName })}
      wide
    >
      <SeriesChart x={columns.epoch} series={series} log={log} xDomain={epochRange ?? undefined} xLabel={t('charts:loss.epoch')} height={240} maxPoints={MAX_POINTS} version={version} />
    </ChartCard>
  );
}

export const LossChart = memo(LossChartView);
