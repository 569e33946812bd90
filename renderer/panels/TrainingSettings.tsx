/**
 * Every training setting, each validated as it is typed and stored in the project by an
 * undoable command: the loss (a parameter of the Output node), the optimizer and its parameters
 * (PyTorch's names and defaults), learning rate, epochs, batch size (or the full batch),
 * validation split, shuffling and seed, early stopping and gradient clipping. Settings that only
 * make sense together (Nesterov needs momentum, early stopping needs a validation set) are
 * checked as a whole with core's own rules, so the panel and the trainer agree.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LOSS_TYPES,
  OPTIMIZER_TYPES,
  trainingText,
  validateTrainingSettings,
  withOptimizerDefaults,
  type GraphNode,
  type LossType,
  type OptimizerSettings,
  type Project,
} from '../../core/index.ts';
import type { Command, OptimizerParam } from '../document/commands.ts';
import { BATCH_SIZE_RULE, EPOCHS_RULE, LEARNING_RATE_RULE, VALIDATION_SPLIT_RULE, type NumberRule } from '../document/fields.ts';
import { CheckboxField, ChoiceField, NumberField } from './fields.tsx';

const OPTIMIZER_LABELS: Record<OptimizerSettings['type'], string> = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop' };

export const SEED_RULE: NumberRule = { integer: true, min: 0, max: 2 ** 32 - 1 };
export const PATIENCE_RULE: NumberRule = { integer: true, min: 1, max: 1_000_000 };
const NON_NEGATIVE: NumberRule = { min: 0, optional: true };
const BETA_RULE: NumberRule = { min: 0, max: 1, maxExclusive: true, optional: true };
const POSITIVE: NumberRule = { min: 0, minExclusive: true };
const DEFAULT_BATCH_SIZE = 32;

/** Words: `train:settings.optimizerParams.<param>.label`, and `.<optimizer>` or `.help` for the help. */
interface ParamSpec {
  param: OptimizerParam;
  rule?: NumberRule;
}

