/**
 * The training controls, always in view: Train (or Continue, from the saved weights), Pause /
 * Resume, Stop and Reset weights; a progress bar with the epoch and step, examples per second
 * and the time left; and how the last run ended. It re-renders at most once per animation frame
 * (the training client coalesces progress), and nothing else in the window does.
 */
import { memo, useSyncExternalStore } from 'react';
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

const STAGES: Record<NonNullable<TrainingState['stage']>, string> = {
  reading: 'Reading the CSV…',
  preparing: 'Preparing the data…',
  compiling: 'Compiling the network…',
};

function lossText(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toPrecision(4);
}

function TrainingBarView({ client, blocked, canContinue, hasWeights, epochs, onTrain, onResetWeights, onShowTraining }: TrainingBarProps) {
  const state = useSyncExternalStore(client.subscribe, client.getState);
  const active = isActive(state);
  const p = state.progress;
  const fraction = progressFraction(state);
  const outcome = state.outcome;
  const outcomeIsProblem = outcome !== null && (outcome.kind === 'diverged' || outcome.kind === 'failed' || outcome.kind === 'crashed');

  let status: string;
  if (state.phase === 'starting') status = state.stage ? STAGES[state.stage] : 'Starting the trainer…';
  else if (state.phase === 'stopping') status = 'Stopping…';
  else if (p) status = `Epoch ${Math.min(p.epoch + 1, p.epochs).toLocaleString('en-US')} / ${p.epochs.toLocaleString('en-US')} · step ${p.step.toLocaleString('en-US')} / ${p.stepsPerEpoch.toLocaleString('en-US')}`;
  else status = active ? 'Starting…' : blocked ?? (canContinue ? `Ready to continue from the saved weights (+${epochs.toLocaleString('en-US')} epochs)` : `Ready to train ${epochs.toLocaleString('en-US')} epochs`);

  return (
    <div className="lb-trainbar" role="region" aria-label="Training" data-phase={state.phase} data-testid="training-bar">
      <div className="lb-trainbar__buttons">
        {state.phase === 'paused' ? (
          <button type="button" className="lb-button lb-button--primary" onClick={() => client.resume()} data-testid="train-resume">▶ Resume</button>
        ) : (
          <button type="button" className="lb-button lb-button--primary" disabled={active || blocked !== null} onClick={onTrain} data-testid="train-start"
            title={blocked ?? (canContinue ? 'Continue training from the saved weights' : 'Train from a fresh initialisation')}>
            ▶ {canContinue ? 'Continue' : 'Train'}
          </button>
        )}
        <button type="button" className="lb-button" disabled={state.phase !== 'running' || state.pausePending} onClick={() => client.pause()} data-testid="train-pause">❚❚ Pause</button>
        <button type="button" className="lb-button" disabled={!active || state.phase === 'stopping'} onClick={() => client.stop()} data-testid="train-stop">■ Stop</button>
        <button type="button" className="lb-button" disabled={active || !hasWeights} onClick={onResetWeights} data-testid="train-reset"
          title="Forget the trained weights and the loss curve (undoable); the next run starts fresh">↺ Reset weights</button>
      </div>
      <div className="lb-trainbar__progress">
        <div className="lb-progress" role="progressbar" aria-label="Training progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}
          data-testid="train-progress">
          <div className="lb-progress__fill" style={{ transform: `scaleX(${fraction})` }} />
        </div>
        <div className="lb-trainbar__text">
          <span data-testid="train-status-text">{status}</span>
          {p && (
            <>
              <span className="lb-muted" data-testid="train-loss">loss {lossText(p.trainLoss)}{p.validationLoss !== null ? ` · val ${lossText(p.validationLoss)}` : ''}</span>
              <span className="lb-muted" data-testid="train-speed">{Math.round(p.examplesPerSecond).toLocaleString('en-US')} ex/s</span>
              {active && <span className="lb-muted" data-testid="train-eta">ETA {formatDuration(p.etaMs)}</span>}
            </>
          )}
        </div>
      </div>
      {outcome && !active && (
        <div className={`lb-trainbar__outcome lb-trainbar__outcome--${outcomeIsProblem ? 'problem' : 'ok'}`} role={outcomeIsProblem ? 'alert' : 'status'} data-testid="train-outcome" data-kind={outcome.kind}>
          <strong>{outcome.title}.</strong> <span>{outcome.message}</span>
          {outcome.kind === 'diverged' && <ExplainButton target={{ code: 'diverged', message: outcome.message }} />}
          {outcome.diagnostics && outcome.diagnostics.length > 0 && <span> See the problems list.</span>}
          <button type="button" className="lb-button lb-button--small" onClick={onShowTraining}>Charts</button>
          <button type="button" className="lb-notice__close" aria-label="Dismiss" onClick={() => client.dismiss()}>×</button>
        </div>
      )}
    </div>
  );
}

export const TrainingBar = memo(TrainingBarView);
