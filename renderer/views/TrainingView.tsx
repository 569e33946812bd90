/**
 * The Training tab: the loss curve, the predictions (scatter and residuals, or the confusion
 * matrix and per-class accuracy), the gradient norm per layer, the dead-ReLU fraction and the
 * final metrics. Loaded on demand (with Recharts), so the editor starts without it.
 *
 * While a run goes on the charts read the training client's buffers when it says there is
 * something new (at most four times a second); otherwise they show the project: its saved loss
 * history, and predictions and metrics of its saved weights (computed in a worker).
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { healthText, modelText } from '../../core/i18n/index.ts';
import { formatNumber } from '../i18n/i18n.ts';
import type { Host } from '../host/host.ts';
import { assessHealth, type Project } from '../../core/index.ts';
import { SeverityBadge } from '../panels/SeverityBadge.tsx';
import { ExplainButton } from '../learn/ExplainButton.tsx';
import { StepThroughButton } from '../learn/StepThroughButton.tsx';
import { layerColumns, lossColumns } from '../charts/chart-data.ts';
import { ChartExportContext, type ChartExportContextValue } from '../charts/ChartCard.tsx';
import { DeadReluChart, GradientNormChart } from '../charts/LayerCharts.tsx';
import { LossChart } from '../charts/LossChart.tsx';
import { MetricsPanel } from '../charts/MetricsPanel.tsx';
import { PredictionCharts } from '../charts/PredictionCharts.tsx';
import type { TrainingClient } from '../train/training-client.ts';
import { isActive } from '../train/training-state.ts';
import { useSavedPredictions } from '../train/use-saved-predictions.ts';
import { KernelReportNote } from '../train/KernelReportNote.tsx';

export interface TrainingViewProps {
  host: Host;
  client: TrainingClient;
  doc: Project;
  csv: Uint8Array | null;
  task: 'regression' | 'classification' | null;
  onError(title: string, message: string): void;
  /** Opens "Step through one row" (renderer/learn). */
  onStepThrough?(): void;
}

export default function TrainingView({ host, client, doc, csv, task, onError, onStepThrough }: TrainingViewProps) {
  // Only what the charts need, each a value that changes rarely: the view does not re-render
  // with every progress event (the training bar does).
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const version = useSyncExternalStore(client.subscribe, client.getChartVersion);
  const phase = useSyncExternalStore(client.subscribe, () => client.getState().phase);
  const started = useSyncExternalStore(client.subscribe, () => client.getState().started);
  const kernels = useSyncExternalStore(client.subscribe, () => client.getState().kernels);
  const active = isActive({ phase });
  const [lossLog, setLossLog] = useState(false);
  const [gradLog, setGradLog] = useState(true);

  // A run's curve is shown while it goes on, and after it failed or crashed (its result was not
  // stored); once stored, the project's history is the whole story.
  const series = client.series;
  const context = client.runContext;
  const showLive = series !== null && context !== null && (active || phase === 'failed');
  const loss = useMemo(
    () => lossColumns(doc.history, showLive ? { series, continuedFrom: context?.continuedFrom ?? null } : null),
    // `version` stands for the contents of the series buffers, which are refilled in place.
    [doc.history, showLive, series, context, version],
  );
  const layers = useMemo(() => layerColumns(series), [series, version]);
  // While a run goes on its whole epoch range is the x axis, so the axes do not move as it fills.
  const epochRange = useMemo((): [number, number] | null => (showLive && started ? [started.startEpoch > 0 && context?.continuedFrom?.epoch.length ? context.continuedFrom.epoch[0] : 0, started.startEpoch + started.epochs] : null), [showLive, started, context]);
  const layerRange = useMemo((): [number, number] | null => (active && started ? [started.startEpoch, started.startEpoch + started.epochs] : null), [active, started]);

  // What the run shows, in the lecture's words (core's assessHealth): dead ReLUs, vanishing or
  // exploding gradients, a plateau. From the latest progress and the loss so far.
  const lr = doc.training.optimizer.lr;
  const signals = useMemo(() => {
    const health = client.latestHealth;
    // Kept after the run ends (until the next one): the last run's lesson stays readable.
    if (!series || !health) return [];
    return assessHealth({ layers: health.layers, vanishingLayers: health.steepest, deadReluFraction: health.deadReluFraction, trainLoss: Array.from(loss.train), lr });
  }, [client, series, loss, lr, version]);

  const saved = useSavedPredictions(doc, csv, !active);
  const savedOk = saved?.result.type === 'ok' ? saved.result : null;
  const liveSnapshot = client.predictions;
  const snapshot = active ? liveSnapshot ?? savedOk?.snapshot ?? null : savedOk?.snapshot ?? liveSnapshot;
  const lastEpoch = doc.history?.epoch.at(-1);
  const source = snapshot !== null && snapshot === liveSnapshot
    ? t('charts:predictions.live', { epoch: n(snapshot.epoch) })
    : lastEpoch !== undefined ? t('charts:predictions.savedEpoch', { epoch: n(lastEpoch) }) : t('charts:predictions.saved');
  const metricsSource = lastEpoch !== undefined ? t('charts:metrics.sourceEpoch', { epoch: n(lastEpoch) }) : t('charts:metrics.source');

  const output = doc.graph.nodes.find((n) => n.type === 'output');
  const lossName = output?.type === 'output' ? t(`charts:loss.names.${output.loss}`, { defaultValue: output.loss }) : t('charts:loss.fallback');
  const exportContext = useMemo<ChartExportContextValue>(() => ({ host, projectName: doc.name || 'untitled', onError }), [host, doc.name, onError]);
  const onLossLog = useCallback((on: boolean) => setLossLog(on), []);
  const onGradLog = useCallback((on: boolean) => setGradLog(on), []);

  return (
    <ChartExportContext.Provider value={exportContext}>
      <div className="lb-training-view" data-testid="training-view" data-chart-version={version}>
        {onStepThrough && !active && <StepThroughButton onOpen={onStepThrough} />}
        {saved?.result.type === 'error' && doc.weights && !active && (
          <p className="lb-training-view__note lb-muted" role="status">{t('charts:view.evaluationFailed', { message: modelText(t, saved.result) })}</p>
        )}
        {signals.length > 0 && (
          <ul className="lb-health" data-testid="health-signals" aria-label={t('charts:view.health')}>
            {signals.map((signal) => (
              <li key={signal.code + (signal.nodeId ?? '')} className={`lb-issue lb-issue--${signal.severity}`} data-code={signal.code}>
                <SeverityBadge severity={signal.severity} />{healthText(t, signal)}
                <ExplainButton target={{ code: signal.code, nodeId: signal.nodeId, message: healthText(t, signal), signal }} />
              </li>
            ))}
          </ul>
        )}
        <div className="lb-chart-grid">
          <LossChart columns={loss} log={lossLog} onLog={onLossLog} lossName={lossName} epochRange={epochRange} version={version} />
          <PredictionCharts snapshot={snapshot} source={source} task={snapshot?.task ?? task} />
          <GradientNormChart columns={layers} epochRange={layerRange} version={version} log={gradLog} onLog={onGradLog} />
          <DeadReluChart columns={layers} epochRange={layerRange} version={version} />
          <MetricsPanel metrics={active ? null : savedOk?.metrics ?? null} source={metricsSource} />
        </div>
        {kernels && !active && <KernelReportNote report={kernels} hostKind={host.kind} />}
      </div>
    </ChartExportContext.Provider>
  );
}
