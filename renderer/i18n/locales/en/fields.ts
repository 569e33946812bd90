/** Editable values: number rules and their messages, layer parameters, their summaries on the canvas. */
export default {
  rule: {
    number: 'a number',
    integer: 'a whole number',
    range: '{{noun}} from {{min}} to {{max}}',
    bounded: '{{noun}} {{bounds}}',
    and: '{{a}} and {{b}}',
    gt: '> {{value}}', ge: '≥ {{value}}', lt: '< {{value}}', le: '≤ {{value}}',
  },
  parse: {
    required: 'Required: enter {{rule}}.',
    notNumber: '"{{text}}" is not a number. Enter {{rule}}.',
    tooLarge: '"{{text}}" is too large. Enter {{rule}}.',
    outOfRange: 'Enter {{rule}}.',
  },
  help: {
    enter: 'Enter {{rule}}.',
    enterOrEmpty: 'Enter {{rule}}, or leave empty for {{placeholder}}.',
  },
  params: {
    outFeatures: { label: 'Output features', help: 'The width of this layer: how many numbers it outputs per row (nn.Linear out_features).' },
    inFeatures: { label: 'Input features', help: 'Leave empty to take it from the incoming edge; when set, it must match.', placeholder: 'inferred' },
    bias: { label: 'Bias', help: 'Learn an additive bias (nn.Linear bias=True).' },
    init: { label: 'Initialisation', help: "pytorch: nn.Linear's default (Kaiming uniform, a = √5); xavier: Glorot uniform; he: Kaiming normal." },
    slope: { label: 'Negative slope', help: 'Slope for negative inputs (nn.LeakyReLU negative_slope).' },
    alpha: { label: 'Alpha', help: 'Saturation value for negative inputs (nn.ELU alpha).' },
    beta: { label: 'Beta', help: 'Sharpness (nn.Softplus beta).' },
    threshold: { label: 'Threshold', help: 'Above this, the function is linear (nn.Softplus threshold).' },
    p: { label: 'Drop probability', help: 'Probability of zeroing each value while training (nn.Dropout p).' },
    loss: { label: 'Loss', help: 'mse / mae / huber for regression; crossEntropy (logits, one per class) or bce (one logit) for classification.' },
    delta: { label: 'Huber delta', help: 'Where Huber turns from quadratic to linear (nn.HuberLoss delta).' },
  },
  summary: {
    out: 'out {{n}}',
    noBias: 'no bias',
    slope: 'slope {{value}}',
  },
} as const;
