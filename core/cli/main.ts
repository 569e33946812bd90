/**
 * `layerboard` — the command line: check, train, predict and inspect projects and CSVs without
 * the app. Exit codes: 0 success, 1 the user's input is wrong (one line on stderr), 2 internal error.
 */

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors, regressionMetrics, classificationMetrics, evaluate, runTraining, TrainingController, validateTrainingSettings, type Metrics, type TrainerEvent } from '../index.ts';
import { applyPreprocessing, inverseTransformTargets, type StoredPreprocessing } from '../data/index.ts';
import { serializeProject, type Project } from '../project/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { bar, formatDuration, formatNumber } from './format.ts';
import { exportCommand, EXPORT_USAGE } from './export-command.ts';
import { predictionsCsv } from '../export/predictions.ts';
import { dataContextOf } from '../index.ts';
import { analyze, compileProject, dataPathOf, formatDiagnostic, prepareProjectData, readCsv, readProject, type Result } from './session.ts';

const USAGE = `Usage: layerboard <command> [options]

Commands:
  check <project> [--json]                       the compiler's diagnostics; exit 1 on any error
  train <project> [--data CSV] [--epochs N] [--out FILE [--embed]] [--json]
                                                 train with the project's settings (from its stored weights, if any);
                                                 --embed stores the CSV inside the saved project
  predict <project> --data CSV [--out CSV]       predictions in the target's original units
  inspect <csv> [--json]                         column types, missing counts, mean, std, min, max
  ${EXPORT_USAGE}
                                                 a PyTorch script, an ONNX model, weights or predictions (docs/export.md)

Exit codes: 0 success, 1 bad input, 2 internal error.`;

/** A failure the user can fix: printed as one line, exit code 1. */
class UserError extends Error {}

function fail<T>(result: Result<T>): asserts result is { type: 'ok' } & T {
  if (result.type === 'error') throw new UserError(result.message);
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, data: { type: 'string' } } });
  if (positionals.length !== 1) throw new UserError('check needs one project file: layerboard check <project>');
  const loaded = readProject(positionals[0]);
  fail(loaded);
  const warnings = [...loaded.warnings];
  const csvPath = dataPathOf(loaded, values.data);
  const csv = await readCsv(csvPath, { embedded: values.data ? undefined : loaded.project.data.embedded });
  let context = {};
  if (csv.type === 'ok') {
    const prepared = prepareProjectData(loaded.project, csv);
    if (prepared.type === 'ok') context = dataContextOf(prepared.dataset);
    else warnings.push(`The data could not be prepared, so widths were checked without it: ${prepared.message}`);
  } else {
    warnings.push(`The data could not be read, so widths were checked without it: ${csv.message}`);
  }
  const analysis = analyze(loaded.project, context);
  const failed = hasErrors(analysis.diagnostics);
  if (values.json) {
    out(JSON.stringify({ file: positionals[0], ok: !failed, diagnostics: analysis.diagnostics, edgeWidths: analysis.edgeWidths, warnings }));
  } else {
    for (const w of warnings) err(`warning: ${w}`);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    const warns = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
    out(`${positionals[0]}: ${errors} error${errors === 1 ? '' : 's'}, ${warns} warning${warns === 1 ? '' : 's'}`);
    for (const d of analysis.diagnostics) out(`  ${formatDiagnostic(d)}`);
  }
  return failed ? 1 : 0;
}

