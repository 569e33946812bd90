/**
 * Every training setting, each validated as it is typed and stored in the project by an
 * undoable command: the loss (a parameter of the Output node), the optimizer and its parameters
 * (PyTorch's names and defaults), learning rate, epochs, batch size (or the full batch),
 * validation split, shuffling and seed, early stopping and gradient clipping. Settings that only
 * make sense together (Nesterov needs momentum, early stopping needs a validation set) are
 * checked as a whole with core's own rules, so the panel and the trainer agree.
 */
import { memo } from 'react';
import {
  LOSS_TYPES,
  OPTIMIZER_TYPES,
  validateTrainingSettings,
  withOptimizerDefaults,
  type LossType,
  type OptimizerSettings,
  type Project,
} from '../../core/index.ts';
import type { Command, OptimizerParam } from '../document/commands.ts';
import { BATCH_SIZE_RULE, EPOCHS_RULE, LEARNING_RATE_RULE, VALIDATION_SPLIT_RULE, type NumberRule } from '../document/fields.ts';
import { CheckboxField, ChoiceField, NumberField } from './fields.tsx';

const OPTIMIZER_LABELS: Record<OptimizerSettings['type'], string> = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' };
const LOSS_LABELS: Record<LossType, string> = { mse: 'MSE (regression)', mae: 'MAE (regression)', huber: 'Huber (regression)', crossEntropy: 'Cross-entropy (classes)', bce: 'Binary cross-entropy' };

export const SEED_RULE: NumberRule = { integer: true, min: 0, max: 2 ** 32 - 1 };
export const PATIENCE_RULE: NumberRule = { integer: true, min: 1, max: 1_000_000 };
const NON_NEGATIVE: NumberRule = { min: 0, optional: true };
const BETA_RULE: NumberRule = { min: 0, max: 1, maxExclusive: true, optional: true };
const POSITIVE: NumberRule = { min: 0, minExclusive: true };
const DEFAULT_BATCH_SIZE = 32;

interface ParamSpec {
  param: OptimizerParam;
  label: string;
  rule?: NumberRule;
  help: string;
}

/** The parameters each optimizer has beyond the learning rate (torch.optim's names). */
const OPTIMIZER_FIELDS: Record<OptimizerSettings['type'], readonly ParamSpec[]> = {
  sgd: [
    { param: 'momentum', label: 'Momentum', rule: NON_NEGATIVE, help: 'torch.optim.SGD momentum.' },
    { param: 'dampening', label: 'Dampening', rule: NON_NEGATIVE, help: 'Dampening for momentum.' },
    { param: 'weightDecay', label: 'Weight decay', rule: NON_NEGATIVE, help: 'L2 penalty.' },
    { param: 'nesterov', label: 'Nesterov momentum', help: 'Needs momentum > 0 and dampening 0.' },
  ],
  adam: [
    { param: 'beta1', label: 'β₁', rule: BETA_RULE, help: 'Decay of the gradient average.' },
    { param: 'beta2', label: 'β₂', rule: BETA_RULE, help: 'Decay of the squared-gradient average.' },
    { param: 'eps', label: 'ε', rule: NON_NEGATIVE, help: 'Added to the denominator.' },
    { param: 'weightDecay', label: 'Weight decay', rule: NON_NEGATIVE, help: 'L2 penalty (Adam adds it to the gradient).' },
  ],
  adamw: [
    { param: 'beta1', label: 'β₁', rule: BETA_RULE, help: 'Decay of the gradient average.' },
    { param: 'beta2', label: 'β₂', rule: BETA_RULE, help: 'Decay of the squared-gradient average.' },
    { param: 'eps', label: 'ε', rule: NON_NEGATIVE, help: 'Added to the denominator.' },
    { param: 'weightDecay', label: 'Weight decay', rule: NON_NEGATIVE, help: 'Decoupled weight decay.' },
  ],
  rmsprop: [
    { param: 'alpha', label: 'α', rule: NON_NEGATIVE, help: 'Smoothing constant.' },
    { param: 'eps', label: 'ε', rule: NON_NEGATIVE, help: 'Added to the denominator.' },
    { param: 'momentum', label: 'Momentum', rule: NON_NEGATIVE, help: 'Momentum factor.' },
    { param: 'weightDecay', label: 'Weight decay', rule: NON_NEGATIVE, help: 'L2 penalty.' },
    { param: 'centered', label: 'Centered', help: 'Normalise by the gradient variance estimate.' },
  ],
};

