/**
 * The training controls, always in view: Train (or Continue, from the saved weights), Pause /
 * Resume, Stop and Reset weights; a progress bar with the epoch and step, examples per second
 * and the time left; and how the last run ended. It re-renders at most once per animation frame
 * (the training client coalesces progress), and nothing else in the window does.
 */
import { memo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/i18n.ts';
import { uiText } from '../i18n/text.ts';
import type { TrainingClient } from '../train/training-client.ts';
import { formatDuration, isActive, progressFraction, type TrainingState } from '../train/training-state.ts';
import { ExplainButton } from '../learn/ExplainButton.tsx';

export interface TrainingBarProps {
  client: TrainingClient;
  /** Why training cannot start now (errors, no data), or null when it can. */
  blocked: string | null;
  /** The project has weights that fit the network: Train continues from them. */
  canContinue: boolean;
  hasWeights: boolean;
  epochs: number;
  onTrain(): void;
  onResetWeights(): void;
  onShowTraining(): void;
}

type Stage = NonNullable<TrainingState['stage']>;

/** A loss in four significant digits, in the locale's decimal sign; very large or small ones in scientific notation. */
function lossText(v: number | null | undefined, locale: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const scientific = Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0);
  return formatNumber(v, locale, scientific ? { notation: 'scientific', maximumFractionDigits: 3, minimumFractionDigits: 3 } : { maximumSignificantDigits: 4, minimumSignificantDigits: 4, useGrouping: false });
}

function TrainingBarView({ client, blocked, canContinue, hasWeights, epochs, onTrain, onResetWeights, onShowTraining }: TrainingBarProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const n = (v: number) => formatNumber(v, locale);
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const active = isActive(state);
  const p = state.progress;
  const fraction = progressFraction(state);
  const outcome = state.outcome;
  const outcomeIsProblem = outcome !== null && (outcome.kind === 'diverged' || outcome.kind === 'failed' || outcome.kind === 'crashed');

  let status: string;
  if (state.phase === 'starting') status = state.stage ? t(`train:bar.stages.${state.stage satisfies Stage}`) : t('train:bar.startingTrainer');
  else if (state.phase === 'stopping') status = t('train:bar.stopping');
  else if (p) status = t('train:bar.epochStep', { epoch: n(Math.min(p.epoch + 1, p.epochs)), epochs: n(p.epochs), step: n(p.step), steps: n(p.stepsPerEpoch) });
  else status = active ? t('train:bar.starting') : blocked ?? (canContinue ? t('train:bar.readyContinue', { epochs: n(epochs) }) : t('train:bar.readyTrain', { epochs: n(epochs) }));

  return (
    <div className="lb-trainbar" role="region" aria-label={t('train:bar.label')} data-phase={state.phase} data-testid="training-bar">
      <div className="lb-trainbar__buttons">
        {state.phase === 'paused' ? (
          <button type="button" className="lb-button lb-button--primary" onClick={() => client.resume()} data-testid="train-resume">{t('train:bar.resume')}</button>
        ) : (
          <button type="button" className="lb-button lb-button--primary" disabled={active || blocked !== null} onClick={onTrain} data-testid="train-start"
            title={blocked ?? (canContinue ? t('train:bar.continueTitle') : t('train:bar.trainTitle'))}>
            {canContinue ? t('train:bar.continue') : t('train:bar.train')}
          </button>
        )}
        <button type="button" className="lb-button" disabled={state.phase !== 'running' || state.pausePending} onClick={() => client.pause()} data-testid="train-pause">{t('train:bar.pause')}</button>
        <button type="button" className="lb-button" disabled={!active || state.phase === 'stopping'} onClick={() => client.stop()} data-testid="train-stop">{t('train:bar.stop')}</button>
        <button type="button" className="lb-button" disabled={active || !hasWeights} onClick={onResetWeights} data-testid="train-reset"
          title={t('train:bar.resetTitle')}>{t('train:bar.reset')}</button>
      </div>
      <div className="lb-trainbar__progress">
        <div className="lb-progress" role="progressbar" aria-label={t('train:bar.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}
          data-testid="train-progress">
          <div className="lb-progress__fill" style={{ transform: `scaleX(${fraction})` }} />
        </div>
        <div className="lb-trainbar__text">
          <span data-testid="train-status-text">{status}</span>
          {p && (
            <>
              <span className="lb-muted" data-testid="train-loss">{p.validationLoss !== null
                ? t('train:bar.lossVal', { value: lossText(p.trainLoss, locale), validation: lossText(p.validationLoss, locale) })
                : t('train:bar.loss', { value: lossText(p.trainLoss, locale) })}</span>
              <span className="lb-muted" data-testid="train-speed">{t('train:bar.speed', { value: n(Math.round(p.examplesPerSecond)) })}</span>
              {active && <span className="lb-muted" data-testid="train-eta">{t('train:bar.eta', { value: formatDuration(p.etaMs, t) })}</span>}
            </>
          )}
        </div>
      </div>
      {outcome && !active && (
        <div className={`lb-trainbar__outcome lb-trainbar__outcome--${outcomeIsProblem ? 'problem' : 'ok'}`} role={outcomeIsProblem ? 'alert' : 'status'} data-testid="train-outcome" data-kind={outcome.kind}>
          <strong>{uiText(t, outcome.title)}.</strong> <span>{uiText(t, outcome.message)}</span>
          {outcome.kind === 'diverged' && <ExplainButton target={{ code: 'diverged', message: uiText(t, outcome.message) }} />}
          {outcome.diagnostics && outcome.diagnostics.length > 0 && <span> {t('train:bar.seeProblems')}</span>}
          <button type="button" className="lb-button lb-button--small" onClick={onShowTraining}>{t('train:bar.charts')}</button>
          <button type="button" className="lb-notice__close" aria-label={t('train:bar.dismiss')} onClick={() => client.dismiss()}>×</button>
        </div>
      )}
    </div>
  );
}

export const TrainingBar = memo(TrainingBarView);
