/**
 * `layerboard` — the command line: check, train, predict and inspect projects and CSVs without
 * the app. Exit codes: 0 success, 1 the user's input is wrong (one line on stderr), 2 internal error.
 */

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { dataIssueText, trainingText } from '../i18n/index.ts';
import { hasErrors, regressionMetrics, classificationMetrics, evaluate, runTraining, TrainingController, validateTrainingSettings, type Metrics, type TrainerEvent } from '../index.ts';
import { applyPreprocessing, inverseTransformTargets, type StoredPreprocessing } from '../data/index.ts';
import { serializeProject, type Project } from '../project/index.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { bar, displayWidth, formatDuration, formatNumber } from './format.ts';
import { exportCommand, EXPORT_USAGE } from './export-command.ts';
import { predictionsCsv } from '../export/predictions.ts';
import { dataContextOf } from '../index.ts';
import { useNodeKernelThreads } from './kernel-threads.ts';
import { analyze, compileProject, dataPathOf, formatDiagnostic, prepareProjectData, readCsv, readProject, type Result } from './session.ts';
import { cliT, isLocale, localeFromEnv, say, setCliLocale, takeLangOption } from './words.ts';

const usage = (): string => say('usage', { exportUsage: EXPORT_USAGE });

/** A failure the user can fix: printed as one line, exit code 1. */
class UserError extends Error {}

