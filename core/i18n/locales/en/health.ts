/** Training-health signals (core/train/health.ts), keyed by HealthCode. */
export default {
  'dead-relu': '{{percent}}% of the ReLU units output 0 for every row, so no gradient passes through them and their weights stop learning. ' +
    'Try LeakyReLU (it keeps a small slope for negative inputs) or a lower learning rate.',
  'vanishing-gradient': 'The gradient reaching {{first}} is {{ratio}}× smaller than at {{last}} (about {{perLayer}}× per layer): ' +
    'backpropagation multiplies a derivative per layer (the chain rule), and sigmoid/tanh derivatives are below 1, so the first layers barely learn. Use ReLU or LeakyReLU.',
  'exploding-gradient': 'The gradient of {{node}} (norm {{norm}}) is over {{limit}}× its weights\' norm: one step can throw the weights far off. ' +
    'Lower the learning rate (now {{lr}}), standardize the inputs, or turn on gradient clipping.',
  plateau: 'The training loss improved by only {{percent}}% over the last {{window}} epochs. ' +
    'If it is still high, the learning rate ({{lr}}) may be too small, or the network too small or too linear to fit the data.',
} as const;
