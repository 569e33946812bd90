/** What a training run says in words: why it stopped, and the trainer's failures. */
export default {
  divergedNaN: 'The loss became NaN at epoch {{epoch}}, step {{step}} (step {{globalStep}} of this run): training diverged. ' +
    'The last finite weights are kept. The learning rate ({{lr}}) is probably too high; try {{suggestedLr}} or lower, or turn on gradient clipping.',
  divergedInfinite: 'The loss became infinite at epoch {{epoch}}, step {{step}} (step {{globalStep}} of this run): training diverged. ' +
    'The last finite weights are kept. The learning rate ({{lr}}) is probably too high; try {{suggestedLr}} or lower, or turn on gradient clipping.',
  earlyStopped_one: 'Validation loss has not improved for {{count}} epoch; stopped and restored the best weights (epoch {{bestEpoch}}).',
  earlyStopped_other: 'Validation loss has not improved for {{count}} epochs; stopped and restored the best weights (epoch {{bestEpoch}}).',
  failed: {
    projectInvalid: 'The project is not valid: {{problems}}',
    problemAt: '{{path}}: {{text}}',
    problems: '{{first}}; {{rest}}',
    dataAt: '{{file}}: {{problem}}',
    dataAtLine: '{{file}}, line {{line}}: {{problem}}',
    dataAtColumn: '{{file}}, column "{{column}}": {{problem}}',
    dataAtLineColumn: '{{file}}, line {{line}}, column "{{column}}": {{problem}}',
    graphErrors: 'The network has errors; fix them before training.',
    weightsDoNotFit: 'The saved weights do not fit the network any more ({{reason}}) Reset the weights to train from scratch.',
    busy: 'A training run is already in progress; stop it first.',
    internal: 'Training stopped on an internal error: {{error}}. The last saved weights are unchanged.',
  },
  /** Training settings that cannot work (validateTrainingSettings), shown under the settings and by the trainer. */
  settings: {
    learningRate: 'The learning rate must be a number > 0 (it is {{value}}).',
    notNegative: '{{name}} must be ≥ 0 (it is {{value}}).',
    nesterov: 'Nesterov momentum needs momentum > 0 and dampening 0.',
    betas: 'betas must both be in [0, 1) (they are {{beta1}}, {{beta2}}).',
    epochs: 'epochs must be a whole number ≥ 1 (it is {{value}}).',
    batchSize: 'batchSize must be a whole number ≥ 1, or null for the full batch (it is {{value}}).',
    gradClipNorm: 'gradClipNorm must be > 0 (it is {{value}}).',
    patience: 'earlyStopping.patience must be a whole number ≥ 1.',
    /** The optimizer parameters `notNegative` names (torch.optim's names). */
    names: { weightDecay: 'weightDecay', momentum: 'momentum', eps: 'eps', alpha: 'alpha' },
  },
} as const;