function fail<T>(result: Result<T>): asserts result is { type: 'ok' } & T {
  if (result.type === 'error') throw new UserError(result.message);
}

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, data: { type: 'string' } } });
  if (positionals.length !== 1) throw new UserError(say('check.usage'));
  const loaded = readProject(positionals[0]);
  fail(loaded);
  const warnings = [...loaded.warnings];
  const csvPath = dataPathOf(loaded, values.data);
  const csv = await readCsv(csvPath, { embedded: values.data ? undefined : loaded.project.data.embedded });
  let context = {};
  if (csv.type === 'ok') {
    const prepared = prepareProjectData(loaded.project, csv);
    if (prepared.type === 'ok') context = dataContextOf(prepared.dataset);
    else warnings.push(say('check.dataNotPrepared', { reason: prepared.message }));
  } else {
    warnings.push(say('check.dataNotRead', { reason: csv.message }));
  }
  const analysis = analyze(loaded.project, context);
  const failed = hasErrors(analysis.diagnostics);
  if (values.json) {
    out(JSON.stringify({ file: positionals[0], ok: !failed, diagnostics: analysis.diagnostics, edgeWidths: analysis.edgeWidths, warnings }));
  } else {
    for (const w of warnings) err(say('warning', { text: w }));
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    const warns = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
    out(say('check.summary', { file: positionals[0], errors: { key: 'cli:check.errors', params: { count: errors } }, warnings: { key: 'cli:check.warnings', params: { count: warns } } }));
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
    if (code === 'ENOENT') throw new UserError(say('save.noFolder', { path, folder: dirname(resolve(path)) }));
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError(say('save.denied', { path }));
    if (code === 'EISDIR') throw new UserError(say('save.isFolder', { path }));
    if (code === 'ENOSPC') throw new UserError(say('save.diskFull', { path }));
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

function printMetrics(set: 'train' | 'validation', m: Metrics): void {
  const label = say(`metrics.${set}`);
  if (m.task === 'regression') {
    for (const t of m.targets) {
      out(`  ${say('metrics.regression', { set: label, target: t.name, mse: formatNumber(t.mse), rmse: formatNumber(t.rmse), mae: formatNumber(t.mae), r2: formatNumber(t.r2, 4) })}`);
    }
    return;
  }
  out(`  ${say('metrics.accuracy', { set: label, accuracy: formatNumber(m.accuracy, 4) })}`);
  m.classes.forEach((c, i) => out(`    ${say('metrics.perClass', { class: c, precision: formatNumber(m.precision[i], 3), recall: formatNumber(m.recall[i], 3) })}`));
  out(`    ${say('metrics.confusion', { matrix: JSON.stringify(m.confusion) })}`);
}

async function train(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      data: { type: 'string' }, epochs: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' },
      'skip-ragged-rows': { type: 'boolean' }, embed: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UserError(say('train.usage'));
  if (values.embed && !values.out) throw new UserError(say('train.embedNeedsOut'));
  const loaded = readProject(positionals[0]);
  fail(loaded);
  const project = loaded.project;
  const settings = { ...project.training };
  if (values.epochs !== undefined) {
    const epochs = Number(values.epochs);
    if (!Number.isInteger(epochs) || epochs < 1) throw new UserError(say('train.badEpochs', { value: values.epochs }));
    settings.epochs = epochs;
  }
  const settingsProblem = validateTrainingSettings(settings);
  if (settingsProblem) throw new UserError(say('train.badSettings', { file: positionals[0], problem: trainingText(cliT(), settingsProblem) ?? settingsProblem.message }));
  const json = values.json === true;
  const tty = !json && process.stderr.isTTY === true;
  for (const w of loaded.warnings) err(say('warning', { text: w }));

  const csvPath = dataPathOf(loaded, values.data);
  const csv = await readCsv(csvPath, {
    embedded: values.data ? undefined : project.data.embedded,
    skipRaggedRows: values['skip-ragged-rows'],
    onProgress: tty ? (bytes, total) => process.stderr.write(`\r${say('train.reading', { file: csvPath, bar: bar(bytes / total) })}`) : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  fail(csv);
  for (const w of csv.warnings) err(say('warning', { text: w }));
  if (!values.data && project.data.hash && !project.data.embedded && project.data.hash.value !== csv.sha256) {
    err(say('warning', { text: say('train.dataChanged', { file: csvPath }) }));
  }
  const prepared = prepareProjectData(project, csv);
  fail(prepared);
  for (const w of prepared.warnings) err(say('warning', { text: w }));
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
    err(`\n${say('train.stopping')}`);
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
      const rate = e.stepsPerEpoch === 1
        ? say('train.epochsPerSecond', { value: formatNumber(e.examplesPerSecond / trainData.n, 3) })
        : say('train.rowsPerSecond', { value: formatNumber(e.examplesPerSecond, 3) });
      const line = say('train.progress', {
        epoch: e.epoch + 1, epochs: e.epochs, bar: bar(done), loss: formatNumber(e.trainLoss),
        validation: e.validationLoss !== null ? say('train.progressValidation', { loss: formatNumber(e.validationLoss) }) : '',
        rate, eta: formatDuration(e.etaMs ?? NaN),
      });
      process.stderr.write(`\r\x1b[K${line}`);
    }
    if (e.type === 'diverged') err(`\n${trainingText(cliT(), e) ?? e.message}`);
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
    out(say(`train.done.${result.reason}`, {
      count: result.epochsCompleted,
      duration: formatDuration(seconds * 1000),
      loss: formatNumber(result.trainLoss),
      validation: result.validationLoss !== null ? say('train.doneValidation', { loss: formatNumber(result.validationLoss) }) : '',
    }));
    if (result.message && result.reason !== 'diverged') out(trainingText(cliT(), result) ?? result.message);
    printMetrics('train', metrics.train);
    if (metrics.validation) printMetrics('validation', metrics.validation);
    if (saved) out(say('train.saved', { file: saved }));
  }
  return result.reason === 'diverged' ? 1 : 0;
}

async function predict(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' }, out: { type: 'string' } } });
  if (positionals.length !== 1 || !values.data) throw new UserError(say('predict.usage'));
  const loaded = readProject(positionals[0]);
  fail(loaded);
  const project = loaded.project;
  if (!project.weights || Object.keys(project.weights).length === 0) {
    throw new UserError(say('predict.noWeights', { file: positionals[0] }));
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
  if (encoded.type === 'error') throw new UserError(`${values.data}: ${dataIssueText(cliT(), encoded)}`);
  for (const w of encoded.warnings) err(say('warning', { text: `${values.data}: ${dataIssueText(cliT(), w)}` }));
  const dataset = encoded.dataset;
  const compiled = compileProject(project, trainingSet ?? { ...dataset, classes: preprocessing.target.task === 'classification' ? preprocessing.target.classes : undefined });
  fail(compiled);
  const plan = compiled.plan;
  plan.ensureCapacity(Math.min(4096, Math.max(1, dataset.n)));
  const { predictions } = evaluate(plan, { ...dataset, y: encoded.hasTargets ? dataset.y : new Float32Array(dataset.n * plan.targetWidth) }, true);

  const text = predictionsCsv({ table: csv.table, encoded, predictions: predictions!, width: plan.outputWidth, preprocessing });
  if (values.out) {
    await save(values.out, text);
    err(say('predict.wrote', { count: dataset.n, file: values.out }));
  } else {
    process.stdout.write(text);
  }
  return 0;
}

async function inspect(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, 'skip-ragged-rows': { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UserError(say('inspect.usage'));
  const csv = await readCsv(positionals[0], { skipRaggedRows: values['skip-ragged-rows'] });
  fail(csv);
  if (values.json) {
    out(JSON.stringify({ file: positionals[0], ...csv.report, warnings: csv.warnings }));
    return 0;
  }
  for (const w of csv.warnings) err(say('warning', { text: w }));
  out(say('inspect.summary', { file: positionals[0], count: csv.table.rowCount, columns: csv.table.columns.length }));
  const rows: string[][] = [(['column', 'type', 'missing', 'mean', 'std', 'min', 'max', 'distinct'] as const).map((h) => say(`inspect.heading.${h}`))];
  for (const c of csv.report.columns) {
    const n = c.numeric;
    rows.push([c.name, c.kind, String(c.missingCount), formatNumber(n?.mean), formatNumber(n?.std), formatNumber(n?.min), formatNumber(n?.max), c.categorical ? String(c.categorical.distinctCount) : '']);
  }
  // Columns line up by display width: a Hangul syllable takes two terminal cells.
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  for (const r of rows) out(`  ${r.map((cell, i) => cell + ' '.repeat(widths[i] - displayWidth(cell))).join('  ')}`);
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { check, train, predict, inspect, export: exportCommand };

export async function main(argv: string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const { rest: args, lang } = takeLangOption(argv);
  setCliLocale(localeFromEnv(env));
  if (lang !== undefined) {
    if (!isLocale(lang)) {
      err(say('badLang', { value: lang }));
      return 1;
    }
    setCliLocale(lang);
  }
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(usage());
    return command ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    err(`${say('unknownCommand', { command })}\n\n${usage()}`);
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
      err(`${error.message}\n\n${usage()}`);
      return 1;
    }
    err(say('internalError', { error: error instanceof Error ? error.message : String(error), debugHint: process.env.LAYERBOARD_DEBUG ? '' : say('debugHint') }));
    if (process.env.LAYERBOARD_DEBUG && error instanceof Error) err(error.stack ?? '');
    return 2;
  }
}

// Large products split across the machine's cores (the same bits as one thread).
useNodeKernelThreads();
process.exitCode = await main(process.argv.slice(2));
