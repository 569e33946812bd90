/** The command line's own words (core/cli). Its --json output stays English and keyed. */
export default {
  usage: `Usage: layerboard <command> [options]

Commands:
  check <project> [--json]                       the compiler's diagnostics; exit 1 on any error
  train <project> [--data CSV] [--epochs N] [--out FILE [--embed]] [--json]
                                                 train with the project's settings (from its stored weights, if any);
                                                 --embed stores the CSV inside the saved project
  predict <project> --data CSV [--out CSV]       predictions in the target's original units
  inspect <csv> [--json]                         column types, missing counts, mean, std, min, max
  {{exportUsage}}
                                                 a PyTorch script, an ONNX model, weights or predictions (docs/export.md)

Options for every command:
  --lang en|ko                                   the language of the messages (default: from LC_ALL, LC_MESSAGES or LANG)

Exit codes: 0 success, 1 bad input, 2 internal error.`,
  unknownCommand: 'Unknown command "{{command}}".',
  badLang: '--lang must be en or ko (got "{{value}}").',
  internalError: 'Internal error: {{error}}. Please report it{{debugHint}}.',
  debugHint: ' (set LAYERBOARD_DEBUG=1 for details)',
  warning: 'warning: {{text}}',
  severity: { error: 'error', warning: 'warning', info: 'info' },
  graph: 'graph',
  fix: 'fix: {{label}}',
  save: {
    noFolder: 'Could not save {{path}}: the folder {{folder}} does not exist.',
    denied: 'Could not save {{path}}: permission denied.',
    isFolder: 'Could not save {{path}}: it is a folder.',
    diskFull: 'Could not save {{path}}: the disk is full. The previous file, if any, is untouched.',
  },
  check: {
    usage: 'check needs one project file: layerboard check <project>',
    dataNotPrepared: 'The data could not be prepared, so widths were checked without it: {{reason}}',
    dataNotRead: 'The data could not be read, so widths were checked without it: {{reason}}',
    summary: '{{file}}: {{errors}}, {{warnings}}',
    errors_one: '{{count}} error',
    errors_other: '{{count}} errors',
    warnings_one: '{{count}} warning',
    warnings_other: '{{count}} warnings',
  },
  train: {
    usage: 'train needs one project file: layerboard train <project> [--data CSV] [--epochs N] [--out FILE [--embed]] [--json]',
    embedNeedsOut: '--embed stores the CSV inside the saved project, so it needs --out FILE.',
    badEpochs: '--epochs must be a whole number ≥ 1 (got "{{value}}").',
    badSettings: '{{file}}: training settings: {{problem}}',
    reading: 'reading {{file}} {{bar}}',
    dataChanged: '{{file}} has changed since the project was saved; the weights were trained on different data.',
    stopping: 'Stopping after the current step (Ctrl-C again to quit at once)…',
    epochsPerSecond: '{{value}} epochs/s',
    rowsPerSecond: '{{value}} rows/s',
    progress: 'epoch {{epoch}}/{{epochs}} {{bar}} loss {{loss}}{{validation}}  {{rate}}  ETA {{eta}}',
    progressValidation: ' val {{loss}}',
    done: {
      completed_one: 'Trained {{count}} epoch in {{duration}}: train loss {{loss}}{{validation}}',
      completed_other: 'Trained {{count}} epochs in {{duration}}: train loss {{loss}}{{validation}}',
      stopped_one: 'Stopped after {{count}} epoch in {{duration}}: train loss {{loss}}{{validation}}',
      stopped_other: 'Stopped after {{count}} epochs in {{duration}}: train loss {{loss}}{{validation}}',
      earlyStopped_one: 'Stopped early after {{count}} epoch in {{duration}}: train loss {{loss}}{{validation}}',
      earlyStopped_other: 'Stopped early after {{count}} epochs in {{duration}}: train loss {{loss}}{{validation}}',
      diverged_one: 'Diverged after {{count}} epoch in {{duration}}: train loss {{loss}}{{validation}}',
      diverged_other: 'Diverged after {{count}} epochs in {{duration}}: train loss {{loss}}{{validation}}',
    },
    doneValidation: ', validation loss {{loss}}',
    saved: 'Saved the trained project to {{file}}',
  },
  metrics: {
    train: 'train',
    validation: 'validation',
    regression: '{{set}} {{target}}: MSE {{mse}}  RMSE {{rmse}}  MAE {{mae}}  R² {{r2}}',
    accuracy: '{{set}} accuracy {{accuracy}}',
    perClass: '{{class}}: precision {{precision}}  recall {{recall}}',
    confusion: 'confusion (rows = actual, columns = predicted): {{matrix}}',
  },
  predict: {
    usage: 'predict needs a project and a CSV: layerboard predict <project> --data CSV [--out CSV]',
    noWeights: '{{file}} has no trained weights yet. Train it first: layerboard train {{file}} --out {{file}}',
    wrote_one: 'Wrote {{count}} prediction to {{file}}',
    wrote_other: 'Wrote {{count}} predictions to {{file}}',
  },
  inspect: {
    usage: 'inspect needs one CSV file: layerboard inspect <csv> [--json]',
    summary_one: '{{file}}: {{count}} row, {{columns}} columns',
    summary_other: '{{file}}: {{count}} rows, {{columns}} columns',
    heading: { column: 'column', type: 'type', missing: 'missing', mean: 'mean', std: 'std', min: 'min', max: 'max', distinct: 'distinct' },
  },
  files: {
    noSuchFile: '{{file}}: no such file.',
    isFolder: '{{file}} is a folder, not a .layerboard file.',
    moreErrors: ' (and {{count}} more)',
    dataNotFound: '{{file}}: the data file was not found. Relink it with --data FILE.',
    line: 'line {{line}}',
    column: 'column "{{column}}"',
    raggedHint: ' On the command line that is --skip-ragged-rows.',
    weightsDoNotFit: 'The project\'s stored weights do not fit its graph: {{reason}}',
  },
  export: {
    usage: 'export needs a project, a format and an output file: layerboard {{exportUsage}}',
    badFormat: '--format must be one of {{formats}} (got "{{value}}").',
    weightsNeedScript: '--weights chooses the starting weights of a PyTorch script; it needs --format pytorch or pytorch-ddp.',
    badWeights: '--weights must be one of {{choices}} (got "{{value}}").',
    dataNeedsPredictions: '--data names the CSV to predict on; it needs --format predictions.',
    embeddedCsv: 'the project carries its CSV inside; save it as {{file}} beside the script, or pass --csv FILE to the script.',
    wrote: 'Wrote {{file}}: {{summary}}.',
    runIt: 'Run it with: {{command}}',
  },
} as const;