function paramValue(optimizer: OptimizerSettings, param: OptimizerParam): number | boolean | undefined {
  const o = optimizer as OptimizerSettings & Record<string, unknown>;
  if (param === 'beta1' || param === 'beta2') {
    const betas = o.betas as [number, number] | undefined;
    return betas?.[param === 'beta1' ? 0 : 1];
  }
  return o[param] as number | boolean | undefined;
}

function defaultOf(optimizer: OptimizerSettings, param: OptimizerParam): number | boolean {
  const full = withOptimizerDefaults({ type: optimizer.type, lr: optimizer.lr } as OptimizerSettings) as Record<string, unknown>;
  if (param === 'beta1' || param === 'beta2') return (full.betas as [number, number])[param === 'beta1' ? 0 : 1];
  return full[param] as number | boolean;
}

export interface TrainingSettingsProps {
  doc: Project;
  run(command: Command, options?: { mergeKey?: string }): void;
  closeMerge(): void;
  /** Settings cannot change while a run uses them. */
  locked: boolean;
}

function TrainingSettingsView({ doc, run, closeMerge, locked }: TrainingSettingsProps) {
  const training = doc.training;
  const optimizer = training.optimizer;
  const output = doc.graph.nodes.find((n) => n.type === 'output');
  const problem = validateTrainingSettings(training);
  const earlyStopping = training.earlyStopping ?? null;
  const clip = training.gradClipNorm ?? null;
  const setParam = (param: OptimizerParam, value: number | boolean | undefined) =>
    run({ name: 'setOptimizerParam', args: { param, value } }, { mergeKey: `optimizer.${param}` });

  return (
    <section className="lb-data lb-settings" aria-label="Training settings" data-testid="training-settings">
      <h2 className="lb-panel-title">Training{locked && <span className="lb-muted">locked while training</span>}</h2>
      <fieldset className="lb-fieldset" disabled={locked}>
        {output?.type === 'output' ? (
          <ChoiceField label="Loss" value={output.loss} options={LOSS_TYPES} optionLabel={(l) => LOSS_LABELS[l]} testId="loss"
            help={`Set on the Output node (${output.id}).`}
            onValue={(loss) => loss && run({ name: 'setNodeParam', args: { nodeId: output.id, param: 'loss', value: loss } })} />
        ) : (
          <p className="lb-field__help">Add an Output node to choose the loss.</p>
        )}
        <div className="lb-field-grid">
          <ChoiceField label="Optimizer" value={optimizer.type} options={OPTIMIZER_TYPES} optionLabel={(o) => OPTIMIZER_LABELS[o]} testId="optimizer"
            onValue={(type) => type && run({ name: 'setOptimizerType', args: { type } })} />
          <NumberField label="Learning rate" value={optimizer.lr} rule={LEARNING_RATE_RULE} onFocus={closeMerge} help="e.g. 1e-3" testId="learning-rate"
            onValue={(lr) => lr !== undefined && run({ name: 'setLearningRate', args: { lr } }, { mergeKey: 'lr' })} />
        </div>
        <div className="lb-field-grid">
          {OPTIMIZER_FIELDS[optimizer.type].map((spec) => {
            const value = paramValue(optimizer, spec.param);
            const fallback = defaultOf(optimizer, spec.param);
            if (spec.rule === undefined) {
              return (
                <CheckboxField key={`${optimizer.type}.${spec.param}`} label={spec.label} checked={(value ?? fallback) === true} help={spec.help}
                  testId={`optimizer-${spec.param}`} onValue={(on) => setParam(spec.param, on === fallback ? undefined : on)} />
              );
            }
            return (
              <NumberField key={`${optimizer.type}.${spec.param}`} label={spec.label} value={value as number | undefined} rule={spec.rule} onFocus={closeMerge}
                placeholder={String(fallback)} help={`${spec.help} Empty: ${String(fallback)}.`} testId={`optimizer-${spec.param}`}
                onValue={(v) => setParam(spec.param, v)} />
            );
          })}
        </div>
        <div className="lb-field-grid">
          <NumberField label="Epochs" value={training.epochs} rule={EPOCHS_RULE} onFocus={closeMerge} help="Passes over the data." testId="epochs"
            onValue={(epochs) => epochs !== undefined && run({ name: 'setEpochs', args: { epochs } }, { mergeKey: 'epochs' })} />
          <NumberField label="Batch size" value={training.batchSize} rule={BATCH_SIZE_RULE} placeholder="full batch" onFocus={closeMerge} testId="batch-size"
            help="Rows per step; empty = all rows at once."
            onValue={(batchSize) => run({ name: 'setBatchSize', args: { batchSize: batchSize ?? null } }, { mergeKey: 'batchSize' })} />
        </div>
        <CheckboxField label="Full batch" checked={training.batchSize === null} testId="full-batch"
          help="Every step sees every training row (the lecture's setting)."
          onValue={(on) => run({ name: 'setBatchSize', args: { batchSize: on ? null : DEFAULT_BATCH_SIZE } })} />
        <div className="lb-field-grid">
          <NumberField label="Validation split" value={doc.data.validationSplit} rule={VALIDATION_SPLIT_RULE} onFocus={closeMerge} testId="validation-split"
            help="Fraction of rows held out (0 = none)."
            onValue={(fraction) => fraction !== undefined && run({ name: 'setValidationSplit', args: { fraction } }, { mergeKey: 'validationSplit' })} />
          <NumberField label="Seed" value={training.seed} rule={SEED_RULE} onFocus={closeMerge} testId="seed"
            help="Same seed, same run, bit for bit."
            onValue={(seed) => seed !== undefined && run({ name: 'setSeed', args: { seed } }, { mergeKey: 'seed' })} />
        </div>
        <CheckboxField label="Shuffle rows every epoch" checked={training.shuffle} testId="shuffle"
          onValue={(shuffle) => run({ name: 'setShuffle', args: { shuffle } })} />

        <CheckboxField label="Early stopping" checked={earlyStopping !== null} testId="early-stopping"
          help={doc.data.validationSplit > 0 ? 'Stop when the validation loss stops improving, and keep the best weights.' : 'Needs a validation split above 0.'}
          onValue={(on) => run({ name: 'setEarlyStopping', args: { earlyStopping: on ? { patience: 20 } : null } })} />
        {earlyStopping && (
          <div className="lb-field-grid lb-field-grid--nested">
            <NumberField label="Patience" value={earlyStopping.patience} rule={PATIENCE_RULE} onFocus={closeMerge} testId="patience" help="Epochs without improvement."
              onValue={(patience) => patience !== undefined && run({ name: 'setEarlyStopping', args: { earlyStopping: { ...earlyStopping, patience } } }, { mergeKey: 'patience' })} />
            <NumberField label="Min. improvement" value={earlyStopping.minDelta} rule={NON_NEGATIVE} placeholder="0" onFocus={closeMerge} testId="min-delta" help="Smaller is no improvement."
              onValue={(minDelta) => run({ name: 'setEarlyStopping', args: { earlyStopping: { patience: earlyStopping.patience, ...(minDelta !== undefined ? { minDelta } : {}) } } }, { mergeKey: 'minDelta' })} />
          </div>
        )}
        <CheckboxField label="Gradient clipping" checked={clip !== null} testId="grad-clip"
          help="Scale the gradients down when their global L2 norm is above a maximum (clip_grad_norm_)."
          onValue={(on) => run({ name: 'setGradClipNorm', args: { gradClipNorm: on ? 1 : null } })} />
        {clip !== null && (
          <div className="lb-field-grid lb-field-grid--nested">
            <NumberField label="Max. norm" value={clip} rule={POSITIVE} onFocus={closeMerge} testId="grad-clip-norm" help="e.g. 1"
              onValue={(v) => v !== undefined && run({ name: 'setGradClipNorm', args: { gradClipNorm: v } }, { mergeKey: 'gradClipNorm' })} />
          </div>
        )}
        {problem && <p className="lb-field__error" role="alert" data-testid="settings-problem">{problem}</p>}
        {earlyStopping && doc.data.validationSplit === 0 && (
          <p className="lb-data__warning">Early stopping watches the validation loss: with no validation split it never stops a run.</p>
        )}
      </fieldset>
    </section>
  );
}

export const TrainingSettings = memo(TrainingSettingsView);
