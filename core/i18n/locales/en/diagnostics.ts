/**
 * The compiler's diagnostics, keyed by code (docs/engine.md lists the codes). A code with several
 * wordings has sub-keys (`LB306.message_bceMulticlass`); `fix` holds the one-click repairs' labels.
 * Node ids, column names and numbers arrive as parameters and stay as they are.
 */
export default {
  LB101: { message: 'These nodes form a loop: {{cycle}}. A network must flow forward; remove one connection in the loop.' },
  LB102: { message: 'The graph has no Input node. Add one: it feeds the feature columns into the network.' },
  LB103: { message: 'The graph has more than one Input ({{inputs}}). All features arrive through one Input; delete {{id}} and connect its consumers to {{first}}.' },
  LB104: { message: 'The graph has no Output node. Add one after the last layer: it compares predictions with the target and holds the loss.' },
  LB105: { message: 'The graph has more than one Output ({{outputs}}). Use one Output; to predict several targets, give its layer one unit per target.' },
  LB106: { message: '{{node}} is not reached from the input {{input}}, so no data ever flows through it. Connect it to the network or delete it.' },
  LB107: { message: '{{node}} does not lead to the output {{output}}, so the loss cannot train it. Connect it onward or delete it.' },
  LB108: {
    message_none: '{{node}} has no input. Connect a node to it, or delete it.',
    message_one: '{{node}} needs an input but has {{actual}}.',
    message_other: '{{node}} needs at least {{count}} inputs but has {{actual}}.',
  },
  LB109: {
    message: '{{node}} takes one input but has {{actual}} ({{producers}}). Join them first with Add or Concat.',
    message_input: '{{node}} is the Input: nothing can connect into it ({{producers}} do).',
  },
  LB110: { message: 'The connection {{from}} → {{to}} points to "{{missing}}", which is not a node in this graph.' },
  LB111: { message: 'Two nodes share the id "{{id}}". Every node needs its own id.' },
  LB112: { message: '{{from}} is connected to {{to}} twice.' },
  LB113: { message: '{{node}} is connected to itself. A network must flow forward, from the input to the output.' },
  LB114: { message: '{{node}} is the Output, so nothing can follow it, but it connects to {{successors}}.' },
  LB201: {
    message: '{{node}}: {{param}} is {{value}}, but it must be {{expected}}.',
    message_missing: '{{node}}: {{param}} is missing, but it must be {{expected}}.',
  },
  LB202: { message: '{{node}} has the unknown type "{{type}}". Known types: {{known}}.' },
  LB301: { message: '{{node}} expects {{expected}} input features (inFeatures), but {{producer}} gives it {{actual}}.' },
  LB302: {
    message: '{{node}} adds inputs element by element, so they must be equally wide, but {{widths}}. Make them equal, or use Concat to join them side by side (width {{total}}).',
    inputWidth: '{{input}} gives {{width}}',
  },
  LB303: {
    message: '{{source}} predicts {{predicted}} per row, but the target {{target}} has {{columns}}. ' +
      'The {{loss}} loss would compare [N, {{width}}] with [N, {{targetWidth}}]; PyTorch only warns and broadcasts, training on a meaningless loss. ' +
      'Make the last layer output {{targetWidth}}.',
  },
  LB304: {
    message: 'crossEntropy needs one output (logit) per class: {{target}} has {{classes}}, but {{source}} gives {{width}}. Make the last layer output {{k}}.',
    message_bce: 'bce on a two-class target needs one output (the logit of the second class), but {{source}} gives {{width}}. Make the last layer output 1.',
  },
  LB305: { message: 'No data is linked yet, so the input width is unknown. Import a CSV and choose the feature columns.' },
  LB306: {
    message_crossEntropyOnRegression: '{{node}} uses crossEntropy, which needs class labels, but {{target}} is a numeric target (regression). Use mse, or treat the target as classes.',
    message_bceMulticlass: 'bce is for yes/no targets, but {{target}} has {{classes}}. Use crossEntropy with {{k}} outputs.',
    message_numericLossOnClasses: '{{node}} uses {{loss}}, which compares numbers, but {{target}} is a class label ({{classes}}). Use crossEntropy with {{k}} outputs.',
  },
  LB401: {
    message: '{{previous}} feeds {{node}} with no activation between them, so together they are one linear layer: ' +
      '(x·W₁ + b₁)·W₂ + b₂ = x·(W₁W₂) + (b₁W₂ + b₂). Stacking them adds no power to fit curved data. Insert a nonlinearity such as ReLU between them.',
  },
  LB402: {
    message: '{{node}} ({{title}}) comes after the last Linear layer of a regression: {{limit}}. The last layer of a regression takes no activation; remove it.',
    limit: {
      relu: 'ReLU outputs are never negative, so it cannot predict a negative value and its gradient is 0 wherever the prediction should fall below 0',
      leakyRelu: 'LeakyReLU shrinks every negative prediction by its slope, so negative values are much harder to reach',
      sigmoid: 'sigmoid squeezes every prediction into 0…1',
      tanh: 'tanh squeezes every prediction into −1…1',
      softplus: 'softplus outputs are always positive',
      elu: 'ELU outputs never go below −alpha',
      gelu: 'GELU outputs never go below about −0.17',
      silu: 'SiLU outputs never go below about −0.28',
    },
  },
  LB403: {
    message: '{{layers}} sigmoid/tanh layers are stacked between the input and the output. Their derivatives are below 1 (sigmoid\'s at most 0.25), ' +
      'and backpropagation multiplies them by the chain rule, so the gradient reaching {{node}} and the layers before it can vanish. Use ReLU or LeakyReLU instead.',
  },
  LB404: {
    message_sigmoid: '{{node}} squeezes the prediction into 0…1, which suits a yes/no target, but this target is not binary. Remove the sigmoid; use crossEntropy for several classes.',
    message_sigmoidWithCrossEntropy: '{{node}} squeezes the prediction into 0…1, which suits a yes/no target, but this target is not binary. Remove the sigmoid; crossEntropy applies softmax itself.',
    message_bce: '{{node}} uses bce, which treats targets as probabilities of 0 or 1, but {{target}} takes other values. Use mse for a numeric target.',
  },
  /** What a parameter must be (LB201's `expected`). */
  expected: {
    wholeNumber: 'a whole number from {{min}} to {{max}}',
    wholeNumberOrInferred: 'a whole number from {{min}} to {{max}}, or left out to be inferred',
    positive: 'a number > 0',
    nonNegative: 'a number ≥ 0',
    slope: 'a number ≥ 0 (a negative slope flips the sign of negative inputs)',
    probability: 'a probability in [0, 1)',
    boolean: 'true or false',
    oneOf: 'one of {{choices}}',
  },
  /** Counted things inside messages. */
  units: {
    number_one: '{{count}} number',
    number_other: '{{count}} numbers',
    column_one: '{{count}} column',
    column_other: '{{count}} columns',
    class_one: '{{count}} class',
    class_other: '{{count}} classes',
  },
  words: {
    lastLayer: 'the last layer',
    target: 'the target',
  },
  /** One-click repairs. */
  fix: {
    setParam: 'Set {{id}}.{{param}} to {{value}}',
    deleteNode: 'Delete {{id}}',
    removeNode: 'Remove {{id}}',
    removeEdge: 'Remove the connection {{from}} → {{to}}',
    removeExtraEdge: 'Remove the extra connection',
    insertRelu: 'Insert a ReLU between {{from}} and {{to}}',
    replaceWithConcat: 'Replace {{id}} with a Concat',
    replaceWithLeakyRelu: 'Replace {{id}} with LeakyReLU',
  },
} as const;