/** Saves atomically; a missing folder or a permission problem is the user's to fix, not an internal error. */
async function save(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new UserError(`Could not save ${path}: the folder ${dirname(resolve(path))} does not exist.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError(`Could not save ${path}: permission denied.`);
    if (code === 'EISDIR') throw new UserError(`Could not save ${path}: it is a folder.`);
    if (code === 'ENOSPC') throw new UserError(`Could not save ${path}: the disk is full. The previous file, if any, is untouched.`);
    throw error;
  }
}

/** The CSV's path as the project at `projectPath` stores it: relative, with forward slashes on every platform. */
function relativeDataPath(projectPath: string, csvPath: string): string {
  return relative(dirname(resolve(projectPath)), csvPath).split(sep).join('/');
}

/** Metrics in the target's original units (targets may have been standardized for training). */
function originalUnitMetrics(predictions: Float32Array, y: Float32Array, n: number, width: number, preprocessing: StoredPreprocessing, classes: string[] | undefined, names: string[]): Metrics {
  if (preprocessing.target.task === 'classification') return classificationMetrics(predictions, y, n, width, classes ?? []);
  const pred = inverseTransformTargets(predictions, preprocessing);
  const actual = inverseTransformTargets(y, preprocessing);
  return regressionMetrics(pred, actual, n, actual.length / n, names);
}

function printMetrics(label: string, m: Metrics): void {
  if (m.task === 'regression') {
    for (const t of m.targets) out(`  ${label} ${t.name}: MSE ${formatNumber(t.mse)}  RMSE ${formatNumber(t.rmse)}  MAE ${formatNumber(t.mae)}  R² ${formatNumber(t.r2, 4)}`);
    return;
  }
  out(`  ${label} accuracy ${formatNumber(m.accuracy, 4)}`);
  m.classes.forEach((c, i) => out(`    ${c}: precision ${formatNumber(m.precision[i], 3)}  recall ${formatNumber(m.recall[i], 3)}`));
  out(`    confusion (rows = actual, columns = predicted): ${JSON.stringify(m.confusion)}`);
}

async function train(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      data: { type: 'string' }, epochs: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
      'skip-ragged-rows': { type: 'boolean' }, embed: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UserError('train needs one project file: layerboard train <project> [--data CSV] [--epochs N] [--out FILE [--embed]] [--json]');
  if (values.embed && !values.out) throw new UserError('--embed stores the CSV inside the saved project, so it needs --out FILE.');
  const loaded = readProject(positionals[0]);
  fail(loaded);
  const project = loaded.project;
  const settings = { ...project.training };
  if (values.epochs !== undefined) {
    const epochs = Number(values.epochs);
    if (!Number.isInteger(epochs) || epochs < 1) throw new UserError(`--epochs must be a whole number ≥ 1 (got "${values.epochs}").`);
    settings.epochs = epochs;
  }
  const settingsProblem = validateTrainingSettings(settings);
  if (settingsProblem) throw new UserError(`${positionals[0]}: training settings: ${settingsProblem}`);
  const json = values.json === true;
  const tty = !json && process.stderr.isTTY === true;
  for (const w of loaded.warnings) err(`warning: ${w}`);

  const csvPath = dataPathOf(loaded, values.data);
  const csv = await readCsv(csvPath, {
    embedded: values.data ? undefined : project.data.embedded,
    skipRaggedRows: values['skip-ragged-rows'],
    onProgress: tty ? (bytes, total) => process.stderr.write(`\rreading ${csvPath} ${bar(bytes / total)}`) : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  fail(csv);
  for (const w of csv.warnings) err(`warning: ${w}`);
  if (!values.data && project.data.hash && !project.data.embedded && project.data.hash.value !== csv.sha256) {
    err(`warning: ${csvPath} has changed since the project was saved; the weights were trained on different data.`);
  }
  const prepared = prepareProjectData(project, csv);
  fail(prepared);
  for (const w of prepared.warnings) err(`warning: ${w}`);
  const compiled = compileProject(project, prepared.dataset);
  fail(compiled);
  for (const d of compiled.diagnostics) err(formatDiagnostic(d));

  const plan = compiled.plan;
  const trainData = prepared.split ? prepared.split.train : prepared.dataset;
  const validation = prepared.split?.validation ?? null;
  const startEpoch = project.history?.epoch.at(-1) ?? 0;
  const controller = new TrainingController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    err('\nStopping after the current step (Ctrl-C again to quit at once)…');
    controller.stop();
  };
  process.on('SIGINT', onSigint);

  const onEvent = (e: TrainerEvent): void => {
    if (json) {
      if (e.type === 'progress' || e.type === 'diverged' || e.type === 'started') out(JSON.stringify({ event: e.type, ...e, type: undefined }));
      return;
    }
    if (e.type === 'progress' && tty) {
      const done = (e.epoch - startEpoch) / (e.epochs - startEpoch);
      const rate = e.stepsPerEpoch === 1 ? `${formatNumber((e.examplesPerSecond / trainData.n), 3)} epochs/s` : `${formatNumber(e.examplesPerSecond, 3)} rows/s`;
      process.stderr.write(`\r\x1b[Kepoch ${e.epoch + 1}/${e.epochs} ${bar(done)} loss ${formatNumber(e.trainLoss)}${e.validationLoss !== null ? ` val ${formatNumber(e.validationLoss)}` : ''}  ${rate}  ETA ${formatDuration(e.etaMs ?? NaN)}`);
    }
    if (e.type === 'diverged') err(`\n${e.message}`);
  };
  const started = performance.now();
  const result = await runTraining(plan, { train: trainData, validation }, {
    settings, startEpoch, yieldToHost: () => new Promise((r) => setImmediate(r)),
  }, controller, onEvent);
  process.off('SIGINT', onSigint);
  if (tty) process.stderr.write('\r\x1b[K');

  const trainEval = evaluate(plan, trainData, true);
  const metrics = {
    train: originalUnitMetrics(trainEval.predictions!, trainData.y, trainData.n, plan.outputWidth, prepared.preprocessing, trainData.classes, trainData.targetNames),
    validation: validation ? originalUnitMetrics(evaluate(plan, validation, true).predictions!, validation.y, validation.n, plan.outputWidth, prepared.preprocessing, validation.classes, validation.targetNames) : null,
  };
  const seconds = (performance.now() - started) / 1000;

  let saved: string | null = null;
  if (values.out) {
    const history = project.history ?? { epoch: [], trainLoss: [], valLoss: [] };
    const next: Project = {
      ...project,
      data: {
        ...project.data,
        // The data path is relative to the project file, so saving elsewhere rebases it.
        path: project.data.embedded && !values.data ? project.data.path : relativeDataPath(values.out, csvPath),
        hash: { algorithm: 'sha256', value: csv.sha256 },
        // --embed makes a self-contained file; an embedded project stays embedded unless --data replaces its CSV.
        ...(values.embed ? { embedded: project.data.embedded && !values.data ? project.data.embedded : readFileSync(csvPath, 'utf8') } : {}),
        ...(!values.embed && values.data ? { embedded: undefined } : {}),
        fitted: prepared.preprocessing,
      },
      weights: plan.exportWeights(),
      history: {
        epoch: [...history.epoch, ...result.history.epoch],
        trainLoss: [...history.trainLoss, ...result.history.trainLoss],
        valLoss: [...history.valLoss, ...result.history.valLoss],
      },
    };
    await save(values.out, serializeProject(next));
    saved = values.out;
  }

  if (json) {
    out(JSON.stringify({ event: 'summary', reason: result.reason, message: result.message, epochs: result.epochsCompleted, seconds, trainLoss: result.trainLoss, validationLoss: result.validationLoss, metrics, saved }));
  } else {
    const what = { completed: 'Trained', stopped: 'Stopped after', earlyStopped: 'Stopped early after', diverged: 'Diverged after' }[result.reason];
    out(`${what} ${result.epochsCompleted} epoch${result.epochsCompleted === 1 ? '' : 's'} in ${formatDuration(seconds * 1000)}: train loss ${formatNumber(result.trainLoss)}${result.validationLoss !== null ? `, validation loss ${formatNumber(result.validationLoss)}` : ''}`);
    if (result.message && result.reason !== 'diverged') out(result.message);
    printMetrics('train', metrics.train);
    if (metrics.validation) printMetrics('validation', metrics.validation);
    if (saved) out(`Saved the trained project to ${saved}`);
  }
  return result.reason === 'diverged' ? 1 : 0;
}

async function predict(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length !== 1 || !values.data) throw new UserError('predict needs a project and a CSV: layerboard predict <project> --data CSV [--out CSV]');
  const loaded = readProject(positionals[0]);
  fail(loaded);
  const project = loaded.project;
  if (!project.weights || Object.keys(project.weights).length === 0) {
    throw new UserError(`${positionals[0]} has no trained weights yet. Train it first: layerboard train ${positionals[0]} --out ${positionals[0]}`);
  }
  // The preprocessing fitted at training time; older files without it refit on the project's own CSV.
  let preprocessing: StoredPreprocessing | undefined = project.data.fitted;
  let trainingSet;
  if (!preprocessing) {
    const own = await readCsv(dataPathOf(loaded), { embedded: project.data.embedded });
    fail(own);
    const prepared = prepareProjectData(project, own);
    fail(prepared);
    preprocessing = prepared.preprocessing;
    trainingSet = prepared.dataset;
  }
  const csv = await readCsv(values.data);
  fail(csv);
  const encoded = applyPreprocessing(csv.table, preprocessing, { targets: 'auto' });
  if (encoded.type === 'error') throw new UserError(`${values.data}: ${encoded.message}`);
  for (const w of encoded.warnings) err(`warning: ${values.data}: ${w.message}`);
  const dataset = encoded.dataset;
  const compiled = compileProject(project, trainingSet ?? { ...dataset, classes: preprocessing.target.task === 'classification' ? preprocessing.target.classes : undefined });
  fail(compiled);
  const plan = compiled.plan;
  plan.ensureCapacity(Math.min(4096, Math.max(1, dataset.n)));
  const { predictions } = evaluate(plan, { ...dataset, y: encoded.hasTargets ? dataset.y : new Float32Array(dataset.n * plan.targetWidth) }, true);

  const text = predictionsCsv({ table: csv.table, encoded, predictions: predictions!, width: plan.outputWidth, preprocessing });
  if (values.out) {
    await save(values.out, text);
    err(`Wrote ${dataset.n} predictions to ${values.out}`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

async function inspect(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, 'skip-ragged-rows': { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UserError('inspect needs one CSV file: layerboard inspect <csv> [--json]');
  const csv = await readCsv(positionals[0], { skipRaggedRows: values['skip-ragged-rows'] });
  fail(csv);
  if (values.json) {
    out(JSON.stringify({ file: positionals[0], ...csv.report, warnings: csv.warnings }));
    return 0;
  }
  for (const w of csv.warnings) err(`warning: ${w}`);
  const rowCount = csv.table.rowCount;
  out(`${positionals[0]}: ${rowCount} row${rowCount === 1 ? '' : 's'}, ${csv.table.columns.length} columns`);
  const rows: string[][] = [['column', 'type', 'missing', 'mean', 'std', 'min', 'max', 'distinct']];
  for (const c of csv.report.columns) {
    const n = c.numeric;
    rows.push([c.name, c.kind, String(c.missingCount), formatNumber(n?.mean), formatNumber(n?.std), formatNumber(n?.min), formatNumber(n?.max), c.categorical ? String(c.categorical.distinctCount) : '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) out(`  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`);
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { check, train, predict, inspect, export: exportCommand };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    err(`Unknown command "${command}".\n\n${USAGE}`);
    return 1;
  }
  try {
    return await run(rest);
  } catch (error) {
    if (error instanceof UserError) {
      err(error.message);
      return 1;
    }
    // Node's parseArgs rejects unknown options with a TypeError carrying this code.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      err(`${error.message}\n\n${USAGE}`);
      return 1;
    }
    err(`Internal error: ${error instanceof Error ? error.message : String(error)}. Please report it${process.env.LAYERBOARD_DEBUG ? '' : ' (set LAYERBOARD_DEBUG=1 for details)'}.`);
    if (process.env.LAYERBOARD_DEBUG && error instanceof Error) err(error.stack ?? '');
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