/** The parameters each optimizer has beyond the learning rate (torch.optim's names). */
const OPTIMIZER_FIELDS: Record<OptimizerSettings['type'], readonly ParamSpec[]> = {
  sgd: [
    { param: 'momentum', rule: NON_NEGATIVE },
    { param: 'dampening', rule: NON_NEGATIVE },
    { param: 'weightDecay', rule: NON_NEGATIVE },
    { param: 'nesterov' },
  ],
  adam: [
    { param: 'beta1', rule: BETA_RULE },
    { param: 'beta2', rule: BETA_RULE },
    { param: 'eps', rule: NON_NEGATIVE },
    { param: 'weightDecay', rule: NON_NEGATIVE },
  ],
  adamw: [
    { param: 'beta1', rule: BETA_RULE },
    { param: 'beta2', rule: BETA_RULE },
    { param: 'eps', rule: NON_NEGATIVE },
    { param: 'weightDecay', rule: NON_NEGATIVE },
  ],
  rmsprop: [
    { param: 'alpha', rule: NON_NEGATIVE },
    { param: 'eps', rule: NON_NEGATIVE },
    { param: 'momentum', rule: NON_NEGATIVE },
    { param: 'weightDecay', rule: NON_NEGATIVE },
    { param: 'centered' },
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
  // The parts of the document shown here, not the document: an edit to the graph leaves them
  // the same objects, so the panel (memoised) does not render again for it.
  training: Project['training'];
  validationSplit: number;
  /** The graph's output layer, whose loss is chosen here. */
  output: GraphNode | undefined;
  run(command: Command, options?: { mergeKey?: string }): void;
  closeMerge(): void;
  /** Settings cannot change while a run uses them. */
  locked: boolean;
}

function TrainingSettingsView({ training, validationSplit, output, run, closeMerge, locked }: TrainingSettingsProps) {
  const { t, i18n } = useTranslation();
  const paramWords = (param: OptimizerParam) => {
    const key = `train:settings.optimizerParams.${param}`;
    const specific = `${key}.${optimizer.type}`;
    return { label: t(`${key}.label`), help: i18n.exists(specific) ? t(specific) : t(`${key}.help`) };
  };
  const optimizer = training.optimizer;
  const settingsProblem = validateTrainingSettings(training);
  const problem = settingsProblem && trainingText(t, settingsProblem);
  const earlyStopping = training.earlyStopping ?? null;
  const clip = training.gradClipNorm ?? null;
  const setParam = (param: OptimizerParam, value: number | boolean | undefined) =>
    run({ name: 'setOptimizerParam', args: { param, value } }, { mergeKey: `optimizer.${param}` });

  return (
    <section className="lb-data lb-settings" aria-label={t('train:settings.label')} data-testid="training-settings">
      <h2 className="lb-panel-title">{t('train:settings.title')}{locked && <span className="lb-muted">{t('train:settings.locked')}</span>}</h2>
      <fieldset className="lb-fieldset" disabled={locked}>
        {output?.type === 'output' ? (
          <ChoiceField label={t('train:settings.loss')} value={output.loss} options={LOSS_TYPES} optionLabel={(l: LossType) => t(`train:settings.losses.${l}`)} testId="loss"
            help={t('train:settings.lossHelp', { id: output.id })}
            onValue={(loss) => loss && run({ name: 'setNodeParam', args: { nodeId: output.id, param: 'loss', value: loss } })} />
        ) : (
          <p className="lb-field__help">{t('train:settings.noOutput')}</p>
        )}
        <div className="lb-field-grid">
          <ChoiceField label={t('train:settings.optimizer')} value={optimizer.type} options={OPTIMIZER_TYPES} optionLabel={(o) => OPTIMIZER_LABELS[o]} testId="optimizer"
            onValue={(type) => type && run({ name: 'setOptimizerType', args: { type } })} />
          <NumberField label={t('train:settings.learningRate')} value={optimizer.lr} rule={LEARNING_RATE_RULE} onFocus={closeMerge} help={t('train:settings.learningRateHelp')} testId="learning-rate"
            onValue={(lr) => lr !== undefined && run({ name: 'setLearningRate', args: { lr } }, { mergeKey: 'lr' })} />
        </div>
        <div className="lb-field-grid">
          {OPTIMIZER_FIELDS[optimizer.type].map((spec) => {
            const value = paramValue(optimizer, spec.param);
            const fallback = defaultOf(optimizer, spec.param);
            const words = paramWords(spec.param);
            if (spec.rule === undefined) {
              return (
                <CheckboxField key={`${optimizer.type}.${spec.param}`} label={words.label} checked={(value ?? fallback) === true} help={words.help}
                  testId={`optimizer-${spec.param}`} onValue={(on) => setParam(spec.param, on === fallback ? undefined : on)} />
              );
            }
            return (
              <NumberField key={`${optimizer.type}.${spec.param}`} label={words.label} value={value as number | undefined} rule={spec.rule} onFocus={closeMerge}
                placeholder={String(fallback)} help={t('train:settings.emptyIs', { help: words.help, value: String(fallback) })} testId={`optimizer-${spec.param}`}
                onValue={(v) => setParam(spec.param, v)} />
            );
          })}
        </div>
        <div className="lb-field-grid">
          <NumberField label={t('train:settings.epochs')} value={training.epochs} rule={EPOCHS_RULE} onFocus={closeMerge} help={t('train:settings.epochsHelp')} testId="epochs"
            onValue={(epochs) => epochs !== undefined && run({ name: 'setEpochs', args: { epochs } }, { mergeKey: 'epochs' })} />
          <NumberField label={t('train:settings.batchSize')} value={training.batchSize} rule={BATCH_SIZE_RULE} placeholder={t('train:settings.batchSizePlaceholder')} onFocus={closeMerge} testId="batch-size"
            help={t('train:settings.batchSizeHelp')}
            onValue={(batchSize) => run({ name: 'setBatchSize', args: { batchSize: batchSize ?? null } }, { mergeKey: 'batchSize' })} />
        </div>
        <CheckboxField label={t('train:settings.fullBatch')} checked={training.batchSize === null} testId="full-batch"
          help={t('train:settings.fullBatchHelp')}
          onValue={(on) => run({ name: 'setBatchSize', args: { batchSize: on ? null : DEFAULT_BATCH_SIZE } })} />
        <div className="lb-field-grid">
          <NumberField label={t('train:settings.validationSplit')} value={validationSplit} rule={VALIDATION_SPLIT_RULE} onFocus={closeMerge} testId="validation-split"
            help={t('train:settings.validationSplitHelp')}
            onValue={(fraction) => fraction !== undefined && run({ name: 'setValidationSplit', args: { fraction } }, { mergeKey: 'validationSplit' })} />
          <NumberField label={t('train:settings.seed')} value={training.seed} rule={SEED_RULE} onFocus={closeMerge} testId="seed"
            help={t('train:settings.seedHelp')}
            onValue={(seed) => seed !== undefined && run({ name: 'setSeed', args: { seed } }, { mergeKey: 'seed' })} />
        </div>
        <CheckboxField label={t('train:settings.shuffle')} checked={training.shuffle} testId="shuffle"
          onValue={(shuffle) => run({ name: 'setShuffle', args: { shuffle } })} />

        <CheckboxField label={t('train:settings.earlyStopping')} checked={earlyStopping !== null} testId="early-stopping"
          help={validationSplit > 0 ? t('train:settings.earlyStoppingHelp') : t('train:settings.earlyStoppingNeedsSplit')}
          onValue={(on) => run({ name: 'setEarlyStopping', args: { earlyStopping: on ? { patience: 20 } : null } })} />
        {earlyStopping && (
          <div className="lb-field-grid lb-field-grid--nested">
            <NumberField label={t('train:settings.patience')} value={earlyStopping.patience} rule={PATIENCE_RULE} onFocus={closeMerge} testId="patience" help={t('train:settings.patienceHelp')}
              onValue={(patience) => patience !== undefined && run({ name: 'setEarlyStopping', args: { earlyStopping: { ...earlyStopping, patience } } }, { mergeKey: 'patience' })} />
            <NumberField label={t('train:settings.minDelta')} value={earlyStopping.minDelta} rule={NON_NEGATIVE} placeholder="0" onFocus={closeMerge} testId="min-delta" help={t('train:settings.minDeltaHelp')}
              onValue={(minDelta) => run({ name: 'setEarlyStopping', args: { earlyStopping: { patience: earlyStopping.patience, ...(minDelta !== undefined ? { minDelta } : {}) } } }, { mergeKey: 'minDelta' })} />
          </div>
        )}
        <CheckboxField label={t('train:settings.gradClip')} checked={clip !== null} testId="grad-clip"
          help={t('train:settings.gradClipHelp')}
          onValue={(on) => run({ name: 'setGradClipNorm', args: { gradClipNorm: on ? 1 : null } })} />
        {clip !== null && (
          <div className="lb-field-grid lb-field-grid--nested">
            <NumberField label={t('train:settings.maxNorm')} value={clip} rule={POSITIVE} onFocus={closeMerge} testId="grad-clip-norm" help={t('train:settings.maxNormHelp')}
              onValue={(v) => v !== undefined && run({ name: 'setGradClipNorm', args: { gradClipNorm: v } }, { mergeKey: 'gradClipNorm' })} />
          </div>
        )}
        {problem && <p className="lb-field__error" role="alert" data-testid="settings-problem">{problem}</p>}
        {earlyStopping && validationSplit === 0 && (
          <p className="lb-data__warning">{t('train:settings.earlyStoppingNoSplit')}</p>
        )}
      </fieldset>
    </section>
  );
}

export const TrainingSettings = memo(TrainingSettingsView);
