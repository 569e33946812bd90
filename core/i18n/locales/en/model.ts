/**
 * What core says about a compiled model: stored weights that do not fit it (Plan.loadWeights),
 * exporting it (core/export: errors, warnings and the one-line summary), and evaluating its saved
 * weights for the charts (renderer/train/evaluate-project.ts). Rendered by `modelText`.
 */
export default {
  weights: {
    noEntry: 'The stored weights have no entry for {{node}}.',
    weightShape: 'The stored weight of {{node}} is {{shape}}, but the layer needs {{out}} × {{in}} (out × in).',
    biasSize: 'The stored bias of {{node}} does not match the layer ({{out}} values expected).',
    noBias: 'The stored bias of {{node}} does not match the layer (the layer has no bias).',
  },
  export: {
    unknownFormat: 'Unknown export format "{{format}}"; choose one of {{formats}}.',
    untrained: '{{what}} needs trained weights, and "{{name}}" has none yet. Train it first (the command line: layerboard train PROJECT --out PROJECT).',
    /** The subject of `untrained`. */
    needsTrained: { script: 'A script with trained weights', onnx: 'The ONNX model', weights: 'Exporting weights', predictions: 'Predicting' },
    badWeights: 'weights must be initial, trained or fresh (got "{{choice}}").',
    noPredictCsv: 'Predictions need a CSV to predict on.',
    dataNotPrepared: "The project's data could not be prepared: {{problem}}",
    noFitted: 'The project has no fitted preprocessing (it is saved by training), so its CSV is needed to fit it.',
    graphErrors: 'The network has errors: {{errors}}',
    /** One compiler diagnostic in `graphErrors` and in the warnings; `where` is a node, an edge or `wholeGraph`. */
    diagnostic: '{{code}} {{where}}: {{text}}',
    wholeGraph: 'graph',
    /** Diagnostics one after another. */
    list: '{{first}} {{rest}}',
    weightsDoNotFit: "The project's stored weights do not fit its graph: {{reason}}",
    dropout: "The network has dropout: PyTorch draws its own dropout masks, so the script's losses will differ from Layerboard's.",
    /** A warning or error of another namespace (a data warning), carried as it is. */
    other: '{{text}}',
    summary: {
      script: '{{title}} with {{weights}} weights',
      onnx: '{{title}}: input "input" [batch, {{inputs}}], output "prediction" [batch, {{outputs}}]',
      weights: '{{title}}: {{layers}} linear layers',
      predictions: '{{rows}} predictions',
    },
    title: {
      pytorch: 'PyTorch script',
      'pytorch-ddp': 'PyTorch script for torchrun (DistributedDataParallel)',
      onnx: 'ONNX model (inference)',
      weights: 'Weights (JSON, PyTorch layout)',
      predictions: 'Predictions (CSV, original units)',
    },
    weightsKind: { initial: 'initial', trained: 'trained', fresh: 'fresh' },
  },
  /** Evaluating a project's saved weights for the charts (renderer/train/evaluate-project.ts). */
  evaluate: {
    noWeights: 'The project has no trained weights.',
    graphErrors: 'The network has errors.',
    noWorker: 'This window cannot start a worker to evaluate the saved weights.',
    workerStopped: 'the evaluation worker stopped',
    /** A data error (its own `data` key), carried as it is. */
    other: '{{text}}',
  },
  /** Why the step-through cannot start (renderer/learn/step-through.ts). */
  stepThrough: {
    noRows: 'The data has no rows to step through.',
    graphErrors: 'The network has errors: fix them in the problems list first.',
  },
} as const;
